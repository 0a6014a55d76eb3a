"""The structure and totals reports give the articles' figures as of 30/06/2023, from their
page, Excel file, API answer and `ptdv report` alike."""

import pytest

from tests.reports.demo import api, command_json, demo, page_facts, unit_id, web, xlsx_facts

pytestmark = pytest.mark.django_db
__all__ = ["demo"]

MID_2023 = {"as_of": "2023-06-30"}
VIEWER = "lanhdao.pacnam"


def _outputs(name, username, code, dates=MID_2023):
    """(page facts, Excel facts, API JSON, command JSON) of report `name` for unit `code`."""
    params = {"unit": unit_id(code), **dates}
    page = web(username).get(f"/bao-cao/{name}/", params)
    excel = web(username).get(f"/bao-cao/{name}/excel/", params)
    answer = api(username).get(f"/api/reports/{name}/", params)
    assert page.status_code == excel.status_code == answer.status_code == 200
    command = command_json(name, "--unit", code, "--as-of", dates["as_of"])
    return page_facts(page), xlsx_facts(excel.content), answer.json(), command


def test_pac_nam_structure_33_grassroots_103_village_branches_19_villages_sharing(demo):
    page, excel, *data = _outputs("structure", VIEWER, "BK.PN")
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


def test_cong_bang_13_branches_9_village_3_school_1_police(demo):
    page, excel, *data = _outputs("structure", "danguy.congbang", "BK.PN.X01")
    assert page["Chi bộ"] == "13" and excel["Chi bộ"] == 13
    for answer in data:
        assert answer["branches_by_type"] == {"VILLAGE": 9, "SCHOOL": 3, "POLICE": 1}


def test_tan_canh_has_no_merged_branch(demo):
    tan_canh = "KT.DT.X" + _tan_canh_number()
    page, excel, *data = _outputs("structure", "tochuc.dakto", tan_canh)
    assert page["Chi bộ sinh hoạt ghép"] == "0" and excel["Thôn sinh hoạt chi bộ ghép"] == 0
    for answer in data:
        assert answer["merged_branches"] == [] and answer["villages_sharing_a_branch"] == []


def _tan_canh_number():
    from ptdv.org.models import Unit

    return Unit.objects.get(name="Đảng bộ xã Tân Cảnh").code.rsplit("X", 1)[1]


def test_villages_sharing_a_branch_are_told_what_they_lack_for_their_own(demo):
    *_, answer = _outputs("structure", VIEWER, "BK.PN")
    sharing = answer["could_form_a_branch"] + answer["not_yet_able"]
    assert len(sharing) == 19
    for village in answer["not_yet_able"]:
        assert village["lacking"] == 3 - village["official_members"] > 0


def test_pac_nam_over_2700_members_and_cong_bang_240(demo):
    page, excel, *data = _outputs("totals", VIEWER, "BK.PN")
    assert int(page["Tổng số đảng viên"].replace(".", "")) > 2700 and excel["Tổng số đảng viên"] > 2700
    for answer in data:
        assert answer["count"]["total"] > 2700
        assert answer["count"]["total"] == answer["count"]["official"] + answer["count"]["probationary"]
        assert sum(row["count"]["total"] for row in answer["rows"]) == answer["count"]["total"]
    page, excel, *data = _outputs("totals", "danguy.congbang", "BK.PN.X01")
    assert page["Tổng số đảng viên"] == "240" and excel["Tổng số đảng viên"] == 240
    assert all(answer["count"]["total"] == 240 for answer in data)
