"""The forms PTĐV fills (Hướng dẫn 12-HD/BTCTW, 2022): what each is, who issues it, when a case needs it.

One table, read by the template generator (build_templates.py), the renderer and the pages, so a
form's code, title and issuer are written once. A form's text lives in its .docx template,
which an administrator may replace; the table only says what the product knows about it.
"""

from dataclasses import dataclass

from ptdv.regulation import PATH, Stage

# Who issues a form; ptdv.paperwork.context turns it into the header's unit lines.
BRANCH = "branch"  # the branch (chi bộ)
PARENT = "parent"  # the unit directly above the branch (đảng ủy bộ phận, 7-KNĐ)
GRASSROOTS = "grassroots"  # the grassroots committee (đảng ủy cơ sở)
DECIDING = "deciding"  # the body that decides admission (cấp có thẩm quyền)
YOUTH_UNION = "youth_union"  # the Youth Union of the applicant's place (4-KNĐ)
TRADE_UNION = "trade_union"  # the trade union (4A-KNĐ)
PERSON = "person"  # written by the applicant, a member or an introducer

# What a form is filled from.
CASE = "case"
UNIT = "unit"
BLANK = "blank"


@dataclass(frozen=True)
class Form:
    code: str  # as the guidance numbers it, e.g. "6-KNĐ"; people and `ptdv form` use it
    slug: str  # the same in a URL
    title: str  # the document's own title
    issuer: str
    symbol: str  # the number/symbol suffix ("NQ/CB"); empty for a form without a number
    from_stage: Stage  # offered on a case from this stage on
    source: str = CASE

    @property
    def label(self) -> str:
        return f"{self.title} ({self.code})" if self.code[0].isdigit() else self.title


FORMS: tuple[Form, ...] = (
    Form("1-KNĐ", "1-knd", "ĐƠN XIN VÀO ĐẢNG", BRANCH, "", Stage.DOSSIER, BLANK),
    Form("2-KNĐ", "2-knd", "LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG", BRANCH, "", Stage.DOSSIER, BLANK),
    Form("3-KNĐ", "3-knd", "GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG", PERSON, "", Stage.DOSSIER),
    Form(
        "4-KNĐ",
        "4-knd",
        "NGHỊ QUYẾT GIỚI THIỆU ĐOÀN VIÊN ƯU TÚ VÀO ĐẢNG",
        YOUTH_UNION,
        "NQ/ĐTN",
        Stage.DOSSIER,
    ),
    Form(
        "4A-KNĐ",
        "4a-knd",
        "NGHỊ QUYẾT GIỚI THIỆU ĐOÀN VIÊN CÔNG ĐOÀN VÀO ĐẢNG",
        TRADE_UNION,
        "NQ/CĐ",
        Stage.DOSSIER,
    ),
    Form(
        "5-KNĐ",
        "5-knd",
        "TỔNG HỢP Ý KIẾN NHẬN XÉT CỦA TỔ CHỨC ĐOÀN THỂ VÀ CHI BỘ NƠI CƯ TRÚ ĐỐI VỚI NGƯỜI XIN VÀO ĐẢNG",
        BRANCH,
        "",
        Stage.DOSSIER,
    ),
    Form("6-KNĐ", "6-knd", "NGHỊ QUYẾT ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN", BRANCH, "NQ/CB", Stage.DOSSIER),
    Form(
        "7-KNĐ",
        "7-knd",
        "BÁO CÁO THẨM ĐỊNH VỀ ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN",
        PARENT,
        "BC/ĐU",
        Stage.BRANCH_RESOLVED,
    ),
    Form(
        "8-KNĐ",
        "8-knd",
        "NGHỊ QUYẾT XÉT, ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN",
        GRASSROOTS,
        "NQ/ĐU",
        Stage.BRANCH_RESOLVED,
    ),
    Form("9-KNĐ", "9-knd", "QUYẾT ĐỊNH KẾT NẠP ĐẢNG VIÊN", DECIDING, "QĐ/ĐU", Stage.SUBMITTED),
    Form("10-KNĐ", "10-knd", "BẢN TỰ KIỂM ĐIỂM CỦA ĐẢNG VIÊN DỰ BỊ", PERSON, "", Stage.PROBATION),
    Form("11-KNĐ", "11-knd", "BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ", PERSON, "", Stage.PROBATION),
    Form(
        "12-KNĐ",
        "12-knd",
        "TỔNG HỢP Ý KIẾN NHẬN XÉT CỦA TỔ CHỨC ĐOÀN THỂ VÀ CHI BỘ NƠI CƯ TRÚ ĐỐI VỚI ĐẢNG VIÊN DỰ BỊ",
        BRANCH,
        "",
        Stage.PROBATION,
    ),
    Form(
        "13-KNĐ",
        "13-knd",
        "NGHỊ QUYẾT ĐỀ NGHỊ CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC",
        BRANCH,
        "NQ/CB",
        Stage.PROBATION,
    ),
    Form(
        "15-KNĐ",
        "15-knd",
        "NGHỊ QUYẾT XÉT, ĐỀ NGHỊ CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC",
        GRASSROOTS,
        "NQ/ĐU",
        Stage.RECOGNITION_PROPOSED,
    ),
    Form(
        "QĐ-CNCT",
        "qd-cnct",
        "QUYẾT ĐỊNH CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC",
        DECIDING,
        "QĐ/ĐU",
        Stage.RECOGNITION_PROPOSED,
    ),
    Form("18-KNĐ", "18-knd", "SỔ THEO DÕI ĐẢNG VIÊN DỰ BỊ", BRANCH, "", Stage.PROBATION, UNIT),
)

BY_SLUG = {form.slug: form for form in FORMS}
CASE_FORMS = tuple(form for form in FORMS if form.source != UNIT)


def find(code: str) -> Form | None:
    """A form by its code as people write it: "6-KNĐ", "6-knd", "6-KND" and "qd-cnct" alike."""
    key = code.strip().lower().replace("đ", "d").replace("Đ", "d")
    return BY_SLUG.get(key)


def reached(stage: str, reached_stages: set[str]) -> bool:
    """Whether a case that went through `reached_stages` has come to form's `stage`."""
    order = {s.value: i for i, s in enumerate(PATH)}
    furthest = max((order[s] for s in reached_stages if s in order), default=0)
    return furthest >= order[stage]


def for_case(
    reached_stages: set[str], *, youth_union: bool, sub_unit: bool, grassroots_branch: bool
) -> list[Form]:
    """The forms of a case that has gone through these stages, in the order the work needs them.

    The Youth Union's resolution (4-KNĐ) where a Youth Union exists, else the trade union's
    (4A-KNĐ); the sub-unit assessment (7-KNĐ) only under a sub-unit committee (đảng ủy bộ phận);
    no committee resolutions (8-, 15-KNĐ) where the branch is itself grassroots.
    """
    skipped = {"4A-KNĐ" if youth_union else "4-KNĐ"}
    if not sub_unit:
        skipped.add("7-KNĐ")
    if grassroots_branch:
        skipped |= {"8-KNĐ", "15-KNĐ"}
    return [
        form
        for form in CASE_FORMS
        if form.code not in skipped and reached(form.from_stage.value, reached_stages)
    ]
