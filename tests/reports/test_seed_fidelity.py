"""Every figure of the seed articles, from each report's own output — its page, its Excel file
read back, the API and `ptdv report` — in the demo as the articles left it and again after
the 1/7/2025 reorganisation (the dissolved units still report their past; DOMAIN.md "Figures
in the seed articles")."""

from io import BytesIO

import pytest
from docx import Document

from ptdv.org.models import Unit
from tests.reports.demo import api, command_json, demo, page_facts, unit_id, web, xlsx_facts, xlsx_sheet

pytestmark = pytest.mark.django_db
__all__ = ["demo"]

PAC_NAM_TERM = {"from": "2021-01-01", "to": "2023-06-30"}
FIRST_HALF_2023 = {"from": "2023-01-01", "to": "2023-06-30"}
JUNE_2023 = {"from": "2023-06-01", "to": "2023-06-30"}
DAK_TO_TERM = {"from": "2015-08-01", "to": "2020-06-30"}
MID_2023 = {"as_of": "2023-06-30"}


def _command(name, code, dates):
    args = [x for key, value in dates.items() for x in (f"--{key.replace('_', '-')}", value)]
    return command_json(name, "--unit", code, *args)


def outputs(name, username, code, dates):
    """(page facts, Excel facts, Excel content, API JSON, command JSON) of report `name`."""
    params = {"unit": unit_id(code), **dates}
    page = web(username).get(f"/bao-cao/{name}/", params)
    excel = web(username).get(f"/bao-cao/{name}/excel/", params)
    answer = api(username).get(f"/api/reports/{name}/", params)
    assert page.status_code == excel.status_code == answer.status_code == 200
    return (
        page_facts(page),
        xlsx_facts(excel.content),
        excel.content,
        answer.json(),
        _command(name, code, dates),
    )


def _tan_canh() -> str:
    return Unit.objects.get(name="Đảng bộ xã Tân Cảnh").code


# --- progress ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "admitted", "farmers"),
    [(PAC_NAM_TERM, 220, 96), (FIRST_HALF_2023, 23, 9)],
    ids=["2021-mid2023", "h1"],
)
def test_pac_nam_admissions_and_farmers(demo, dates, admitted, farmers):
    page, excel, _content, *data = outputs("progress", demo.viewer, "BK.PN", dates)
    assert page["Kết nạp đảng viên"] == str(admitted) and page["Trong đó: Nông dân"] == str(farmers)
    assert excel["Kết nạp đảng viên"] == admitted and excel["Trong đó: Nông dân"] == farmers
    for answer in data:
        assert answer["admitted"] == admitted and answer["among"]["farmers"] == farmers


def test_pac_nam_plan_25_kh_hu_targets_450_for_2021_2025(demo):
    page, excel, _content, *data = outputs("progress", demo.viewer, "BK.PN", PAC_NAM_TERM)
    assert page["Chỉ tiêu"] == "450" and page["Theo kế hoạch"] == excel["Theo kế hoạch"]
    assert "25/KH/HU" in page["Theo kế hoạch"] and excel["Chỉ tiêu"] == 450
    assert page["Đánh giá"] == "đạt 48,89% chỉ tiêu"
    for answer in data:
        assert answer["target"] == 450 and "25/KH/HU" in answer["plan"]


def test_cong_bang_one_admitted_at_phya_ma_two_dossiers_waiting_yearly_target_9(demo):
    page, excel, _content, *data = outputs("progress", demo.committee, "BK.PN.X01", FIRST_HALF_2023)
    assert page["Kết nạp đảng viên"] == "1" and page["Hồ sơ đang trình cấp có thẩm quyền"] == "2"
    assert page["Chỉ tiêu"] == "9"
    assert excel["Kết nạp đảng viên"] == 1 and excel["Hồ sơ đang trình cấp có thẩm quyền"] == 2
    for answer in data:
        assert answer["admitted"] == 1 and answer["waiting_at_deciding_body"] == 2 and answer["target"] == 9
        (phya_ma,) = [row for row in answer["rows"] if row["admitted"]]
        assert phya_ma["unit"]["name"] == "Chi bộ thôn Phya Mạ"


def test_cong_bang_sent_six_to_the_awareness_class_in_june_2023(demo):
    page, excel, _content, *data = outputs("progress", demo.committee, "BK.PN.X01", JUNE_2023)
    label = "Quần chúng đi học lớp bồi dưỡng nhận thức về Đảng"
    assert page[label] == "6" and excel[label] == 6
    assert all(answer["sent_to_awareness_class"] == 6 for answer in data)


def test_dak_to_term_425_admitted_is_106_25_percent_of_400_with_306_youth_union(demo):
    page, excel, _content, *data = outputs("progress", demo.dak_to, "KT.DT", DAK_TO_TERM)
    assert page["Kết nạp đảng viên"] == "425" and page["Đánh giá"] == "đạt 106,25% chỉ tiêu"
    assert excel["Tỷ lệ đạt chỉ tiêu"] == "106,25%" and excel["Trong đó: Đoàn viên thanh niên"] == 306
    for answer in data:
        assert (answer["admitted"], answer["target"], answer["percent"]) == (425, 400, 106.25)
        assert answer["among"]["youth_union"] == 306


def test_tan_canh_achieved_exactly_102_percent_of_its_quota(demo):
    """ "Đạt 102% chỉ tiêu": 51 admitted against its quota of 50, on its own report and on its
    line of Đăk Tô's."""
    tan_canh = _tan_canh()
    page, excel, _content, *data = outputs("progress", demo.dak_to, tan_canh, DAK_TO_TERM)
    assert page["Tỷ lệ đạt chỉ tiêu"] == excel["Tỷ lệ đạt chỉ tiêu"] == "102%"
    assert page["Đánh giá"] == excel["Đánh giá"] == "đạt 102% chỉ tiêu"
    for answer in data:
        assert (answer["admitted"], answer["target"], answer["percent"]) == (51, 50, 102.0)
    *_, content, answer, command = outputs("progress", demo.dak_to, "KT.DT", DAK_TO_TERM)
    for data in (answer, command):
        (row,) = [row for row in data["rows"] if row["unit"]["code"] == tan_canh]
        assert (row["admitted"], row["target"], row["percent"]) == (51, 50, 102.0)
    (line,) = [
        r for r in xlsx_sheet(content, "Kết quả theo đơn vị trực thuộc") if r[0] == "Đảng bộ xã Tân Cảnh"
    ]
    assert line[1:4] == (51, 50, "102%")


def test_the_excel_table_has_a_row_per_child_unit_adding_up_to_the_total(demo):
    *_, content, _answer, _command_data = outputs("progress", demo.viewer, "BK.PN", PAC_NAM_TERM)
    rows = xlsx_sheet(content, "Kết quả theo đơn vị trực thuộc")[2:]
    assert len(rows) == 33 and sum(row[1] for row in rows) == 220


# --- structure and totals ------------------------------------------------------------------


def test_pac_nam_33_grassroots_103_village_branches_19_villages_sharing_a_branch(demo):
    page, excel, _content, *data = outputs("structure", demo.viewer, "BK.PN", MID_2023)
    assert page["Tổ chức cơ sở đảng"] == "33" and excel["Tổ chức cơ sở đảng"] == 33
    assert page["Chi bộ thôn, bản"] == "103" and excel["Chi bộ thôn, bản"] == 103
    assert "Chi bộ tổ dân phố" not in page
    assert page["Thôn sinh hoạt chi bộ ghép"] == "19" and excel["Thôn sinh hoạt chi bộ ghép"] == 19
    for answer in data:
        assert answer["grassroots_organisations"] == 33
        assert (
            answer["branches_by_type"]["VILLAGE"] == 103 and "RESIDENTIAL" not in answer["branches_by_type"]
        )
        assert len(answer["villages_sharing_a_branch"]) == 19
        assert len(answer["could_form_a_branch"]) + len(answer["not_yet_able"]) == 19
        assert all(v["lacking"] == 3 - v["official_members"] > 0 for v in answer["not_yet_able"])


def test_cong_bang_13_branches_9_village_3_school_1_police(demo):
    page, excel, _content, *data = outputs("structure", demo.committee, "BK.PN.X01", MID_2023)
    assert page["Chi bộ"] == "13" and excel["Chi bộ"] == 13
    assert all(answer["branches_by_type"] == {"VILLAGE": 9, "SCHOOL": 3, "POLICE": 1} for answer in data)


def test_tan_canh_has_no_merged_branch(demo):
    page, excel, _content, *data = outputs("structure", demo.dak_to, _tan_canh(), {"as_of": "2020-06-30"})
    assert page["Chi bộ sinh hoạt ghép"] == "0" and excel["Thôn sinh hoạt chi bộ ghép"] == 0
    assert all(answer["merged_branches"] == [] for answer in data)


def test_pac_nam_over_2700_members_and_cong_bang_240(demo):
    page, excel, _content, *data = outputs("totals", demo.viewer, "BK.PN", MID_2023)
    assert int(page["Tổng số đảng viên"].replace(".", "")) > 2700 and excel["Tổng số đảng viên"] > 2700
    for answer in data:
        count = answer["count"]
        assert count["total"] > 2700 and count["total"] == count["official"] + count["probationary"]
        assert sum(row["count"]["total"] for row in answer["rows"]) == count["total"]
    page, excel, _content, *data = outputs("totals", demo.committee, "BK.PN.X01", MID_2023)
    assert page["Tổng số đảng viên"] == "240" and excel["Tổng số đảng viên"] == 240
    assert all(answer["count"]["total"] == 240 for answer in data)


# --- review --------------------------------------------------------------------------------


def test_the_review_says_it_in_officials_words_in_word_and_json(demo):
    sentence = (
        "Trong 6 tháng đầu năm 2023, toàn huyện kết nạp được 23 đảng viên, "
        "trong đó có 09 đảng viên là nông dân."
    )
    params = {"unit": unit_id("BK.PN"), **FIRST_HALF_2023}
    response = web(demo.viewer).get("/bao-cao/review/word/", params)
    assert response.status_code == 200
    document = Document(BytesIO(response.content))
    assert sentence in [p.text for p in document.paragraphs]
    progress_table = document.tables[0]
    assert progress_table.rows[0].cells[0].text == "Đơn vị" and len(progress_table.rows) == 1 + 33
    assert sum(int(row.cells[1].text) for row in progress_table.rows[1:]) == 23
    assert sentence in api(demo.viewer).get("/api/reports/review/", params).json()["sentences"]
    assert sentence in _command("review", "BK.PN", FIRST_HALF_2023)["sentences"]
