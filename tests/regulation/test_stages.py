"""The path of a case: what may follow what, and which role records which step."""

import pytest

from ptdv.regulation.stages import (
    PATH,
    ROLE_MAX_STAGE,
    STAGE_LABELS,
    Stage,
    allowed_transitions,
    is_closed,
    next_stage,
    role_may_move,
)

S = Stage
OPEN_BEFORE_PROBATION = PATH[: PATH.index(S.PROBATION)]


def test_every_stage_has_a_vietnamese_label():
    assert set(STAGE_LABELS) == set(Stage)
    assert S.BRANCH_RESOLVED.label == "Chi bộ đề nghị"
    assert S.PROBATION.label == "Đảng viên dự bị"


def test_stage_codes_are_the_stable_identifiers_of_domain():
    assert [s.value for s in PATH] == [
        "SOURCE",
        "AWARENESS",
        "DOSSIER",
        "BRANCH_RESOLVED",
        "COMMITTEE_RESOLVED",
        "SUBMITTED",
        "DECIDED",
        "PROBATION",
        "RECOGNITION_PROPOSED",
        "OFFICIAL",
    ]
    assert Stage("WITHDRAWN") is S.WITHDRAWN


def test_grassroots_branch_skips_the_committee_resolution():
    assert next_stage(S.BRANCH_RESOLVED, branch_is_grassroots=True) == S.SUBMITTED
    assert next_stage(S.BRANCH_RESOLVED, branch_is_grassroots=False) == S.COMMITTEE_RESOLVED
    assert next_stage(S.COMMITTEE_RESOLVED, branch_is_grassroots=False) == S.SUBMITTED


def test_next_stage_follows_the_path_and_ends_at_official():
    assert next_stage(S.SOURCE, False) == S.AWARENESS
    assert next_stage(S.RECOGNITION_PROPOSED, False) == S.OFFICIAL
    assert next_stage(S.OFFICIAL, False) is None
    assert next_stage(S.WITHDRAWN, False) is None


@pytest.mark.parametrize("stage", OPEN_BEFORE_PROBATION)
def test_a_case_before_probation_may_be_withdrawn_or_not_admitted(stage):
    allowed = allowed_transitions(stage, branch_is_grassroots=False)
    assert {S.WITHDRAWN, S.NOT_ADMITTED} <= allowed
    assert S.REMOVED not in allowed
    assert next_stage(stage, False) in allowed


@pytest.mark.parametrize("stage", [S.PROBATION, S.RECOGNITION_PROPOSED])
def test_only_a_probationary_member_may_be_removed(stage):
    assert allowed_transitions(stage, False) == {next_stage(stage, False), S.REMOVED}


@pytest.mark.parametrize("stage", [S.OFFICIAL, S.WITHDRAWN, S.NOT_ADMITTED, S.REMOVED])
def test_official_and_closed_cases_are_terminal(stage):
    assert allowed_transitions(stage, False) == set()
    assert allowed_transitions(stage, True) == set()


def test_closed_means_a_closing_outcome():
    assert {s for s in Stage if is_closed(s)} == {S.WITHDRAWN, S.NOT_ADMITTED, S.REMOVED}
    assert not is_closed(S.OFFICIAL)


def test_role_limits_are_data():
    assert ROLE_MAX_STAGE == {
        "branch": S.BRANCH_RESOLVED,
        "committee": S.SUBMITTED,
        "organizer": S.OFFICIAL,
        "viewer": None,
        "admin": None,
    }


def test_branch_records_steps_up_to_its_own_resolution():
    assert role_may_move("branch", S.SOURCE, S.AWARENESS)
    assert role_may_move("branch", S.DOSSIER, S.BRANCH_RESOLVED)
    assert not role_may_move("branch", S.BRANCH_RESOLVED, S.COMMITTEE_RESOLVED)
    assert not role_may_move("branch", S.BRANCH_RESOLVED, S.SUBMITTED)


def test_branch_may_withdraw_only_its_cases_not_yet_voted():
    assert role_may_move("branch", S.DOSSIER, S.WITHDRAWN)
    assert not role_may_move("branch", S.BRANCH_RESOLVED, S.WITHDRAWN)
    assert not role_may_move("branch", S.DOSSIER, S.NOT_ADMITTED)
    assert not role_may_move("branch", S.PROBATION, S.REMOVED)


def test_committee_records_up_to_submission_and_may_close_before_a_decision():
    assert role_may_move("committee", S.BRANCH_RESOLVED, S.COMMITTEE_RESOLVED)
    assert role_may_move("committee", S.COMMITTEE_RESOLVED, S.SUBMITTED)
    assert not role_may_move("committee", S.SUBMITTED, S.DECIDED)
    assert role_may_move("committee", S.BRANCH_RESOLVED, S.NOT_ADMITTED)
    assert role_may_move("committee", S.SUBMITTED, S.WITHDRAWN)
    assert not role_may_move("committee", S.DECIDED, S.WITHDRAWN)
    assert not role_may_move("committee", S.PROBATION, S.REMOVED)


def test_organizer_records_everything():
    assert role_may_move("organizer", S.SUBMITTED, S.DECIDED)
    assert role_may_move("organizer", S.RECOGNITION_PROPOSED, S.OFFICIAL)
    assert role_may_move("organizer", S.PROBATION, S.REMOVED)


@pytest.mark.parametrize("role", ["viewer", "admin", "stranger"])
def test_viewer_and_admin_record_nothing(role):
    assert not any(role_may_move(role, a, b) for a in Stage for b in Stage)
