"""The dossier the branch vote needs (hồ sơ đề nghị kết nạp), item by item, with its form codes.

The rules tag each finding with the item it is about (``Finding.item``), so a checklist can
say of every paper whether it is there, missing, or wrong, and name the form (mẫu …-KNĐ,
Hướng dẫn 12-HD/BTCTW) an officer looks for. Whether an item is there is read from the same
``CaseFacts`` the rules read, so the checklist and the rules cannot disagree.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ptdv.regulation.facts import CaseFacts

CERT = "CERT"
APPLICATION_FORM = "APPLICATION_FORM"
HISTORY = "HISTORY"
VERIFICATION_RESULTS = "VERIFICATION_RESULTS"
HISTORY_CERTIFIED = "HISTORY_CERTIFIED"
INTRODUCTION = "INTRODUCTION"
COMMENTS_MASS_ORG = "COMMENTS_MASS_ORG"
COMMENTS_RESIDENCE = "COMMENTS_RESIDENCE"


@dataclass(frozen=True)
class Item:
    """Một loại giấy tờ của hồ sơ đề nghị kết nạp."""

    key: str
    label: str
    form_code: Callable[[CaseFacts], str]
    present: Callable[[CaseFacts], bool]


def _fixed(code: str) -> Callable[[CaseFacts], str]:
    return lambda facts: code


def _introduction_forms(facts: CaseFacts) -> str:
    """Two members' letters (3-KNĐ), or one with the Youth Union's (4-KNĐ) or, where there is
    no Youth Union, the trade union's resolution (4A-KNĐ)."""
    return "3-KNĐ, 4-KNĐ" if facts.youth_union_exists else "3-KNĐ, 4A-KNĐ"


#: In the order an officer assembles the dossier (DOMAIN.md, stage DOSSIER).
DOSSIER_ITEMS: tuple[Item, ...] = (
    Item(
        CERT,
        "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
        _fixed(""),
        lambda f: f.awareness_cert_date is not None,
    ),
    Item(APPLICATION_FORM, "Đơn xin vào Đảng", _fixed("1-KNĐ"), lambda f: f.application_date is not None),
    Item(HISTORY, "Lý lịch của người xin vào Đảng", _fixed("2-KNĐ"), lambda f: f.history_date is not None),
    Item(
        VERIFICATION_RESULTS,
        "Kết quả thẩm tra lý lịch (người vào Đảng và người thân)",
        _fixed(""),
        lambda f: f.verification_results_date is not None,
    ),
    Item(
        HISTORY_CERTIFIED,
        "Chứng nhận lý lịch của cấp ủy cơ sở",
        _fixed("2-KNĐ"),
        lambda f: f.history_certified_date is not None,
    ),
    Item(
        INTRODUCTION,
        "Giới thiệu người vào Đảng",
        _introduction_forms,
        lambda f: (
            bool(f.introducers)
            or f.youth_union_resolution_date is not None
            or f.trade_union_resolution_date is not None
        ),
    ),
    Item(
        COMMENTS_MASS_ORG,
        "Nhận xét của tổ chức chính trị - xã hội nơi sinh hoạt",
        _fixed("5-KNĐ"),
        lambda f: f.comments_mass_org_date is not None,
    ),
    Item(
        COMMENTS_RESIDENCE,
        "Nhận xét của chi ủy nơi cư trú",
        _fixed("5-KNĐ"),
        lambda f: f.comments_residence_branch_date is not None,
    ),
)
