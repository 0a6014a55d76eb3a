"""What a form says about a case: the header's units, the date line and the case's facts.

Read from the case's events in force and its dossier records (ptdv.cases.facts), never typed
again: votes, decision numbers, introducers and dates. Everything is already text in Vietnamese
form (ptdv.paperwork.vietnamese), so a template only places it. Sensitive fields the forms do
not need (ethnicity, religion, citizen ID) are left out.
"""

from ptdv.cases.facts import effective_events, last_events
from ptdv.cases.models import Case, DocumentKind
from ptdv.org.models import Unit
from ptdv.paperwork import catalogue
from ptdv.paperwork.catalogue import Form, reached
from ptdv.paperwork.vietnamese import DOTS, capitals, long_date, number, percent, place_of, short_date
from ptdv.regulation import Stage
from ptdv.regulation.dates import add_months

PROBATION_MONTHS = 12
# Every top-level name a template may use (case forms, blank forms and the 18-KNĐ register).
VARIABLES = frozenset(
    {
        *("form_code", "subtitle", "superior", "issuer", "issuer_name", "symbol_line", "date_line"),
        *("recipient", "signer_title", "signer_name", "p", "branch_name", "grassroots_name"),
        *("deciding_name", "helper_name", "introducers", "meeting", "committee", "submitted", "decided"),
        *("ceremony", "probation_end", "recognition", "official", "union", "comments", "as_of", "members"),
    }
)


def _parent(unit: Unit | None) -> Unit | None:
    return Unit.objects.get_parent(unit) if unit is not None and not unit.is_root() else None


def issuing_unit(form: Form, branch: Unit) -> Unit:
    """The party unit that issues `form` for a case of `branch` (for a union's resolution: the
    branch whose Youth Union or trade union it is)."""
    grassroots = branch.grassroots() or branch
    return {
        catalogue.PARENT: _parent(branch) or branch,
        catalogue.GRASSROOTS: grassroots,
        catalogue.DECIDING: branch.deciding_unit() or grassroots,
    }.get(form.issuer, branch)


def issuing_units(form: Form, branch: Unit) -> tuple[str, str, str]:
    """(superior line, issuer line, issuer as written) of the header: the unit above the issuer
    first, both in capitals."""
    grassroots = branch.grassroots() or branch
    if form.issuer == catalogue.YOUTH_UNION:
        name = f"BCH Đoàn {place_of(branch.name)}"
        return "ĐOÀN TNCS HỒ CHÍ MINH", capitals(name), name
    if form.issuer == catalogue.TRADE_UNION:
        name = f"BCH Công đoàn {place_of(branch.name)}"
        return capitals(f"Công đoàn {place_of(grassroots.name)}"), capitals(name), name
    issuer = issuing_unit(form, branch)
    superior = _parent(issuer)
    return capitals(superior.name) if superior else "", capitals(issuer.name), issuer.name


def _symbol_line(form: Form, number_text: str | None) -> str:
    if not form.symbol:
        return ""
    if number_text and "/" in number_text:
        return f"Số {number_text}"
    return f"Số {number_text or DOTS}-{form.symbol}"


def _meeting(event) -> dict:
    data = event.data if event else {}
    summoned, votes = data.get("summoned"), data.get("votes_for")
    return {
        "date": short_date(event.date if event else None),
        "summoned": number(summoned),
        "votes_for": number(votes),
        "percent": percent(votes, summoned),
    }


def _person(case: Case, form: Form) -> dict:
    """The applicant; a "quần chúng" until admitted, "đồng chí" in the probation forms."""
    person = case.person
    member_forms = reached(Stage.PROBATION.value, {form.from_stage.value})
    return {
        "name": person.full_name,
        "name_caps": capitals(person.full_name),
        "title": "đồng chí" if member_forms else "quần chúng",
        "sex": person.get_sex_display(),
        "birth_date": short_date(person.birth_date),
        "home_town": person.home_town or DOTS,
        "village": person.village.name if person.village_id else DOTS,
        "occupation": person.get_occupation_display(),
        "education": person.get_education_display(),
    }


def _documents(case: Case) -> dict:
    latest = {}
    for doc in sorted(case.documents.filter(voided_at__isnull=True), key=lambda d: (d.date, d.id)):
        latest[doc.kind] = doc
    return latest


def case_context(form: Form, case: Case) -> dict:
    """Every variable the shipped templates use (docs/paperwork.md lists them)."""
    events = last_events(case)
    documents = _documents(case)
    branch = case.branch
    grassroots = branch.grassroots() or branch
    deciding = branch.deciding_unit() or grassroots
    decided, ceremony = events.get(Stage.DECIDED), events.get(Stage.PROBATION)
    official = events.get(Stage.OFFICIAL)
    committee = events.get(Stage.COMMITTEE_RESOLVED)
    committee_data = committee.data if committee else {}
    introductions = case.introductions.filter(voided_at__isnull=True).select_related("introducer__person")
    union_kind = (
        DocumentKind.TRADE_UNION_RESOLUTION if form.code == "4A-KNĐ" else DocumentKind.YOUTH_UNION_RESOLUTION
    )
    union = documents.get(union_kind)
    probation_end = add_months(ceremony.date, PROBATION_MONTHS) if ceremony else None
    act_date, number_text = _act(form, events, documents, introductions)
    context = {
        "form_code": form.code,
        "subtitle": "",
        "p": _person(case, form),
        "branch_name": branch.name,
        "grassroots_name": grassroots.name,
        "deciding_name": deciding.name,
        "helper_name": case.helper.person.full_name if case.helper_id else DOTS,
        "introducers": [
            {
                "name": i.introducer.person.full_name,
                "date": short_date(i.date),
                "relationship": i.relationship or DOTS,
                "months": number(i.months_together),
            }
            for i in introductions
        ],
        "meeting": _meeting(events.get(Stage.BRANCH_RESOLVED)),
        "committee": {
            "date": short_date(committee.date if committee else None),
            "members": number(committee_data.get("members")),
            "votes_for": number(committee_data.get("votes_for")),
            "percent": percent(committee_data.get("votes_for"), committee_data.get("members")),
        },
        "submitted": {
            "date": short_date(events[Stage.SUBMITTED].date if Stage.SUBMITTED in events else None)
        },
        "decided": {
            "number": (decided.data.get("decision_no") if decided else None) or DOTS,
            "date": short_date(decided.date if decided else None),
        },
        "ceremony": {"date": short_date(ceremony.date if ceremony else None)},
        "probation_end": short_date(probation_end),
        "recognition": _meeting(events.get(Stage.RECOGNITION_PROPOSED)),
        "official": {
            "number": (official.data.get("decision_no") if official else None) or DOTS,
            "date": short_date(official.date if official else None),
        },
        "union": {"date": short_date(union.date if union else None)},
        "comments": {
            "mass_org": short_date(getattr(documents.get(DocumentKind.COMMENTS_MASS_ORG), "date", None)),
            "residence": short_date(getattr(documents.get(DocumentKind.COMMENTS_RESIDENCE), "date", None)),
        },
    }
    return context | header_context(form, branch, act_date, number_text)


def header_context(form: Form, branch: Unit, act_date, number_text=None) -> dict:
    superior, issuer, issuer_name = issuing_units(form, branch)
    grassroots = branch.grassroots() or branch
    # Dated where the issuing committee sits: a branch's papers at its commune or grassroots.
    dated_at = issuing_unit(form, branch)
    if dated_at.is_branch:
        dated_at = grassroots
    return {
        "superior": superior,
        "issuer": issuer,
        "issuer_name": issuer_name,
        "symbol_line": _symbol_line(form, number_text),
        "date_line": f"{place_of(dated_at.name)}, {long_date(act_date)}",
        "recipient": (branch.deciding_unit() or grassroots).name,
        "signer_title": _signer(form),
        "signer_name": "",
    }


def blank_context(form: Form, branch: Unit) -> dict:
    """1-KNĐ and 2-KNĐ: written by hand; only the header is filled."""
    return {"form_code": form.code, "subtitle": ""} | header_context(form, branch, None)


def _signer(form: Form) -> str:
    if form.issuer == catalogue.PERSON:
        return "NGƯỜI VIẾT"
    return {
        catalogue.BRANCH: "T/M CHI BỘ\nBÍ THƯ",
        catalogue.PARENT: "T/M ĐẢNG ỦY",
        catalogue.GRASSROOTS: "T/M ĐẢNG ỦY\nBÍ THƯ",
        catalogue.DECIDING: "T/M BAN THƯỜNG VỤ",
        catalogue.YOUTH_UNION: "T/M BAN CHẤP HÀNH",
        catalogue.TRADE_UNION: "T/M BAN CHẤP HÀNH",
    }[form.issuer]


def _act(form, events, documents, introductions):
    """The date a form is dated by (the act it records) and its number when recorded."""
    event_of = {
        "6-KNĐ": Stage.BRANCH_RESOLVED,
        "8-KNĐ": Stage.COMMITTEE_RESOLVED,
        "9-KNĐ": Stage.DECIDED,
        "13-KNĐ": Stage.RECOGNITION_PROPOSED,
        "QĐ-CNCT": Stage.OFFICIAL,
    }
    document_of = {
        "4-KNĐ": DocumentKind.YOUTH_UNION_RESOLUTION,
        "4A-KNĐ": DocumentKind.TRADE_UNION_RESOLUTION,
        "5-KNĐ": DocumentKind.COMMENTS_MASS_ORG,
    }
    if form.code in event_of:
        event = events.get(event_of[form.code])
        return (event.date, event.data.get("decision_no")) if event else (None, None)
    if form.code in document_of:
        doc = documents.get(document_of[form.code])
        return (doc.date, doc.number or None) if doc else (None, None)
    if form.code == "3-KNĐ" and introductions:
        return introductions[0].date, None
    return None, None


def offered(case: Case) -> list[Form]:
    """The forms the case page offers for `case` now (catalogue.for_case)."""
    branch = case.branch
    grassroots = branch.grassroots()
    parent = _parent(branch)
    return catalogue.for_case(
        {e.stage for e in effective_events(case)} | {case.stage},
        youth_union=case.youth_union_exists,
        sub_unit=grassroots is not None and parent is not None and parent.pk != grassroots.pk,
        grassroots_branch=grassroots is not None and grassroots.pk == branch.pk,
    )
