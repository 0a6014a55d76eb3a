"""A PDF copy of a filled form through LibreOffice, where `soffice` is installed.

LibreOffice is optional: without it the page says so and offers the Word file, which is what
officials edit anyway. The conversion runs headless in a private temporary directory with its
own user profile (two conversions at once would otherwise fight over one) and a timeout.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from ptdv.paperwork.rendering import FormError


def available() -> bool:
    return shutil.which(settings.PTDV_SOFFICE) is not None


def to_pdf(docx: bytes) -> bytes:
    """The PDF of a .docx; FormError with a message for people when it cannot be made."""
    soffice = shutil.which(settings.PTDV_SOFFICE)
    if soffice is None:
        raise FormError(_("Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản Word (.docx)."))
    with tempfile.TemporaryDirectory(prefix="ptdv-pdf-") as folder:
        work = Path(folder)
        (work / "form.docx").write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(work / "form.docx"),
        ]
        try:
            subprocess.run(
                command, capture_output=True, timeout=settings.PTDV_PDF_TIMEOUT_SECONDS, check=True
            )
        except subprocess.TimeoutExpired as error:
            raise FormError(_("LibreOffice chuyển sang PDF quá lâu; hãy tải bản Word (.docx).")) from error
        except (subprocess.CalledProcessError, OSError) as error:
            raise FormError(_("LibreOffice không chuyển được sang PDF; hãy tải bản Word (.docx).")) from error
        result = work / "form.pdf"
        if not result.exists():
            raise FormError(_("LibreOffice không chuyển được sang PDF; hãy tải bản Word (.docx)."))
        return result.read_bytes()
