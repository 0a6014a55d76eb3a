"""Turns a case and its records into the regulation engine's plain inputs.

The engine (ptdv.regulation) never sees a model: this module is the only translation, so
the rules stay pure and a new kind of record changes one place.
"""

from dataclasses import replace
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from ptdv.cases.models import (
    EXEMPT_RELATIONS,
    OPEN_STAGES,
    Case,
    CaseEvent,
    ConsentPurpose,
    DocumentKind,
    DossierDocument,
)
from ptdv.org.models import GRASSROOTS_KINDS, DecidingBody, Unit
from ptdv.people import summaries
from ptdv.people.choices import MemberStatus
from ptdv.people.models import BranchTotal, MemberEvent, PartyMember
from ptdv.regulation import CaseDates, CaseFacts, Introducer, RelativeCheck, Settings, Stage


def regulation_settings() -> Settings:
    return Settings(
        verification_valid_months=settings.PTDV_VERIFICATION_VALID_MONTHS,
        introduction_valid_months=settings.PTDV_INTRODUCTION_VALID_MONTHS,
        youth_union_age=tuple(settings.PTDV_YOUTH_UNION_AGE),
    )


def _related(case: Case, name: str) -> list:
    """A case's records in force: none yet for a case being opened (not saved), and none that
    was withdrawn (voided records stay in the history but no rule reads them)."""
    # Filtered in Python so that a prefetched relation serves lists without a query per case.
    records = list(getattr(case, name).all()) if case.pk else []
    return [r for r in records if getattr(r, "voided_at", None) is None]


def effective_events(case: Case) -> list[CaseEvent]:
    """The case's events in date order, without undone moves and the events that undid them."""
    events = _related(case, "events")
    undone = {e.reverts_id for e in events if e.reverts_id is not None}
    kept = [e for e in events if e.reverts_id is None and e.id not in undone]
    return sorted(kept, key=lambda e: (e.date, e.id))


def last_events(case: Case) -> dict[str, CaseEvent]:
    """The latest event in force of each stage of the case."""
    return {event.stage: event for event in effective_events(case)}


def _latest_documents(case: Case) -> dict[str, DossierDocument]:
    return {doc.kind: doc for doc in sorted(_related(case, "documents"), key=lambda d: (d.date, d.id))}


def _documents(case: Case) -> dict[str, date]:
    return {kind: doc.date for kind, doc in _latest_documents(case).items()}


def _consents(case: Case) -> dict[str, date]:
    """The latest province consent of each purpose: one given for re-admission says nothing
    about age or education (ConsentPurpose)."""
    consents = [d for d in _related(case, "documents") if d.kind == DocumentKind.PROVINCE_CONSENT]
    return {doc.purpose: doc.date for doc in sorted(consents, key=lambda d: (d.date, d.id))}


def _awareness_certificate(case: Case, awareness: CaseEvent | None) -> tuple[str | None, date | None]:
    """The certificate as entered later (a "Giấy chứng nhận" document), else as recorded with
    the move into the awareness class."""
    document = _latest_documents(case).get(DocumentKind.AWARENESS_CERT)
    if document is not None:
        return document.number or None, document.date
    if awareness is None:
        return None, None
    return awareness.data.get("cert_no"), _as_date(awareness.data.get("cert_date"))


def branch_official_members(branch_id: int, day: date) -> int:
    return summaries.branch_totals([branch_id], day)[branch_id].official


def other_path(person, case: Case | None = None) -> Case | PartyMember | None:
    """The person's current membership or open case, other than `case`: DUPLICATE_PERSON."""
    return Surroundings([case] if case is not None else [], persons=[person.pk]).other_path(person.pk, case)


class Surroundings:
    """What the rules read of a case beyond its own records, loaded for many cases at once:
    its introducers' standing, its branch's official members on any day, the person's other
    paths, its grassroots organisation.

    One query per kind of fact for all the cases given (none for a kind they do not need),
    so deriving a province's cases costs a few queries a batch instead of several a case;
    a single case's page asks for a batch of one.
    """

    def __init__(self, cases: list[Case], persons=()):
        self.cases = cases
        self.persons = {c.person_id for c in cases} | set(persons)
        self._standing = self._sizes = self._others = self._grassroots = None

    def introducer_official(self, member_id: int, day: date) -> bool:
        """Whether the introducer was an official member on the day (their last event then)."""
        if self._standing is None:
            ids = {i.introducer_id for c in self.cases for i in _related(c, "introductions")}
            events = MemberEvent.objects.filter(member_id__in=ids).order_by("date", "id")
            self._standing = _by_first(events.values_list("member_id", "date", "status_after") if ids else [])
        last = [status for on, status in self._standing.get(member_id, []) if on <= day]
        return bool(last) and last[-1] == MemberStatus.OFFICIAL

    def branch_official_members(self, branch_id: int, day: date) -> int:
        """The branch's official members on the day, from its kept totals (ptdv.people.summaries)."""
        if self._sizes is None:
            rows = BranchTotal.objects.filter(branch_id__in={c.branch_id for c in self.cases})
            self._sizes = _by_first(rows.order_by("date").values_list("branch_id", "date", "official"))
        last = [official for on, official in self._sizes.get(branch_id, []) if on <= day]
        return last[-1] if last else 0

    def other_path(self, person_id: int, case: Case | None) -> Case | PartyMember | None:
        """The person's current membership, else their first open case, other than `case`."""
        if self._others is None:
            persons = self.persons
            members = PartyMember.objects.current().filter(person_id__in=persons).select_related("branch")
            cases = Case.objects.filter(person_id__in=persons, stage__in=OPEN_STAGES).select_related("branch")
            self._others = {"members": {m.person_id: m for m in members}, "cases": {}}
            for other in cases.order_by("id"):
                self._others["cases"].setdefault(other.person_id, []).append(other)
        member = self._others["members"].get(person_id)
        if member is not None and (case is None or case.member_id != member.pk):
            return member
        own = case.pk if case is not None else None
        return next((c for c in self._others["cases"].get(person_id, []) if c.pk != own), None)

    def delegated(self, case: Case) -> bool:
        """The grassroots committee decides admissions itself (đảng ủy cơ sở được ủy quyền)."""
        if len(self.cases) == 1:
            # One case (its page): the branch's own lookup, which the page has usually made already.
            grassroots = case.branch.grassroots()
            return grassroots is not None and grassroots.deciding_body == DecidingBody.SELF
        if self._grassroots is None:
            paths = {c.branch.path for c in self.cases}
            above = {p[:end] for p in paths for end in range(Unit.steplen, len(p) + 1, Unit.steplen)}
            found = Unit.objects.filter(path__in=above, kind__in=GRASSROOTS_KINDS)
            self._grassroots = dict(found.values_list("path", "deciding_body"))
        path = case.branch.path
        nearest = next(
            (path[:end] for end in range(len(path), 0, -Unit.steplen) if path[:end] in self._grassroots), None
        )
        return nearest is not None and self._grassroots[nearest] == DecidingBody.SELF


def _by_first(rows) -> dict:
    """{first value: [(second, third), …]} of rows in their order."""
    grouped: dict = {}
    for key, on, value in rows:
        grouped.setdefault(key, []).append((on, value))
    return grouped


def in_scope(record, viewer) -> bool:
    """Whether `viewer` may see `record`, decided by the one scope mechanism (ptdv.scope)."""
    return viewer is not None and type(record).objects.visible_to(viewer).filter(pk=record.pk).exists()


def _duplicate_of(case: Case, viewer, around: Surroundings) -> str | None:
    """What `viewer` may be told of the other path: where it is only when in their scope.

    Naming a branch outside the scope would tell the user that a record they may not see
    exists, and where (ptdv.scope).
    """
    other = around.other_path(case.person_id, case)
    if other is None:
        return None
    if not in_scope(other, viewer):
        return _(
            "Người này đã có hồ sơ hoặc đang là đảng viên ở đơn vị khác — hãy liên hệ Ban Tổ chức cấp trên."
        )
    where = {"p": case.person.full_name, "u": other.branch.name}
    if isinstance(other, PartyMember):
        return _("%(p)s đã là đảng viên của %(u)s.") % where
    return _("%(p)s đang có hồ sơ mở ở %(u)s.") % where


def facts_for(
    case: Case, meeting: dict | None = None, viewer=None, around: Surroundings | None = None
) -> CaseFacts:
    """CaseFacts of `case` as recorded; `meeting` adds a branch meeting not yet recorded.

    `viewer` is the user the findings are for: a duplicate is named only within their scope.
    `around` is what was loaded for a batch of cases this one belongs to (derived.refresh).
    """
    around = around or Surroundings([case])
    events = last_events(case)
    documents = _documents(case)
    awareness = events.get(Stage.AWARENESS)
    branch = events.get(Stage.BRANCH_RESOLVED)
    committee = events.get(Stage.COMMITTEE_RESOLVED)
    meeting_data = meeting or (dict(branch.data, date=branch.date) if branch else None)
    meeting_date = _as_date(meeting_data.get("date")) if meeting_data else None
    consents = _consents(case)
    cert_no, cert_date = _awareness_certificate(case, awareness)
    person = case.person
    return CaseFacts(
        birth_date=person.birth_date,
        education=person.education,
        literate=case.literate,
        hardship_area=case.hardship_area,
        fisherman=case.fisherman,
        respected_elder=case.respected_elder,
        province_consent_over_60=consents.get(ConsentPurpose.OVER_60),
        province_consent_elder=consents.get(ConsentPurpose.ELDER),
        awareness_cert_no=cert_no,
        awareness_cert_date=cert_date,
        application_date=documents.get(DocumentKind.APPLICATION),
        history_date=documents.get(DocumentKind.HISTORY),
        history_certified_date=documents.get(DocumentKind.HISTORY_CERTIFIED),
        verification_results_date=documents.get(DocumentKind.VERIFICATION_RESULTS),
        relatives=tuple(
            RelativeCheck(
                relation=r.get_relation_display(),
                name=r.name,
                verified=r.verified_on is not None,
                is_party_member=r.is_party_member,
                exempt_relation=r.relation in EXEMPT_RELATIONS,
            )
            for r in _related(case, "relatives")
        ),
        introducers=tuple(
            Introducer(
                name=i.introducer.person.full_name,
                is_official_on_intro_date=around.introducer_official(i.introducer_id, i.date),
                months_together=i.months_together,
                intro_date=i.date,
                replacement=i.replacement,
            )
            for i in _related(case, "introductions")
        ),
        youth_union_resolution_date=documents.get(DocumentKind.YOUTH_UNION_RESOLUTION),
        trade_union_resolution_date=documents.get(DocumentKind.TRADE_UNION_RESOLUTION),
        youth_union_exists=case.youth_union_exists,
        comments_mass_org_date=documents.get(DocumentKind.COMMENTS_MASS_ORG),
        comments_residence_branch_date=documents.get(DocumentKind.COMMENTS_RESIDENCE),
        branch_meeting_date=meeting_date,
        branch_official_members=around.branch_official_members(case.branch_id, meeting_date)
        if meeting_date
        else None,
        summoned_official_members=meeting_data.get("summoned") if meeting_data else None,
        votes_for=meeting_data.get("votes_for") if meeting_data else None,
        committee_delegated=around.delegated(case),
        committee_meeting_date=committee.date if committee else None,
        committee_members=committee.data.get("members") if committee else None,
        committee_votes_for=committee.data.get("votes_for") if committee else None,
        former_member=case.former_member,
        left_party_date=case.left_party_on,
        cleared_conviction=case.cleared_conviction,
        province_consent_readmission=consents.get(ConsentPurpose.READMISSION),
        previously_readmitted=case.previously_readmitted,
        barred_reason=case.barred_reason,
        stage=Stage(case.stage),
        historical=case.historical,
        duplicate_of=_duplicate_of(case, viewer, around),
    )


def with_committee_meeting(facts: CaseFacts, data: dict) -> CaseFacts:
    return replace(
        facts,
        committee_meeting_date=_as_date(data["date"]),
        committee_members=data.get("members"),
        committee_votes_for=data.get("votes_for"),
    )


def dates_for(case: Case) -> CaseDates:
    """The dates the deadlines count from, as recorded."""
    events = last_events(case)

    def when(stage):
        return events[stage].date if stage in events else None

    decided = events.get(Stage.DECIDED)
    return CaseDates(
        branch_resolution_date=when(Stage.BRANCH_RESOLVED),
        decision_extended=bool(events.get(Stage.SUBMITTED) and events[Stage.SUBMITTED].data.get("extended")),
        decision_date=when(Stage.DECIDED),
        decision_received_date=_as_date(decided.data.get("received_on")) if decided else None,
        ceremony_date=when(Stage.PROBATION),
        history_done_date=_documents(case).get(DocumentKind.PARTY_HISTORY),
        recognition_meeting_date=when(Stage.RECOGNITION_PROPOSED),
        recognition_decision_extended=bool(
            events.get(Stage.RECOGNITION_PROPOSED) and events[Stage.RECOGNITION_PROPOSED].data.get("extended")
        ),
        recognition_decision_date=when(Stage.OFFICIAL),
    )


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)
