"""Receiving an uploaded file for import: size-limited, told by its content, kept outside the web root.

The file is written under PTDV_IMPORT_DIR (in the data directory, mode 0600) with a random
name, never the uploader's; the job (ptdv.exchange.models.ImportJob) names it. A file over
PTDV_IMPORT_MAX_MB, or one that is not an .xlsx or .csv by its content (a .xls, a CSV renamed
.xlsx), is refused at once with a message, and no job is made.
"""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ptdv.exchange.models import ImportJob
from ptdv.exchange.reading import ReadError, file_format
from ptdv.exchange.work import folder
from ptdv.text import normalise


def too_large() -> ValidationError:
    return ValidationError(
        _("Tệp lớn quá %(mb)s MB; hãy chia thành nhiều tệp nhỏ hơn.") % {"mb": settings.PTDV_IMPORT_MAX_MB}
    )


def receive(upload, kind: str, user) -> ImportJob:
    """A queued job for `upload` of `kind` by `user`; ValidationError (nothing kept) if refused."""
    limit = settings.PTDV_IMPORT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise too_large()
    filename = normalise(os.path.basename(upload.name or ""))[:200] or "tep.xlsx"
    stored_as = f"{uuid.uuid4().hex}{'.csv' if filename.lower().endswith('.csv') else '.xlsx'}"
    path = folder() / stored_as
    written = 0
    try:
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
            for chunk in upload.chunks():
                written += len(chunk)
                if written > limit:  # a client may understate the size
                    raise too_large()
                out.write(chunk)
        file_format(path, filename)
    except ReadError as error:
        path.unlink(missing_ok=True)
        raise ValidationError(str(error)) from None
    except ValidationError:
        path.unlink(missing_ok=True)
        raise
    return ImportJob.objects.create(
        kind=kind, filename=filename, stored_as=stored_as, created_by=user, unit=user.unit
    )
