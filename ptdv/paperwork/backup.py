"""Sao lưu và khôi phục: all the data, its history and the attachments in one file.

`ptdv backup FILE` writes a zip holding `data.json` (every row of every model, history tables
included, as Django's JSON serializer writes them, content types by natural key so that the
file loads into any database), the data folder's attachments (`attachments/…`) and
`manifest.json`: the rows per model, and a SHA-256 checksum of `data.json` and of each
attachment. `ptdv restore FILE` loads such a file into an EMPTY database, SQLite or PostgreSQL
(the way a user moves from the embedded default to a server): it refuses a database that
holds data, and a file whose checksums, manifest or rows do not add up, with a message saying
what to do — and writes nothing then (one transaction; the rows counted before it commits).
"""

import hashlib
import io
import json
import tempfile
import zipfile
from itertools import chain
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "ptdv-backup"
VERSION = 1
DATA = "data.json"
MANIFEST = "manifest.json"
ATTACHMENTS = "attachments/"
# Written by `ptdv migrate` itself or throwaway (the kept dashboards, recomputed on the first
# visit): never in a backup, never a reason to refuse.
NOT_DATA = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "reports.keptdashboard",
    "reports.datageneration",
}


class BackupError(Exception):
    """A backup that cannot be written or restored; the message is for people (Vietnamese)."""


def models_with_data() -> list:
    """Every concrete model whose rows are data (history tables included), in a fixed order."""
    models = [
        m
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m._meta.label_lower not in NOT_DATA
    ]
    return sorted(models, key=lambda m: m._meta.label_lower)


def attachments_dir() -> Path:
    """The data folder's attachments (scans of dossier records), wherever settings put them."""
    return Path(getattr(settings, "PTDV_SCAN_DIR", Path(settings.DATA_DIR) / "scans"))


def counts() -> dict[str, int]:
    return {m._meta.label_lower: m._base_manager.count() for m in models_with_data()}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def backup(target: Path) -> dict:
    """Write the backup file `target`; returns its manifest. Reads in one transaction, so the
    file is one consistent moment even while others work."""
    with transaction.atomic(), tempfile.TemporaryFile("w+b") as raw:
        rows = counts()
        text = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
        querysets = (m._base_manager.order_by("pk").iterator(chunk_size=2000) for m in models_with_data())
        serializers.serialize(
            "json", chain.from_iterable(querysets), stream=text, use_natural_foreign_keys=True
        )
        text.flush()
        raw.seek(0)
        data = raw.read()
    folder = attachments_dir()
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "counts": rows,
        "data_sha256": _sha256(data),
        "attachments": {p.relative_to(folder).as_posix(): _sha256(p.read_bytes()) for p in files},
    }
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA, data)
        for path in files:
            archive.write(path, ATTACHMENTS + path.relative_to(folder).as_posix())
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    partial.chmod(0o600)  # all personal data: owner-only, like the data folder
    partial.replace(target)  # never a half-written file under the name asked for
    return manifest


def _damaged(why: str) -> BackupError:
    return BackupError(
        _("Tệp sao lưu bị hỏng hoặc không phải tệp sao lưu PTĐV (%(why)s); không khôi phục gì.")
        % {"why": why}
    )


def read(source: Path) -> tuple[dict, bytes, dict[str, bytes]]:
    """The manifest, data and attachments of a backup file, every checksum verified."""
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            data = archive.read(DATA)
            files = {
                name[len(ATTACHMENTS) :]: archive.read(name)
                for name in archive.namelist()
                if name.startswith(ATTACHMENTS) and not name.endswith("/")
            }
    except FileNotFoundError as missing:
        raise BackupError(_("Không có tệp %(f)s.") % {"f": source}) from missing
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError) as broken:
        raise _damaged(str(broken) or type(broken).__name__) from broken
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _damaged(_("thiếu bản kê"))
    if manifest.get("version") != VERSION:
        raise BackupError(
            _("Tệp sao lưu phiên bản %(v)s; bản PTĐV này đọc phiên bản %(mine)s.")
            % {"v": manifest.get("version"), "mine": VERSION}
        )
    if _sha256(data) != manifest.get("data_sha256"):
        raise _damaged(_("mã kiểm tra dữ liệu không khớp"))
    expected = manifest.get("attachments") or {}
    if set(files) != set(expected) or any(_sha256(files[n]) != expected[n] for n in files):
        raise _damaged(_("tệp đính kèm thiếu hoặc không khớp mã kiểm tra"))
    return manifest, data, files


def _safe(folder: Path, name: str) -> Path:
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise _damaged(_("đường dẫn tệp đính kèm không hợp lệ: %(n)s") % {"n": name})
    return path


def restore(source: Path) -> dict:
    """Load the backup `source` into this (empty) database and the attachments folder."""
    manifest, data, files = read(source)
    present = {label: n for label, n in counts().items() if n}
    if present:
        raise BackupError(
            _(
                "Cơ sở dữ liệu đã có dữ liệu (%(n)d bản ghi); chỉ khôi phục vào cơ sở dữ liệu trống "
                "(mới tạo rồi chạy `ptdv migrate`). Không khôi phục gì."
            )
            % {"n": sum(present.values())}
        )
    folder = attachments_dir()
    if folder.is_dir() and any(folder.iterdir()):
        raise BackupError(_("Thư mục tệp đính kèm %(d)s không trống; không khôi phục gì.") % {"d": folder})
    targets = {name: _safe(folder, name) for name in files}
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATA
        dump.write_bytes(data)
        try:
            # The history rows are in the file: none may be written while loading (loaddata's
            # m2m saves would otherwise add versions simple-history's raw check does not skip).
            with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
                call_command("loaddata", str(dump), verbosity=0)
                loaded = counts()
                if any(loaded.get(label, 0) != n for label, n in manifest["counts"].items()):
                    raise _damaged(_("số bản ghi không khớp bản kê"))
                for name, content in files.items():  # inside: a failed write rolls the rows back
                    targets[name].parent.mkdir(parents=True, exist_ok=True)
                    targets[name].write_bytes(content)
                    written.append(targets[name])
        except BackupError:
            _remove(written)
            raise
        except OSError as failed:
            _remove(written)
            raise BackupError(
                _("Không ghi được tệp đính kèm vào %(d)s: %(e)s") % {"d": folder, "e": failed}
            ) from failed
        except Exception as broken:  # a row the schema refuses (loaddata): nothing was written
            _remove(written)
            raise _damaged(_("dữ liệu không nạp được: %(e)s") % {"e": broken}) from broken
    return manifest


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
