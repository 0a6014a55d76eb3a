"""The import as the pages run it: upload, a worker checks outside the request, the preview,
confirm, the worker writes; a job left running by a dead worker is taken up again."""

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from ptdv.exchange import work
from ptdv.exchange.models import ImportJob, ImportRow, JobState
from ptdv.people.models import Person
from tests.exchange.sheets import job, kind_sheet, person_record

pytestmark = pytest.mark.django_db


def upload(client, path, kind="persons"):
    with open(path, "rb") as file:
        data = SimpleUploadedFile(path.name, file.read())
    answer = client.post(reverse("exchange:jobs"), {"kind": kind, "file": data})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    return ImportJob.objects.latest("id")


def test_upload_preview_confirm_write(world, client_for, tmp_path):
    client = client_for(world.alice)
    path = kind_sheet(tmp_path / "nguoi.xlsx", "persons", [person_record(world, n) for n in (1, 2, 3)])
    imported = upload(client, path)
    assert imported.state == JobState.QUEUED
    stored = work.upload_path(imported)
    assert stored.exists() and oct(stored.stat().st_mode & 0o777) == "0o600"
    assert not str(stored).startswith(str(os.path.abspath("ptdv")))  # outside the code and web root
    page = client.get(reverse("exchange:job", args=[imported.pk]))
    assert "job-progress" in page.content.decode()  # the bar, until a worker has done it
    assert client.get(reverse("exchange:progress", args=[imported.pk])).json()["running"] is True

    assert work.run_once()
    imported.refresh_from_db()
    assert (imported.state, imported.created, imported.errors, imported.expected) == (
        JobState.PREVIEWED,
        3,
        0,
        3,
    )
    assert not Person.objects.filter(full_name=person_record(world, 1)["full_name"]).exists()
    page = client.get(reverse("exchange:job", args=[imported.pk])).content.decode()
    assert "Xác nhận nhập 3 dòng" in page and person_record(world, 2)["full_name"] in page

    client.post(reverse("exchange:confirm", args=[imported.pk]))
    imported.refresh_from_db()
    assert imported.state == JobState.CONFIRMED
    assert work.run_once()
    imported.refresh_from_db()
    assert imported.state == JobState.DONE, imported.message
    person = Person.objects.get(full_name=person_record(world, 1)["full_name"])
    version = person.history.earliest()
    assert version.history_user == world.alice
    assert version.history_change_reason == f"Nhập từ tệp nguoi.xlsx (lần nhập số {imported.pk})"
    assert not stored.exists()  # the upload is not kept once written
    assert not work.run_once()


def test_a_preview_with_errors_cannot_be_confirmed(world, client_for, tmp_path):
    client = client_for(world.alice)
    path = kind_sheet(tmp_path / "x.xlsx", "persons", [person_record(world, 1, unit="KHONG.CO")])
    imported = upload(client, path)
    work.run_once()
    page = client.get(reverse("exchange:job", args=[imported.pk])).content.decode()
    assert "Không có đơn vị nào mã KHONG.CO." in page and "job-confirm" not in page
    client.post(reverse("exchange:confirm", args=[imported.pk]))
    imported.refresh_from_db()
    assert imported.state == JobState.PREVIEWED
    assert list(ImportRow.objects.filter(job=imported).values_list("number", "action")) == [(2, "error")]


def test_data_changed_since_the_preview_writes_nothing(world, tmp_path):
    record = person_record(world, 1)
    path = kind_sheet(tmp_path / "x.xlsx", "persons", [record, person_record(world, 2)])
    imported = job(world.alice, stored_as="x.xlsx", filename="x.xlsx", state=JobState.CONFIRMED)
    (work.folder() / "x.xlsx").write_bytes(path.read_bytes())
    from ptdv.org.models import Unit

    Unit.objects.filter(pk=world.phya_ma.pk).update(code="BK.PN.X01.CU")  # recoded since the preview
    before = Person.objects.count()
    work.run_once()
    imported.refresh_from_db()
    assert imported.state == JobState.FAILED and "không ghi dòng nào" in imported.message
    assert Person.objects.count() == before


def test_a_job_left_running_by_a_dead_worker_is_taken_up_again(world, tmp_path):
    path = kind_sheet(tmp_path / "x.xlsx", "persons", [person_record(world, 1)])
    stale = job(world.alice, stored_as="left.xlsx", filename="x.xlsx", state=JobState.WRITING)
    (work.folder() / "left.xlsx").write_bytes(path.read_bytes())
    progress = work.progress_path(stale)
    progress.write_text("0")
    busy = job(world.alice, stored_as="busy.xlsx", filename="y.xlsx", state=JobState.CHECKING)
    work.progress_path(busy).write_text("10")  # a live worker touched it just now
    old = time.time() - work.STALE_AFTER.total_seconds() - 5
    os.utime(progress, (old, old))
    taken = work.claim()
    assert taken.pk == stale.pk and taken.state == JobState.WRITING
    work.process(taken)
    stale.refresh_from_db()
    assert stale.state == JobState.DONE
    assert Person.objects.filter(full_name=person_record(world, 1)["full_name"]).exists()
    assert work.claim() is None  # the live one is left to its worker


def test_two_workers_never_take_the_same_job(world):
    waiting = job(world.alice)
    first = work.claim()
    assert first.pk == waiting.pk
    assert work.claim() is None


def test_jobs_are_the_uploader_s_own(world, client_for):
    alices = job(world.alice)
    assert client_for(world.alice).get(reverse("exchange:job", args=[alices.pk])).status_code == 200
    other_organizer = world.user("an", "organizer", world.pac_nam)
    assert client_for(other_organizer).get(reverse("exchange:job", args=[alices.pk])).status_code == 404
    assert client_for(world.bob).get(reverse("exchange:jobs")).status_code == 403


def test_templates_download_with_instructions_and_allowed_values(world, client_for, tmp_path):
    client = client_for(world.alice)
    answer = client.get(reverse("exchange:template", args=["members"]))
    assert answer.status_code == 200
    path = tmp_path / "mau.xlsx"
    path.write_bytes(answer.content)
    book = load_workbook(path)
    assert book.sheetnames == ["Dữ liệu", "Hướng dẫn", "Giá trị cho phép"]
    headers = [c.value for c in book["Dữ liệu"][1]]
    from ptdv.exchange.columns import KINDS

    assert headers == KINDS["members"].headers
    assert ["Trạng thái", "Dự bị", "Chính thức"] == [
        c.value for c in book["Giá trị cho phép"]["A"] if c.value
    ]
    assert book["Dữ liệu"].data_validations.dataValidation  # drop-down lists on the choice columns
    assert client_for(world.adam).get(reverse("exchange:template", args=["members"])).status_code == 404
    assert client_for(world.adam).get(reverse("exchange:template", args=["units"])).status_code == 200
