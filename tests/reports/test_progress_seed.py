"""The progress report gives the articles' admission figures, from its page, its Excel file,
the API and `ptdv report` alike (DOMAIN.md "Figures in the seed articles")."""

import pytest

from tests.reports.demo import api, command_json, demo, page_facts, unit_id, web, xlsx_facts, xlsx_sheet

pytestmark = pytest.mark.django_db
__all__ = ["demo"]

ORGANIZER, VIEWER = "tochuc.pacnam", "lanhdao.pacnam"
PAC_NAM_TERM = {"from": "2021-01-01", "to": "2023-06-30"}
FIRST_HALF_2023 = {"from": "2023-01-01", "to": "2023-06-30"}
JUNE_2023 = {"from": "2023-06-01", "to": "2023-06-30"}


def _page(username, code, dates):
    response = web(username).get("/bao-cao/progress/", {"unit": unit_id(code), **dates})
    assert response.status_code == 200
    return page_facts(response)


def _xlsx(username, code, dates):
    response = web(username).get("/bao-cao/progress/excel/", {"unit": unit_id(code), **dates})
    assert response.status_code == 200
    return response.content


def _api(username, code, dates):
    response = api(username).get("/api/reports/progress/", {"unit": unit_id(code), **dates})
    assert response.status_code == 200
    return response.json()


def _command(code, dates):
    return command_json("progress", "--unit", code, "--from", dates["from"], "--to", dates["to"])


@pytest.mark.parametrize(
    ("dates", "admitted", "farmers"),
    [(PAC_NAM_TERM, 220, 96), (FIRST_HALF_2023, 23, 9)],
    ids=["2021-mid2023", "h1-2023"],
)
def test_pac_nam_admissions_and_farmers_in_every_output(demo, dates, admitted, farmers):
    facts = _page(VIEWER, "BK.PN", dates)
    assert facts["Kết nạp đảng viên"] == str(admitted)
    assert facts["Trong đó: Nông dân"] == str(farmers)
    sheet = xlsx_facts(_xlsx(VIEWER, "BK.PN", dates))
    assert sheet["Kết nạp đảng viên"] == admitted and sheet["Trong đó: Nông dân"] == farmers
    for data in (_api(VIEWER, "BK.PN", dates), _command("BK.PN", dates)):
        assert data["admitted"] == admitted and data["among"]["farmers"] == farmers


def test_cong_bang_first_half_of_2023_one_admitted_and_two_dossiers_waiting(demo):
    facts = _page(ORGANIZER, "BK.PN.X01", FIRST_HALF_2023)
    assert facts["Kết nạp đảng viên"] == "1"
    assert facts["Hồ sơ đang trình cấp có thẩm quyền"] == "2"
    sheet = xlsx_facts(_xlsx(ORGANIZER, "BK.PN.X01", FIRST_HALF_2023))
    assert sheet["Kết nạp đảng viên"] == 1 and sheet["Hồ sơ đang trình cấp có thẩm quyền"] == 2
    for data in (_api(ORGANIZER, "BK.PN.X01", FIRST_HALF_2023), _command("BK.PN.X01", FIRST_HALF_2023)):
        assert data["admitted"] == 1 and data["waiting_at_deciding_body"] == 2
        (phya_ma,) = [row for row in data["rows"] if row["admitted"]]
        assert phya_ma["unit"]["name"] == "Chi bộ thôn Phya Mạ"


def test_cong_bang_sent_six_people_to_the_awareness_class_in_june_2023(demo):
    assert (
        _page(ORGANIZER, "BK.PN.X01", JUNE_2023)["Quần chúng đi học lớp bồi dưỡng nhận thức về Đảng"] == "6"
    )
    assert (
        xlsx_facts(_xlsx(ORGANIZER, "BK.PN.X01", JUNE_2023))[
            "Quần chúng đi học lớp bồi dưỡng nhận thức về Đảng"
        ]
        == 6
    )
    assert _api(ORGANIZER, "BK.PN.X01", JUNE_2023)["sent_to_awareness_class"] == 6
    assert _command("BK.PN.X01", JUNE_2023)["sent_to_awareness_class"] == 6


def test_dak_to_term_425_admitted_306_youth_union(demo):
    term = {"from": "2015-08-01", "to": "2020-06-30"}
    data = _command("KT.DT", term)
    assert data["admitted"] == 425 and data["among"]["youth_union"] == 306
    assert _api("tochuc.dakto", "KT.DT", term)["among"]["youth_union"] == 306
    assert xlsx_facts(_xlsx("tochuc.dakto", "KT.DT", term))["Trong đó: Đoàn viên thanh niên"] == 306


def test_the_excel_table_has_a_row_per_child_unit_adding_up_to_the_total(demo):
    content = _xlsx(VIEWER, "BK.PN", PAC_NAM_TERM)
    rows = xlsx_sheet(content, "Kết quả theo đơn vị trực thuộc")[2:]
    assert len(rows) == 10 + 23  # ten communes and the district's other grassroots organisations
    assert sum(row[1] for row in rows) == 220


def test_a_unit_outside_scope_answers_like_a_missing_one(demo):
    dak_to = unit_id("KT.DT")
    for url in ("/bao-cao/progress/", "/bao-cao/progress/excel/", "/bao-cao/progress/in/"):
        assert web(VIEWER).get(url, {"unit": dak_to}).status_code == 404
        assert web(VIEWER).get(url, {"unit": 999999}).status_code == 404
    assert api(VIEWER).get("/api/reports/progress/", {"unit": dak_to}).status_code == 404


def test_a_bad_date_is_told_in_vietnamese_not_a_500(demo):
    response = web(VIEWER).get("/bao-cao/progress/", {"from": "31/02/2023"})
    assert response.status_code == 400 and "không phải là ngày hợp lệ" in response.content.decode()
    answer = api(VIEWER).get("/api/reports/progress/", {"from": "2023-07-01", "to": "2023-06-01"})
    assert answer.status_code == 400 and "Từ ngày phải trước" in answer.json()["detail"]
