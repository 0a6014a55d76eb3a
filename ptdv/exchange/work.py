"""The import worker: jobs are checked and written here, outside any web request.

`ptdv work` polls the database for a job waiting (uploaded: to check; confirmed: to write)
and takes it with a conditional update, so two workers never take the same job. While busy
it touches the job's progress file (PTDV_IMPORT_DIR/<id>.progress, the rows done so far) after
each chunk: a page reads progress from there, and a job whose file has not moved for
STALE_AFTER was left by a worker that died (a restart, a crash) and is taken up again from
the start. Checking writes nothing, so it is simply done again; writing runs in one
transaction that also marks the job done, so a dead writer left nothing behind and the job
is written again — or, had it committed, it is already done.

The preview's rows are spooled to a file while the import runs (a rehearsed import's
transaction is rolled back at its end) and stored as ImportRow afterwards, in batches.
"""

import json
import logging
import os
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv.exchange import importing
from ptdv.exchange.models import RUNNING_STATES, ImportJob, ImportRow, JobState
from ptdv.exchange.reading import ReadError, expected_rows

log = logging.getLogger(__name__)
STALE_AFTER = timedelta(minutes=2)
POLL_SECONDS = 2
ROW_BATCH = 2000
# A job's preview keeps the rows that say something: every error, and the first rows of each action.
KEPT_PER_ACTION = 1000


def folder() -> Path:
    path = Path(settings.PTDV_IMPORT_DIR)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def upload_path(job: ImportJob) -> Path:
    return folder() / job.stored_as


def progress_path(job: ImportJob) -> Path:
    return folder() / f"{job.pk}.progress"


def progress(job: ImportJob) -> int:
    """Rows done so far by the worker busy with `job` (its own counter when idle)."""
    if job.state in RUNNING_STATES:
        try:
            return int(progress_path(job).read_text() or 0)
        except (OSError, ValueError):
            return 0
    return job.processed


def _touch(job: ImportJob, done: int) -> None:
    path = progress_path(job)
    spare = path.with_suffix(".tmp")
    spare.write_text(str(done))
    os.replace(spare, path)


def _stale(job: ImportJob) -> bool:
    try:
        moved = progress_path(job).stat().st_mtime
    except OSError:
        moved = job.started_at.timestamp() if job.started_at else 0
    return time.time() - moved > STALE_AFTER.total_seconds()


def claim() -> ImportJob | None:
    """Take the oldest waiting job, or one a dead worker left running."""
    waiting = Q(state__in=[JobState.QUEUED, JobState.CONFIRMED]) | Q(state__in=RUNNING_STATES)
    for job in ImportJob.objects.filter(waiting).order_by("created_at", "id")[:20]:
        if job.state in RUNNING_STATES and not _stale(job):
            continue
        busy = JobState.WRITING if job.state in (JobState.CONFIRMED, JobState.WRITING) else JobState.CHECKING
        now = timezone.now()
        taken = ImportJob.objects.filter(pk=job.pk, state=job.state, started_at=job.started_at).update(
            state=busy, started_at=now
        )
        if taken:
            job.state, job.started_at = busy, now
            _touch(job, 0)
            return job
    return None


def _counts(job: ImportJob, summary: importing.Summary) -> None:
    job.processed = summary.total
    job.created = summary.counts[importing.CREATE]
    job.updated = summary.counts[importing.UPDATE]
    job.unchanged = summary.counts[importing.UNCHANGED]
    job.errors = summary.errors


class _Spool:
    """The outcomes worth keeping, in a file while the import runs, then as ImportRow."""

    def __init__(self, job: ImportJob):
        self.job = job
        self.path = folder() / f"{job.pk}.rows.jsonl"
        self.file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 (closed in store)
        self.kept = dict.fromkeys(importing.ACTIONS, 0)

    def add(self, outcomes, summary) -> None:
        for o in outcomes:
            if o.action == importing.ERROR or self.kept[o.action] < KEPT_PER_ACTION:
                self.kept[o.action] += 1
                self.file.write(
                    json.dumps([o.number, o.action, o.label[:300], o.errors], ensure_ascii=False) + "\n"
                )
        _touch(self.job, summary.total)

    def store(self) -> None:
        self.file.close()
        ImportRow.objects.filter(job=self.job).delete()
        batch = []
        with open(self.path, encoding="utf-8") as lines:
            for line in lines:
                number, action, label, problems = json.loads(line)
                batch.append(
                    ImportRow(job=self.job, number=number, action=action, label=label, problems=problems)
                )
                if len(batch) >= ROW_BATCH:
                    ImportRow.objects.bulk_create(batch)
                    batch = []
        ImportRow.objects.bulk_create(batch)
        self.path.unlink(missing_ok=True)


def _reason(job: ImportJob) -> str:
    return _("Nhập từ tệp %(f)s (lần nhập số %(n)s)") % {"f": job.filename, "n": job.pk}


def _finish(job: ImportJob, state: str, message: str = "") -> None:
    job.state, job.message, job.finished_at = state, message, timezone.now()
    job.save()
    progress_path(job).unlink(missing_ok=True)


def check(job: ImportJob) -> None:
    """The preview: every row judged, nothing written."""
    job.expected = expected_rows(upload_path(job), job.filename)
    job.save(update_fields=["expected"])
    spool = _Spool(job)
    try:
        summary = importing.run(
            job.kind, upload_path(job), job.filename, job.created_by, write=False, on_chunk=spool.add
        )
    except ReadError as error:
        spool.store()
        _finish(job, JobState.FAILED, str(error))
        return
    spool.store()
    _counts(job, summary)
    _finish(job, JobState.PREVIEWED)


def write(job: ImportJob) -> None:
    """The confirmed import: judged again and written, with the job marked done, in one transaction."""
    spool = _Spool(job)
    try:
        with transaction.atomic():
            summary = importing.run(
                job.kind,
                upload_path(job),
                job.filename,
                job.created_by,
                write=True,
                reason=_reason(job),
                on_chunk=spool.add,
            )
            _counts(job, summary)
            if summary.written:
                _finish(job, JobState.DONE, _("Đã nhập xong; mọi thay đổi ghi trong một lần."))
    except ReadError as error:
        spool.store()
        _finish(job, JobState.FAILED, str(error))
        return
    spool.store()
    if not summary.written:
        _finish(
            job,
            JobState.FAILED,
            _("Dữ liệu đã thay đổi từ lúc kiểm tra: có %(n)s dòng lỗi, không ghi dòng nào.")
            % {"n": summary.errors},
        )
    else:
        upload_path(job).unlink(missing_ok=True)


def process(job: ImportJob) -> None:
    if job.state == JobState.WRITING:
        write(job)
    else:
        check(job)


def run_once() -> bool:
    """Do one job if one is waiting; whether one was."""
    job = claim()
    if job is None:
        return False
    try:
        process(job)
    except Exception:
        log.exception("import job %s failed", job.pk)
        _finish(
            job,
            JobState.FAILED,
            _("Lỗi không mong đợi khi xử lý tệp; không ghi dòng nào. Hãy báo quản trị viên."),
        )
    return True


def run_forever(poll: float = POLL_SECONDS, say=None) -> None:
    if say:
        say(f"ptdv work: chờ việc nhập dữ liệu (hỏi cơ sở dữ liệu mỗi {poll} giây)…")
    while True:
        if not run_once():
            time.sleep(poll)
