"""Opening an awareness class and seeing it: who may, where, and what the list shows."""

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from ptdv.training import services
from ptdv.training.models import AwarenessClass
from tests.factories import awareness_class
from tests.training.helpers import source_cases, url

NEW_CLASS = {
    "name": "Lớp bồi dưỡng nhận thức về Đảng tháng 6/2023",
    "organiser": "Trung tâm chính trị xã Công Bằng",
    "starts_on": "2023-06-12",
    "ends_on": "2023-06-16",
    "place": "Hội trường UBND xã",
    "note": "",
}


def test_committee_opens_a_class_for_its_commune(world, client_for):
    response = client_for(world.bob).post(reverse("training:new"), {**NEW_CLASS, "unit": world.cong_bang.pk})
    made = AwarenessClass.objects.get(name=NEW_CLASS["name"])
    assert response.status_code == 302 and response.url == url("class", made)
    assert made.unit == world.cong_bang and made.organiser == "Trung tâm chính trị xã Công Bằng"
    assert made.created_by == world.bob and made.history.count() == 1


def test_a_class_cannot_be_opened_for_a_unit_outside_scope_or_for_a_branch(world, client_for):
    bob = client_for(world.bob)
    for unit in (world.tan_canh, world.pac_nam, world.phya_ma):
        response = bob.post(reverse("training:new"), {**NEW_CLASS, "unit": unit.pk})
        assert response.status_code == 400
    assert not AwarenessClass.objects.filter(name=NEW_CLASS["name"]).exists()


def test_a_class_ending_before_it_starts_is_refused_in_vietnamese(world, client_for):
    data = {**NEW_CLASS, "unit": world.cong_bang.pk, "ends_on": "2023-06-01"}
    response = client_for(world.alice).post(reverse("training:new"), data)
    assert response.status_code == 400
    assert "Ngày bế giảng trước ngày khai giảng." in response.content.decode()
    assert not AwarenessClass.objects.filter(name=NEW_CLASS["name"]).exists()


def test_branch_viewer_and_admin_may_not_open_classes_nor_see_the_button(world, client_for):
    for user in (world.carol, world.victor, world.adam):
        client = client_for(user)
        assert client.get(reverse("training:new")).status_code == 403
        assert (
            client.post(reverse("training:new"), {**NEW_CLASS, "unit": world.cong_bang.pk}).status_code == 403
        )
    assert "Mở lớp mới" not in client_for(world.victor).get(reverse("training:list")).content.decode()
    assert "Mở lớp mới" in client_for(world.bob).get(reverse("training:list")).content.decode()


def test_viewer_sees_the_class_but_may_not_enrol_or_record_results(world, client_for):
    victor = client_for(world.victor)
    assert victor.get(url("class", world.class_cong_bang)).status_code == 200
    assert victor.get(url("enrol", world.class_cong_bang)).status_code == 403
    assert victor.get(url("results", world.class_cong_bang)).status_code == 403


def test_class_list_shows_only_the_classes_in_scope(world, client_for):
    page = client_for(world.alice).get(reverse("training:list")).content.decode()
    assert world.class_cong_bang.name in page and world.class_tan_canh.name not in page
    page = client_for(world.olga).get(reverse("training:list")).content.decode()
    assert world.class_tan_canh.name in page and world.class_cong_bang.name not in page


def _class_with_results(world):
    klass = awareness_class(world.cong_bang, "Lớp tháng 6/2024", place="Nhà văn hóa xã")
    cases = source_cases(world, 2)
    enrolments = services.enrol(klass, cases, by=world.bob, version=klass.version)
    klass.refresh_from_db()
    rows = [(enrolments[0], "PASSED", "123/GCN", klass.ends_on), (enrolments[1], "ABSENT", "", None)]
    services.record_results(klass, rows, by=world.bob, version=klass.version)
    return klass, cases


def test_print_page_lists_each_person_with_result_and_certificate(world, client_for):
    klass, cases = _class_with_results(world)
    page = client_for(world.victor).get(url("print", klass)).content.decode()
    assert "DANH SÁCH HỌC VIÊN" in page and "Nhà văn hóa xã" in page
    assert cases[0].person.full_name in page and "123/GCN" in page and "15/06/2024" in page
    assert cases[1].person.full_name in page and "Không tham gia học" in page
    assert "<nav" not in page  # nothing but the list on paper


def test_excel_export_is_a_workbook_with_the_class_list(world, client_for):
    klass, cases = _class_with_results(world)
    response = client_for(world.alice).get(url("export", klass))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    sheet = load_workbook(BytesIO(response.content)).active
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "LỚP THÁNG 6/2024"
    header = values.index(
        ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Kết quả", "Số giấy chứng nhận", "Ngày cấp"]
    )
    people = {row[1]: row for row in values[header + 1 :]}
    first = people[cases[0].person.full_name]
    assert first[3] == cases[0].branch.name and first[5] == "123/GCN" and first[6] == "15/06/2024"
    assert people[cases[1].person.full_name][4] == "Không tham gia học"
