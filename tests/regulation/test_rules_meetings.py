"""BRANCH_SIZE, BRANCH_VOTE, COMMITTEE_VOTE."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptdv.regulation.rulekit import votes_needed
from ptdv.regulation.rules import check_transition
from ptdv.regulation.rules_meetings import branch_size, branch_vote, committee_vote
from ptdv.regulation.stages import Stage

from .builders import MEETING, SETTINGS, VERSION, codes, valid_case

TWO_THIRDS = Fraction(2, 3)


def _run(rule, target=None, **changes):
    return rule(valid_case(**changes), MEETING, VERSION, SETTINGS, target)


@pytest.mark.parametrize(("summoned", "needed"), [(9, 6), (3, 2), (7, 5), (10, 7), (1, 1)])
def test_two_thirds_of_summoned_members_rounds_up(summoned, needed):
    assert votes_needed(summoned, TWO_THIRDS) == needed


@given(summoned=st.integers(min_value=1, max_value=500))
def test_fewest_votes_needed_is_the_smallest_reaching_two_thirds(summoned):
    v = votes_needed(summoned, TWO_THIRDS)
    assert 3 * v >= 2 * summoned
    assert 3 * (v - 1) < 2 * summoned


@given(summoned=st.integers(min_value=1, max_value=60), data=st.data())
def test_branch_vote_needs_two_thirds_of_summoned_members(summoned, data):
    votes = data.draw(st.integers(min_value=0, max_value=summoned))
    findings = _run(
        branch_vote,
        branch_official_members=summoned,
        summoned_official_members=summoned,
        votes_for=votes,
    )
    assert bool(findings) == (3 * votes < 2 * summoned)


def test_branch_vote_message_names_the_counts():
    [finding] = _run(branch_vote, summoned_official_members=9, votes_for=5)
    assert finding.message == (
        "Cần ít nhất 6 phiếu tán thành (2/3 của 9 đảng viên chính thức được triệu tập), chỉ có 5"
    )
    assert not _run(branch_vote, summoned_official_members=9, votes_for=6)


def test_branch_vote_counts_summoned_not_present_members():
    # 12 official members, 9 summoned (3 excused from activities), 6 votes: enough.
    assert not _run(branch_vote, branch_official_members=12, summoned_official_members=9, votes_for=6)


def test_votes_cannot_exceed_summoned_nor_summoned_exceed_members():
    assert _run(branch_vote, summoned_official_members=5, votes_for=6)
    assert _run(branch_vote, branch_official_members=4, summoned_official_members=5, votes_for=5)


def test_a_branch_of_two_official_members_cannot_vote():
    [finding] = _run(branch_size, branch_official_members=2, summoned_official_members=2, votes_for=2)
    assert finding.message == "Chi bộ chỉ có 2 đảng viên chính thức vào ngày 03/02/2025, cần ít nhất 3"
    assert finding.blocks == (Stage.BRANCH_RESOLVED,)
    assert not _run(branch_size, branch_official_members=3)


def test_branch_counts_are_required_when_recording_the_resolution():
    facts = valid_case(
        branch_meeting_date=None,
        branch_official_members=None,
        summoned_official_members=None,
        votes_for=None,
    )
    found = codes(check_transition(facts, Stage.BRANCH_RESOLVED, MEETING))
    assert "BRANCH_SIZE" in found and "BRANCH_VOTE" in found


def test_committee_vote_needs_two_thirds_of_all_its_members():
    [finding] = _run(committee_vote, committee_members=7, committee_votes_for=4)
    assert "cần ít nhất 5 phiếu tán thành (2/3 của 7 ủy viên đảng ủy), chỉ có 4" in finding.message
    assert finding.blocks == (Stage.COMMITTEE_RESOLVED,)
    assert not _run(committee_vote, committee_members=7, committee_votes_for=5)


def test_delegated_committee_vote_also_blocks_the_admission_decision():
    [finding] = _run(committee_vote, committee_delegated=True, committee_members=9, committee_votes_for=5)
    assert finding.blocks == (Stage.COMMITTEE_RESOLVED, Stage.DECIDED)
    assert "được ủy quyền" in finding.message


def test_committee_vote_is_silent_until_its_meeting_unless_recording_it():
    assert not _run(committee_vote)
    assert codes(_run(committee_vote, target=Stage.COMMITTEE_RESOLVED)) == ["COMMITTEE_VOTE"]
    assert not _run(committee_vote, target=Stage.DECIDED)
    assert _run(committee_vote, target=Stage.DECIDED, committee_delegated=True)
