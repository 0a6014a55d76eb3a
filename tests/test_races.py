"""Two officers at the same moment: real threads, real database (SQLite and PostgreSQL).

Each test lines two requests up on a barrier and lets them go together, ROUNDS times, so
the requests really overlap. The properties: of two edits made on the same version exactly
one wins and the other is told (nothing of it written); two creates of the same citizen ID
or two openings of a case for the same person give one record and one clear refusal, never
a server error. These tests need committed data seen by several connections, hence
`transaction=True`; every thread closes its own connection.
"""

import threading
from datetime import date
from functools import partial

import pytest
from django.db import connection
from rest_framework.test import APIClient

from ptdv.accounts.models import User
from ptdv.cases import transitions
from ptdv.cases.models import OPEN_STAGES, Case
from ptdv.people.models import Person
from tests.factories import World, person, person_edit_form, person_form, spelled
from tests.logins import log_in

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 10
STALE = "Hồ sơ vừa được người khác cập nhật"


def race(*calls):
    """Run `calls` at once in threads; their results (or exceptions) in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # reported to the test, which fails on it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _patch(user, url, body, **headers):
    return _api(user).patch(url, body, format="json", **headers)


def _post(user, url, body):
    return _api(user).post(url, body, format="json")


def _page_post(user, url, data):
    return log_in(APIClient(), user).post(url, data)


def _statuses(responses):
    assert not [r for r in responses if isinstance(r, Exception)], responses
    return sorted(r.status_code for r in responses)


@pytest.fixture
def world(transactional_db):
    return World()


@pytest.mark.parametrize("header", [False, True], ids=["version-in-body", "if-match"])
def test_two_simultaneous_person_edits_one_wins_the_other_is_told(world, header):
    target = world.m_phya_ma.person
    url = f"/api/persons/{target.pk}/"
    for round_no in range(ROUNDS):
        before = Person.objects.get(pk=target.pk)
        version = before.version
        changes = [{"education": ["COLLEGE", "THPT"][round_no % 2]}, {"youth_union": not before.youth_union}]
        headers = {"HTTP_IF_MATCH": f'"{version}"'} if header else {}
        bodies = changes if header else [{**change, "version": version} for change in changes]
        responses = race(
            partial(_patch, world.alice, url, bodies[0], **headers),
            partial(_patch, world.carol, url, bodies[1], **headers),
        )
        assert _statuses(responses) == [200, 412 if header else 409]
        winner = 0 if responses[0].status_code == 200 else 1
        assert STALE in responses[1 - winner].json()["detail"]
        saved = Person.objects.get(pk=target.pk)
        assert saved.version == version + 1
        for field, value in changes[winner].items():
            assert getattr(saved, field) == value
        for field in changes[1 - winner]:
            assert getattr(saved, field) == getattr(before, field)
        assert saved.history.filter(version=version + 1).count() == 1


def test_two_simultaneous_case_edits_one_wins_the_other_is_told(world):
    case = world.case_phya_ma
    url = f"/api/cases/{case.pk}/"
    for round_no in range(ROUNDS):
        before = Case.objects.get(pk=case.pk)
        changes = [{"fisherman": not before.fisherman}, {"hardship_area": not before.hardship_area}]
        responses = race(
            *(partial(_patch, world.alice, url, {**c, "version": before.version}) for c in changes)
        )
        assert _statuses(responses) == [200, 409], round_no
        winner, loser = (0, 1) if responses[0].status_code == 200 else (1, 0)
        saved = Case.objects.get(pk=case.pk)
        loser_field = next(iter(changes[loser]))
        assert getattr(saved, loser_field) == getattr(before, loser_field)
        assert getattr(saved, next(iter(changes[winner]))) == next(iter(changes[winner].values()))


def test_two_simultaneous_person_edit_pages_one_wins_the_other_is_told(world):
    url = f"/nguoi/{world.m_phya_ma.person.pk}/sua/"
    for round_no in range(ROUNDS):
        current = Person.objects.get(pk=world.m_phya_ma.person.pk)
        responses = race(
            partial(
                _page_post,
                world.alice,
                url,
                person_edit_form(current, education=["COLLEGE", "THPT"][round_no % 2]),
            ),
            partial(
                _page_post,
                world.carol,
                url,
                person_edit_form(current, religion=["BUDDHISM", "NONE"][round_no % 2]),
            ),
        )
        assert _statuses(responses) == [302, 400]
        loser = responses[0] if responses[0].status_code == 400 else responses[1]
        assert STALE in loser.content.decode()
        assert Person.objects.get(pk=current.pk).version == current.version + 1


def _newcomer(world, citizen_id, name):
    # A new name each round: a namesake of the previous round's winner would be asked to confirm.
    return person_form(world, citizen_id=citizen_id, full_name=f"{name} {spelled(int(citizen_id[-5:]))}")


def test_two_simultaneous_creates_with_one_citizen_id_give_one_person_and_a_clear_refusal(world):
    for round_no in range(ROUNDS):
        citizen_id = f"0010940{round_no:05d}"
        responses = race(
            partial(
                _post,
                world.alice,
                "/api/persons/",
                _newcomer(world, citizen_id, "Lò Văn A"),
            ),
            partial(
                _post,
                world.carol,
                "/api/persons/",
                _newcomer(world, citizen_id, "Lò Văn B"),
            ),
        )
        assert _statuses(responses) == [201, 400], [r.content for r in responses]
        refused = next(r for r in responses if r.status_code == 400).json()
        assert "đã có trong hệ thống" in refused["citizen_id"][0]
        assert Person.objects.filter(citizen_id=citizen_id).count() == 1


def test_two_simultaneous_create_pages_with_one_citizen_id_give_one_person(world):
    for round_no in range(ROUNDS):
        citizen_id = f"0020940{round_no:05d}"
        responses = race(
            partial(
                _page_post,
                world.alice,
                "/nguoi/moi/",
                _newcomer(world, citizen_id, "Lò Văn A"),
            ),
            partial(
                _page_post,
                world.bob,
                "/nguoi/moi/",
                _newcomer(world, citizen_id, "Lò Văn B"),
            ),
        )
        assert _statuses(responses) == [302, 400]
        refused = next(r for r in responses if r.status_code == 400)
        assert "đã có trong hệ thống" in refused.content.decode()
        assert Person.objects.filter(citizen_id=citizen_id).count() == 1


def test_two_simultaneous_case_openings_for_one_person_give_one_case(world):
    for round_no in range(ROUNDS):
        fresh = person(world.phya_ma, f"Giàng A Chư {spelled(round_no)}", birth=date(2000, 1, 15))
        body = {
            "person": fresh.pk,
            "branch": world.phya_ma.pk,
            "opened_on": "2024-06-01",
            "source_organisation": "YOUTH_UNION",
            "source_category": "YOUTH",
        }
        responses = race(
            partial(_post, world.alice, "/api/cases/", body), partial(_post, world.carol, "/api/cases/", body)
        )
        assert _statuses(responses) == [201, 400], [r.content for r in responses]
        refused = next(r for r in responses if r.status_code == 400).json()
        assert refused == _post(world.carol, "/api/cases/", body).json()  # as a sequential duplicate
        assert Case.objects.filter(person=fresh, stage__in=OPEN_STAGES).count() == 1


def test_two_simultaneous_openings_through_the_service_refuse_with_duplicate_person(world):
    for round_no in range(ROUNDS):
        fresh = person(world.phya_ma, f"Sùng A Páo {spelled(round_no)}", birth=date(2000, 1, 15))
        opening = partial(
            transitions.open_case,
            fresh,
            world.phya_ma,
            date(2024, 6, 1),
            source_organisation="FARMERS",
            source_category="FARMER",
        )
        results = race(partial(opening, by=world.alice), partial(opening, by=world.carol))
        refused = [r for r in results if isinstance(r, Exception)]
        assert len(refused) == 1 and isinstance(refused[0], transitions.TransitionRefused), results
        assert [f.code for f in refused[0].findings] == ["DUPLICATE_PERSON"]
        assert Case.objects.filter(person=fresh, stage__in=OPEN_STAGES).count() == 1


def test_two_simultaneous_moves_of_one_case_one_wins(world):
    for round_no in range(ROUNDS):
        case = transitions.open_case(
            person(world.phya_ma, f"Hà Văn Tú {spelled(round_no)}", birth=date(2000, 1, 15)),
            world.phya_ma,
            date(2024, 6, 1),
            by=world.alice,
            source_organisation="FARMERS",
            source_category="FARMER",
        )
        url = f"/api/cases/{case.pk}/transitions/"
        body = {"stage": "WITHDRAWN", "date": "2024-07-01", "version": case.version, "reason": "Chuyển đi"}
        responses = race(partial(_post, world.alice, url, body), partial(_post, world.bob, url, body))
        assert _statuses(responses) == [201, 400]
        assert case.events.filter(stage="WITHDRAWN").count() == 1


def test_two_organizers_creating_one_username_at_once_give_one_account_and_a_clear_refusal(world):
    second = World.user("tochuc.pacnam2", "organizer", world.pac_nam)
    for round_no in range(ROUNDS):
        username = f"bithu.napai{round_no}"
        data = {"username": username, "full_name": "Lục Văn Pác", "email": "", "role": "branch"}
        data["unit"] = world.na_pai.pk
        responses = race(
            partial(_page_post, world.alice, "/tai-khoan/nguoi-dung/moi/", data),
            partial(_page_post, second, "/tai-khoan/nguoi-dung/moi/", data),
        )
        assert not [r for r in responses if isinstance(r, Exception)], responses
        bodies = [r.content.decode() for r in responses]
        assert sum('id="secret"' in body for body in bodies) == 1  # one account, its password shown
        assert sum("Tên đăng nhập đã được sử dụng" in body for body in bodies) == 1
        assert all(r.status_code < 500 for r in responses)
        assert User.objects.filter(username=username).count() == 1
