"""Scans on dossier records: judged by their bytes, kept outside the web root, opened only in scope."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ptdv.audit.models import SensitiveRead
from ptdv.paperwork import attachments
from ptdv.paperwork.models import Scan
from tests.paperwork.samples import JPEG, PDF, PNG

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def scan_dir(settings, tmp_path):
    settings.PTDV_SCAN_DIR = tmp_path / "scans"
    return settings.PTDV_SCAN_DIR


@pytest.fixture
def document(world):
    return world.case_phya_ma.documents.create(kind="APPLICATION", date="2024-06-02")


def _upload(client, case, document, content, name, **extra):
    url = reverse("web:scan-upload", args=[case.pk, "giay-to", document.pk])
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(url, {"file": file, **extra}, follow=True)


@pytest.mark.parametrize(
    ("content", "kind"), [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")]
)
def test_each_accepted_kind_is_recognised_by_its_bytes(content, kind):
    assert attachments.kind_of(content) == kind


def test_a_png_renamed_pdf_is_stored_as_the_png_it_is(world, client_for, document):
    response = _upload(client_for(world.carol), world.case_phya_ma, document, PNG, "don.pdf")
    assert "Đã đính kèm bản quét" in response.content.decode()
    scan = Scan.objects.get()
    assert scan.kind == "image/png" and scan.document == document and scan.original_name == "don.pdf"


def test_a_pdf_that_is_not_a_pdf_is_refused_with_a_message(world, client_for, document):
    client = client_for(world.carol)
    page = _upload(client, world.case_phya_ma, document, b"Hello, this is text", "don.pdf").content.decode()
    assert "Chỉ nhận bản quét PDF, JPEG hoặc PNG" in page
    truncated = _upload(client, world.case_phya_ma, document, PDF[:80], "cut.pdf").content.decode()
    assert "Tệp PDF bị hỏng" in truncated
    assert not Scan.objects.exists()


def test_a_scan_over_the_size_limit_is_refused(world, client_for, document, settings):
    settings.PTDV_SCAN_MAX_MB = 1
    big = PDF[:-6] + b" " * (1024 * 1024) + b"%%EOF\n"
    page = _upload(client_for(world.carol), world.case_phya_ma, document, big, "big.pdf").content.decode()
    assert "lớn quá 1 MB" in page and not Scan.objects.exists()


def test_the_file_is_stored_under_a_random_name_outside_the_web_root(world, client_for, document, scan_dir):
    _upload(client_for(world.carol), world.case_phya_ma, document, PDF, "don.pdf")
    scan = Scan.objects.get()
    assert scan.path.read_bytes() == PDF and scan.path.is_relative_to(scan_dir)
    assert "don" not in scan.stored_name and len(scan.stored_name) == 48
    assert oct(scan.path.stat().st_mode & 0o777) == "0o600"


def test_opening_a_scan_serves_it_inline_with_nosniff_and_logs_the_read(world, client_for, document):
    client = client_for(world.carol)
    _upload(client, world.case_phya_ma, document, PDF, "don.pdf")
    scan = Scan.objects.get()
    response = client.get(reverse("web:scan", args=[scan.pk]))
    assert response.status_code == 200 and response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'inline; filename="ban-quet-{scan.pk}.pdf"'
    assert SensitiveRead.objects.filter(
        user=world.carol, person=world.case_phya_ma.person, channel="DOCUMENT"
    )


def test_out_of_scope_and_viewers_and_admins_get_404_for_a_scan(world, client_for, document):
    _upload(client_for(world.carol), world.case_phya_ma, document, PDF, "don.pdf")
    url = reverse("web:scan", args=[Scan.objects.get().pk])
    for user in (world.olga, world.victor, world.adam):
        assert client_for(user).get(url).status_code == 404, user
    assert client_for(world.alice).get(url).status_code == 200


def test_a_verification_scan_is_only_for_the_roles_that_see_verification(world, client_for):
    relative = world.case_phya_ma.relatives.create(relation="SELF", name="Hà Thị Hoa")
    upload = reverse("web:scan-upload", args=[world.case_phya_ma.pk, "tham-tra", relative.pk])
    file = SimpleUploadedFile("tt.png", PNG)
    assert client_for(world.carol).post(upload, {"file": file}).status_code == 404
    client_for(world.bob).post(upload, {"file": SimpleUploadedFile("tt.png", PNG)})
    scan = Scan.objects.get()
    assert client_for(world.carol).get(reverse("web:scan", args=[scan.pk])).status_code == 404
    assert client_for(world.bob).get(reverse("web:scan", args=[scan.pk])).status_code == 200


def test_replacing_a_scan_withdraws_the_old_one_with_its_reason_and_keeps_it(world, client_for, document):
    client = client_for(world.carol)
    _upload(client, world.case_phya_ma, document, PDF, "mo.pdf")
    old = Scan.objects.get()
    refused = _upload(client, world.case_phya_ma, document, PNG, "ro.png", replaces=old.pk).content.decode()
    assert "Thay bản quét phải có lý do" in refused
    _upload(client, world.case_phya_ma, document, PNG, "ro.png", replaces=old.pk, reason="Bản cũ bị mờ")
    old.refresh_from_db()
    new = Scan.objects.get(replaces=old)
    assert old.voided and old.void_reason == "Bản cũ bị mờ" and old.path.exists()
    assert old.history.count() == 2 and not new.voided
    page = client.get(reverse("web:case", args=[world.case_phya_ma.pk])).content.decode()
    assert "Bản cũ bị mờ" in page and reverse("web:scan", args=[new.pk]) in page


def test_a_scan_is_withdrawn_with_a_reason_never_deleted(world, client_for, document):
    client = client_for(world.carol)
    _upload(client, world.case_phya_ma, document, JPEG, "a.jpg")
    scan = Scan.objects.get()
    client.post(reverse("web:scan-withdraw", args=[scan.pk]), {"reason": "Gắn nhầm hồ sơ"})
    scan.refresh_from_db()
    assert scan.voided and scan.void_reason == "Gắn nhầm hồ sơ" and scan.voided_by == world.carol
    assert client_for(world.victor).post(
        reverse("web:scan-withdraw", args=[scan.pk]), {"reason": "x"}
    ).status_code in (
        403,
        404,
    )


def test_a_decision_event_carries_a_scan(world, client_for, official_case):
    decided = official_case.events.get(stage="DECIDED")
    client = client_for(world.alice)
    url = reverse("web:scan-upload", args=[official_case.pk, "su-kien", decided.pk])
    client.post(url, {"file": SimpleUploadedFile("qd.pdf", PDF)})
    assert Scan.objects.get().event == decided
