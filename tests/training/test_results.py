"""Recording a class's results in one form: passed cases move to AWARENESS with their certificate."""

from datetime import date, timedelta

from django.utils import timezone

from ptdv.cases import transitions
from ptdv.cases.facts import facts_for
from ptdv.cases.models import CaseEvent
from ptdv.regulation import Stage
from ptdv.training import services
from ptdv.training.models import Enrolment
from tests import factories
from tests.training.helpers import results_post, source_cases, url


def _enrolled(world, n, klass=None):
    klass = klass or world.class_cong_bang
    cases = source_cases(world, n)
    enrolments = services.enrol(klass, cases, by=world.bob, version=klass.version)
    klass.refresh_from_db()
    return klass, enrolments


def test_results_form_has_one_row_per_enrolled_person(world, client_for):
    klass, enrolments = _enrolled(world, 6)
    page = client_for(world.bob).get(url("results", klass)).content.decode()
    assert page.count('name="form-') >= 6 * 4 and 'name="form-TOTAL_FORMS" value="6"' in page
    assert all(e.case.person.full_name in page for e in enrolments)


def test_recording_results_moves_passed_cases_to_awareness_with_their_certificate(world, client_for):
    klass, (passed, failed, absent) = _enrolled(world, 3)
    rows = {
        passed: ("PASSED", "15/GCN-TTCT", "2024-06-15"),
        failed: ("FAILED", "", ""),
        absent: ("ABSENT", "", ""),
    }
    response = client_for(world.bob).post(url("results", klass), results_post(klass, rows))
    assert response.status_code == 302
    passed.refresh_from_db()
    event = CaseEvent.objects.get(case=passed.case, stage=Stage.AWARENESS)
    assert passed.event == event and event.date == klass.starts_on and event.recorded_by == world.bob
    assert event.data == {"class_name": klass.name, "cert_no": "15/GCN-TTCT", "cert_date": "2024-06-15"}
    facts = facts_for(passed.case)
    assert facts.stage == Stage.AWARENESS
    assert (facts.awareness_cert_no, facts.awareness_cert_date) == ("15/GCN-TTCT", date(2024, 6, 15))
    for enrolment, result in ((failed, "FAILED"), (absent, "ABSENT")):
        enrolment.refresh_from_db()
        enrolment.case.refresh_from_db()
        assert enrolment.result == result and enrolment.case.stage == Stage.SOURCE and enrolment.event is None


def test_the_case_page_shows_the_certificate_recorded_by_the_class(world, client_for):
    klass, (enrolment,) = _enrolled(world, 1)
    client_for(world.bob).post(
        url("results", klass), results_post(klass, {enrolment: ("PASSED", "77/GCN", "2024-06-15")})
    )
    page = client_for(world.bob).get(f"/ho-so/{enrolment.case.pk}/").content.decode()
    assert "77/GCN" in page and klass.name in page


def test_a_pass_without_a_certificate_is_refused_in_vietnamese(world, client_for):
    klass, (enrolment,) = _enrolled(world, 1)
    response = client_for(world.bob).post(
        url("results", klass), results_post(klass, {enrolment: ("PASSED", "", "")})
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Người đạt cần số giấy chứng nhận." in page and "Người đạt cần ngày cấp giấy chứng nhận." in page
    enrolment.case.refresh_from_db()
    assert enrolment.case.stage == Stage.SOURCE


def test_a_certificate_dated_before_the_class_or_for_a_failed_person_is_refused(world, client_for):
    klass, (early, failed) = _enrolled(world, 2)
    rows = {early: ("PASSED", "1/GCN", "2024-06-01"), failed: ("FAILED", "2/GCN", "2024-06-15")}
    response = client_for(world.bob).post(url("results", klass), results_post(klass, rows))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ngày cấp trước ngày khai giảng lớp." in page and "Chỉ người đạt mới có giấy chứng nhận." in page
    assert not Enrolment.objects.exclude(result="").exists()


def test_one_person_the_move_refuses_is_named_and_nothing_of_the_class_is_written(world, client_for):
    klass, (ok, withdrawn) = _enrolled(world, 2)
    transitions.move(
        withdrawn.case, Stage.WITHDRAWN, date(2024, 6, 11), {}, by=world.bob, version=0, reason="Chuyển đi"
    )
    rows = {ok: ("PASSED", "1/GCN", "2024-06-15"), withdrawn: ("PASSED", "2/GCN", "2024-06-15")}
    response = client_for(world.bob).post(url("results", klass), results_post(klass, rows))
    assert response.status_code == 400
    page = response.content.decode()
    assert f"{withdrawn.case.person.full_name}: Không thể chuyển hồ sơ từ" in page
    ok.refresh_from_db()
    ok.case.refresh_from_db()
    assert ok.result == "" and ok.case.stage == Stage.SOURCE
    assert not CaseEvent.objects.filter(stage=Stage.AWARENESS).exists()
    klass.refresh_from_db()
    assert klass.version == 1


def test_moved_people_leave_the_form_and_the_others_can_be_recorded_later(world, client_for):
    klass, (first, later) = _enrolled(world, 2)
    bob = client_for(world.bob)
    bob.post(
        url("results", klass),
        results_post(klass, {first: ("PASSED", "1/GCN", "2024-06-15"), later: ("", "", "")}),
    )
    klass.refresh_from_db()
    page = bob.get(url("results", klass)).content.decode()
    assert 'name="form-TOTAL_FORMS" value="1"' in page
    response = bob.post(
        url("results", klass), results_post(klass, {later: ("PASSED", "2/GCN", "2024-06-20")})
    )
    assert response.status_code == 302
    assert CaseEvent.objects.filter(stage=Stage.AWARENESS).count() == 2


def test_results_on_a_stale_page_write_nothing(world, client_for):
    klass, (enrolment,) = _enrolled(world, 1)
    stale = results_post(klass, {enrolment: ("PASSED", "1/GCN", "2024-06-15")})
    stale["version"] = klass.version - 1
    response = client_for(world.bob).post(url("results", klass), stale)
    assert response.status_code == 400 and "tải lại trang" in response.content.decode()
    assert not CaseEvent.objects.filter(stage=Stage.AWARENESS).exists()


def test_results_cannot_be_recorded_before_the_class_opens(world, client_for):
    soon = timezone.localdate() + timedelta(days=3)
    klass = factories.awareness_class(world.cong_bang, "Lớp sắp mở", starts=soon)
    klass, (enrolment,) = _enrolled(world, 1, klass)
    response = client_for(world.bob).post(
        url("results", klass), results_post(klass, {enrolment: ("ABSENT", "", "")})
    )
    assert response.status_code == 400 and "chưa thể ghi kết quả" in response.content.decode()


def test_a_person_who_failed_may_join_a_later_class(world):
    klass, (failed,) = _enrolled(world, 1)
    services.record_results(klass, [(failed, "FAILED", "", None)], by=world.bob, version=klass.version)
    later = factories.awareness_class(world.cong_bang, "Lớp tháng 9/2024", starts=date(2024, 9, 9))
    assert services.enrolment_problems(later, failed.case, world.bob) == []
