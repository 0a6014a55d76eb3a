"""Enrolling several source cases at once, all or nothing, each refusal named."""

from datetime import date

from ptdv.cases import transitions
from ptdv.regulation import Stage
from ptdv.training import services
from ptdv.training.models import Enrolment
from tests import factories
from tests.training.helpers import enrol_post, source_cases, url


def test_enrolling_several_source_cases_at_once_puts_them_all_in_the_class(world, client_for):
    klass = world.class_cong_bang
    cases = source_cases(world, 6)
    response = client_for(world.bob).post(url("enrol", klass), enrol_post(klass, cases))
    assert response.status_code == 302
    assert set(Enrolment.objects.filter(awareness_class=klass).values_list("case", flat=True)) == {
        c.pk for c in cases
    }
    klass.refresh_from_db()
    assert klass.version == 1
    page = client_for(world.bob).get(url("class", klass)).content.decode()
    assert all(c.person.full_name in page for c in cases) and "Danh sách học viên (6)" in page


def test_enrolling_moves_no_case_yet(world, client_for):
    """The certificate comes with the results; until then the case stays in the source."""
    klass = world.class_cong_bang
    cases = source_cases(world, 2)
    client_for(world.bob).post(url("enrol", klass), enrol_post(klass, cases))
    for case in cases:
        case.refresh_from_db()
        assert case.stage == Stage.SOURCE and case.events.count() == 1


def test_enrol_page_offers_source_cases_of_the_organisers_subtree_only(world, client_for):
    klass = world.class_cong_bang
    waiting, moved = source_cases(world, 2)
    transitions.move(
        moved, Stage.AWARENESS, date(2024, 4, 1), {"class_name": "Lớp cũ"}, by=world.bob, version=0
    )
    elsewhere = factories.case(world.thon_1, "Y Khoa", by=world.olga)
    page = client_for(world.alice).get(url("enrol", klass)).content.decode()
    assert waiting.person.full_name in page and world.case_phya_ma.person.full_name in page
    assert moved.person.full_name not in page and elsewhere.person.full_name not in page


def test_enrol_page_filters_by_branch_and_by_name_without_diacritics(world, client_for):
    klass = world.class_cong_bang
    in_phya_ma, in_na_pai = source_cases(world, 2)
    bob = client_for(world.bob)
    page = bob.get(url("enrol", klass), {"branch": world.na_pai.pk}).content.decode()
    assert in_na_pai.person.full_name in page and in_phya_ma.person.full_name not in page
    page = bob.get(url("enrol", klass), {"q": "lo van an"}).content.decode()
    assert in_phya_ma.person.full_name in page and in_na_pai.person.full_name not in page


def test_a_person_who_cannot_join_is_named_and_nobody_of_the_batch_is_enrolled(world, client_for):
    klass = world.class_cong_bang
    good, moved = source_cases(world, 2)
    transitions.move(
        moved, Stage.AWARENESS, date(2024, 4, 1), {"class_name": "Lớp cũ"}, by=world.bob, version=0
    )
    response = client_for(world.bob).post(url("enrol", klass), enrol_post(klass, [good, moved]))
    assert response.status_code == 400
    page = response.content.decode()
    assert f"{moved.person.full_name}: không còn ở giai đoạn nguồn" in page
    assert f"{good.person.full_name}:" not in page
    assert f'value="{good.pk}" checked' in page  # still ticked: untick the refused one and send again
    assert not Enrolment.objects.exists()


def test_a_person_already_waiting_in_another_class_cannot_join_a_second(world):
    first = world.class_cong_bang
    second = factories.awareness_class(world.cong_bang, "Lớp tháng 9/2024", starts=date(2024, 9, 9))
    case = world.case_phya_ma
    services.enrol(first, [case], by=world.bob, version=0)
    problems = services.enrolment_problems(second, case, world.bob)
    assert problems == [f"đã có tên trong lớp “{first.name}”."]


def test_a_class_opening_before_the_case_entered_the_source_is_refused(world):
    early = factories.awareness_class(world.cong_bang, "Lớp tháng 1/2024", starts=date(2024, 1, 8))
    problems = services.enrolment_problems(early, world.case_phya_ma, world.bob)
    assert problems == ["lớp khai giảng 08/01/2024, trước ngày vào nguồn 01/03/2024."]


def test_a_case_of_another_commune_cannot_be_enrolled(world, client_for):
    other_commune = factories.unit(world.pac_nam, "BK.PN.X09", "Đảng bộ xã Nhạn Môn", "GRASSROOTS_COMMITTEE")
    branch = factories.unit(other_commune, "BK.PN.X09.T01", "Chi bộ thôn Khuổi Bốc", "BRANCH", "VILLAGE")
    outsider = factories.case(branch, "Hoàng Văn Khuổi", by=world.alice)
    klass = world.class_cong_bang
    response = client_for(world.alice).post(url("enrol", klass), enrol_post(klass, [outsider]))
    assert response.status_code == 400
    assert "Hoàng Văn Khuổi: không thuộc đơn vị mở lớp (Đảng bộ xã Công Bằng)." in response.content.decode()
    assert not Enrolment.objects.exists()


def test_a_case_outside_the_users_scope_is_refused_like_a_missing_one(world, client_for):
    klass = world.class_cong_bang
    response = client_for(world.bob).post(url("enrol", klass), enrol_post(klass, [world.case_thon_1]))
    assert response.status_code == 400
    assert world.case_thon_1.person.full_name not in response.content.decode()
    assert not Enrolment.objects.exists()


def test_enrolling_on_a_stale_page_writes_nothing(world, client_for):
    klass = world.class_cong_bang
    first, second = source_cases(world, 2)
    bob = client_for(world.bob)
    stale = enrol_post(klass, [second])
    assert bob.post(url("enrol", klass), enrol_post(klass, [first])).status_code == 302
    response = bob.post(url("enrol", klass), stale)
    assert response.status_code == 400 and "tải lại trang" in response.content.decode()
    assert list(Enrolment.objects.values_list("case", flat=True)) == [first.pk]


def test_a_long_list_of_people_waiting_is_cut_and_the_filters_find_the_rest(world, client_for, monkeypatch):
    monkeypatch.setattr("ptdv.training.views.SHOWN", 2)
    source_cases(world, 3)
    page = client_for(world.bob).get(url("enrol", world.class_cong_bang)).content.decode()
    assert page.count('name="cases"') == 2 and "Hiện 2/4 người" in page
