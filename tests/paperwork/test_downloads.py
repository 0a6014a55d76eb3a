"""Downloading forms from the case and unit pages, the register, the batch zip and `ptdv form`."""

import io
import shutil
import zipfile
from datetime import date

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ptdv.audit.models import SensitiveRead
from ptdv.paperwork import pdf
from tests.cases.conftest import move
from tests.paperwork.conftest import docx_text

pytestmark = pytest.mark.django_db


def test_the_case_page_offers_the_forms_of_its_stage(world, client_for):
    client = client_for(world.carol)
    page = client.get(reverse("web:case", args=[world.case_phya_ma.pk])).content.decode()
    assert "Chưa có biểu mẫu cho bước này" in page  # still a source: no paper yet
    move(world.case_phya_ma, "AWARENESS", date(2024, 5, 1), world.alice, class_name="Lớp 5/2024")
    move(world.case_phya_ma, "DOSSIER", date(2024, 6, 1), world.alice)
    page = client.get(reverse("web:case", args=[world.case_phya_ma.pk])).content.decode()
    assert 'data-form="1-knd"' in page and 'data-form="6-knd"' in page and 'data-form="9-knd"' not in page
    assert "Máy chủ chưa cài LibreOffice" in page or shutil.which("soffice")


def test_an_official_case_offers_the_recognition_decision(world, client_for, official_case):
    page = client_for(world.alice).get(reverse("web:case", args=[official_case.pk])).content.decode()
    assert 'data-form="qd-cnct"' in page and 'data-form="9-knd"' in page
    # Phya Mạ's branch is directly under its grassroots committee, with a Youth Union.
    assert (
        'data-form="4-knd"' in page and 'data-form="4a-knd"' not in page and 'data-form="7-knd"' not in page
    )
    assert 'data-form="8-knd"' in page


def test_a_form_downloads_as_word_and_is_logged(world, client_for, official_case):
    response = client_for(world.carol).get(reverse("web:case-form", args=[official_case.pk, "9-knd"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="9-knd-ha-thi-hoa-')
    assert "Số 123-QĐ/HU" in docx_text(response.content)
    assert SensitiveRead.objects.filter(user=world.carol, channel="DOCUMENT").count() == 1


def test_viewers_admins_and_other_trees_get_no_form(world, client_for, official_case):
    url = reverse("web:case-form", args=[official_case.pk, "6-knd"])
    for user in (world.victor, world.adam, world.olga):
        assert client_for(user).get(url).status_code == 404, user
    page = client_for(world.victor).get(reverse("web:case", args=[official_case.pk])).content.decode()
    assert "Biểu mẫu" not in page


def test_without_libreoffice_a_pdf_is_a_clear_message_not_an_error(
    world, client_for, official_case, settings
):
    settings.PTDV_SOFFICE = "/khong-co/soffice"  # a server without LibreOffice, wherever this runs
    url = reverse("web:case-form", args=[official_case.pk, "6-knd"]) + "?format=pdf"
    response = client_for(world.carol).get(url, follow=True)
    assert response.status_code == 200
    assert "chưa cài LibreOffice" in response.content.decode()
    assert not pdf.available()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_with_libreoffice_a_form_converts_to_pdf(world, client_for, official_case):
    url = reverse("web:case-form", args=[official_case.pk, "6-knd"]) + "?format=pdf"
    response = client_for(world.carol).get(url)
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF-")


def test_the_probation_register_as_word_and_excel(world, client_for, official_case):
    from tests.factories import member

    member(world.na_pai, "Nông Văn Tám", admitted=world.m_na_pai.admitted_on, official=False)
    client = client_for(world.bob)
    word = client.get(reverse("web:unit-register", args=[world.cong_bang.pk]))
    text = docx_text(word.content)
    assert "SỔ THEO DÕI ĐẢNG VIÊN DỰ BỊ" in text and "ĐẢNG BỘ HUYỆN PÁC NẶM" in text
    assert "Nông Văn Tám" in text and "Chi bộ thôn Nà Pài" in text
    excel = client.get(reverse("web:unit-register", args=[world.cong_bang.pk]) + "?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(excel.content)).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] == 1]
    assert rows and rows[0][1] == "Nông Văn Tám"


def test_a_batch_of_a_stage_downloads_as_one_zip(world, client_for):
    from tests.factories import case

    case(world.na_pai, "Lò Văn Khánh", by=world.alice)
    url = reverse("web:unit-batch", args=[world.cong_bang.pk]) + "?form=1-knd&stage=SOURCE"
    response = client_for(world.alice).get(url)
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert response["Content-Type"] == "application/zip"
    assert sorted(n.split("-")[2] for n in names) == ["ha", "lo"]
    # Olga's tree has a case at that stage; none of it is in Alice's zip, and her own unit is hidden.
    other = reverse("web:unit-batch", args=[world.tan_canh.pk]) + "?form=1-knd&stage=SOURCE"
    assert client_for(world.alice).get(other).status_code == 404


def test_a_stage_without_cases_gives_a_message(world, client_for):
    url = reverse("web:unit-batch", args=[world.cong_bang.pk]) + "?form=6-knd&stage=OFFICIAL"
    page = client_for(world.alice).get(url, follow=True).content.decode()
    assert "Không có hồ sơ nào ở bước này" in page


def test_the_form_command_writes_the_file(official_case, tmp_path, capsys):
    output = tmp_path / "nq.docx"
    call_command("form", "6-KNĐ", "--case", str(official_case.pk), "--output", str(output))
    assert "CHI BỘ THÔN PHYA MẠ" in docx_text(output.read_bytes())
    with pytest.raises(CommandError, match="Không có hồ sơ số 999999"):
        call_command("form", "6-KNĐ", "--case", "999999")
    with pytest.raises(CommandError, match="Không có biểu mẫu 77-KNĐ"):
        call_command("form", "77-KNĐ", "--case", str(official_case.pk))
