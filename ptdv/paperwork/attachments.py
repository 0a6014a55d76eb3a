"""Scans attached to dossier records: checked by what the bytes are, stored where no URL reaches.

A file's name and the browser's content type are whatever the uploader's computer says; only the
bytes decide. Each accepted kind is recognised by its signature and then walked far enough to
know it is whole (a PDF's trailer, a PNG's chunks and their checksums, a JPEG's segments), so a
renamed text file or a truncated upload is refused with a message rather than stored.
"""

import hashlib
import os
import secrets
import struct
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv.paperwork.models import Scan, ScanKind

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _is_pdf(data: bytes) -> bool:
    """%PDF-1.x header, at least one object, and a trailer (startxref … %%EOF) at the end."""
    if not data.startswith(b"%PDF-") or len(data) < 64:
        return False
    tail = data[-2048:]
    return b"%%EOF" in tail and b"startxref" in tail and b" obj" in data


def _is_png(data: bytes) -> bool:
    """Every chunk's length and CRC-32 hold, the first is IHDR and the last IEND."""
    if not data.startswith(PNG_SIGNATURE):
        return False
    position, first, kinds = len(PNG_SIGNATURE), True, []
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            return False
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(data[position + 4 : end - 4]) != crc or (first and kind != b"IHDR"):
            return False
        kinds.append(kind)
        first, position = False, end
        if kind == b"IEND":
            return b"IDAT" in kinds
    return False


def _is_jpeg(data: bytes) -> bool:
    """Start of image, segments whose lengths hold up to a frame header and the scan, end of image."""
    if not data.startswith(b"\xff\xd8\xff") or not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        return False
    position, frame = 2, False
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return False
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: entropy-coded data follows up to the end marker
            return frame
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if length < 2:
            return False
        frame = frame or marker in (0xC0, 0xC1, 0xC2, 0xC3)
        position += 2 + length
    return False


CHECKS = {ScanKind.PDF: _is_pdf, ScanKind.PNG: _is_png, ScanKind.JPEG: _is_jpeg}


def kind_of(data: bytes) -> str:
    """The scan kind the bytes are, whatever the file was called; ValidationError otherwise."""
    for kind, check in CHECKS.items():
        if check(data):
            return kind
    if data.startswith(b"%PDF-"):
        raise ValidationError(_("Tệp PDF bị hỏng hoặc không đầy đủ: hãy quét hoặc lưu lại rồi tải lên."))
    raise ValidationError(_("Chỉ nhận bản quét PDF, JPEG hoặc PNG; tệp này không phải loại nào trong số đó."))


def read_upload(upload) -> bytes:
    """The uploaded file's bytes, refused before reading when over PTDV_SCAN_MAX_MB."""
    limit = settings.PTDV_SCAN_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("Tệp lớn quá %(mb)s MB: hãy quét với độ phân giải thấp hơn.")
            % {"mb": settings.PTDV_SCAN_MAX_MB}
        )
    data = upload.read(limit + 1)
    if len(data) > limit:  # a client may understate the size
        raise ValidationError(_("Tệp lớn quá %(mb)s MB.") % {"mb": settings.PTDV_SCAN_MAX_MB})
    if not data:
        raise ValidationError(_("Tệp rỗng."))
    return data


def _store(data: bytes) -> str:
    """Write `data` under a random name in the scan directory (mode 0600); return the name."""
    name = secrets.token_hex(24)
    folder = settings.PTDV_SCAN_DIR / name[:2]
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    return name


def _clean_name(name: str) -> str:
    return "".join(c for c in os.path.basename(name or "") if c.isprintable())[:200]


def attach(record, upload, *, by, replaces: Scan | None = None, reason: str = "") -> Scan:
    """Attach an uploaded scan to a dossier record (DossierDocument, RelativeVerification or
    CaseEvent) of an open or closed case; with `replaces`, the older scan is withdrawn with
    `reason` and stays in the history."""
    data = read_upload(upload)
    kind = kind_of(data)
    field = {"DossierDocument": "document", "RelativeVerification": "verification", "CaseEvent": "event"}[
        type(record).__name__
    ]
    if getattr(record, "voided_at", None) is not None:
        raise ValidationError(_("Giấy tờ này đã hủy bỏ; không đính kèm được."))
    if replaces is not None:
        if getattr(replaces, f"{field}_id") != record.pk or replaces.voided:
            raise ValidationError(_("Bản quét được thay không thuộc giấy tờ này."))
        if not reason.strip():
            raise ValidationError(_("Thay bản quét phải có lý do."))
    name = _store(data)
    with transaction.atomic():
        if replaces is not None:
            replaces.voided_at, replaces.voided_by = timezone.now(), by
            replaces.void_reason = reason.strip()[:300]
            replaces.save()  # a history row for the withdrawal
        return Scan.objects.create(
            case_id=record.case_id,
            **{field: record},
            kind=kind,
            stored_name=name,
            original_name=_clean_name(upload.name),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            replaces=replaces,
            recorded_by=by,
        )


def withdraw(scan: Scan, reason: str, *, by) -> None:
    """Hủy bản quét gắn nhầm: kept with who, when and why; the file stays on disk."""
    if not reason.strip():
        raise ValidationError(_("Hủy bản quét phải có lý do."))
    if scan.voided:
        raise ValidationError(_("Bản quét này đã hủy."))
    scan.voided_at, scan.voided_by, scan.void_reason = timezone.now(), by, reason.strip()[:300]
    scan.save()


def read(scan: Scan) -> bytes:
    return scan.path.read_bytes()
