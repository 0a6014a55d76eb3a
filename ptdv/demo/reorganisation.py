"""The 2025 reorganisation of the demo tree, done through the officer's own services.

From 1 July 2025 the district level ended and provinces merged (DOMAIN.md "The 2025
reorganisation, as the demo should show it"). `apply_2025()` records that day's acts on the
pre-2025 demo exactly as an organizer would through ptdv.org.reorganisation: the new province
and commune committees are created, the old ones merged into them (their branches move over
with their villages, members and cases), and the district committees dissolved. Every act is
a dated UnitChange, so the articles' figures of 2020 and 2023 still report through lineage.

The new commune committees are grassroots committees directly under the province that decide
admissions themselves (DecidingBody.SELF): since 1/7/2025 the deciding body is the commune
committee (DOMAIN.md "Deciding body"). The district agencies' grassroots branches move
directly under the new province (rules.ALLOWED_PARENTS allows it since the reform).

Pác Nặm's three new communes follow Bắc Kạn's draft plan of April 2025; Đăk Tô's are
illustrative (docs/demo.md).
"""

from datetime import date

from django.db import transaction

from ptdv.org import adoption, reorganisation
from ptdv.org.models import DecidingBody, Unit, UnitKind
from ptdv.people.names import fold

REFORM_DAY = date(2025, 7, 1)

# (old province code, new province code and name, old district code, [new communes])
# A new commune: (code suffix, name, [names of the old communes merged into it]).
PROVINCES = [
    (
        "BK",
        ("TN", "Đảng bộ tỉnh Thái Nguyên"),
        "BK.PN",
        [
            ("X01", "Bằng Thành", ["Bằng Thành", "Bộc Bố", "Nhạn Môn", "Giáo Hiệu"]),
            ("X02", "Nghiên Loan", ["Xuân La", "An Thắng", "Nghiên Loan"]),
            ("X03", "Cao Minh", ["Công Bằng", "Cổ Linh", "Cao Tân"]),
        ],
    ),
    (
        "KT",
        ("QN", "Đảng bộ tỉnh Quảng Ngãi"),
        "KT.DT",
        [  # illustrative: the demo has no source for Đăk Tô's communes after 2025
            ("X01", "Đăk Tô", ["thị trấn Đăk Tô", "Tân Cảnh", "Pô Kô", "Diên Bình"]),
            ("X02", "Ngọc Tụ", ["Ngọc Tụ", "Đăk Rơ Nga", "Đăk Trăm"]),
            ("X03", "Kon Đào", ["Kon Đào", "Văn Lem"]),
        ],
    ),
]


def _old_unit_name(name: str) -> str:
    return f"Đảng bộ {name}" if name.startswith("thị trấn") else f"Đảng bộ xã {name}"


def _distinct_branch_names(old_communes: list[Unit], commune_names: list[str], on: date) -> None:
    """Rename branches whose name a branch of another merged commune also bears.

    Đăk Tô's villages are numbered per commune ("Chi bộ thôn 1" in each) and some generated
    Pác Nặm names differ only by tone marks, while two active siblings may not share a name
    (folded, rules.check_name_free): the officer renames them with the commune's name first.
    """
    children = {
        old.pk: list(Unit.objects.get_children(old).filter(valid_to__isnull=True)) for old in old_communes
    }
    seen: dict[str, int] = {}
    for branches in children.values():
        for branch in branches:
            seen[fold(branch.name)] = seen.get(fold(branch.name), 0) + 1
    for old, name in zip(old_communes, commune_names, strict=True):
        for branch in children[old.pk]:
            if seen[fold(branch.name)] > 1:
                reorganisation.rename(branch, f"{branch.name} {name}", on)


@transaction.atomic
def apply_2025(on: date = REFORM_DAY) -> None:
    """Record the 1/7/2025 acts on the pre-2025 demo (`build(reorganise=False)`)."""
    for old_code, (new_code, new_name), district_code, communes in PROVINCES:
        old_province = Unit.objects.get(code=old_code)
        province = reorganisation.create(None, on, code=new_code, name=new_name, kind=UnitKind.PROVINCE)
        reorganisation.merge([old_province], province, on)
        district = Unit.objects.get(code=district_code)
        for suffix, name, merged in communes:
            old_communes = [
                Unit.objects.get(name=_old_unit_name(old), path__startswith=district.path) for old in merged
            ]
            _distinct_branch_names(old_communes, merged, on)
            commune = reorganisation.create(
                province,
                on,
                code=f"{new_code}.{suffix}",
                name=f"Đảng bộ xã {name}",
                kind=UnitKind.GRASSROOTS_COMMITTEE,
                deciding_body=DecidingBody.SELF,
            )
            reorganisation.merge(old_communes, commune, on)
        for agency in Unit.objects.get_children(Unit.objects.get(pk=district.pk)).filter(
            valid_to__isnull=True
        ):
            reorganisation.move(agency, province, on)
        reorganisation.dissolve(
            Unit.objects.get(pk=district.pk), on, note="Kết thúc hoạt động cấp huyện từ 01/07/2025."
        )
        since = adoption.ptdv_since(old_province)
        if since is not None:  # the successor started using PTĐV when its predecessor did
            adoption.set_ptdv_since(Unit.objects.get(pk=province.pk), since)
