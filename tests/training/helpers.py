"""What the class pages post, built the way the pages build it."""

from django.urls import reverse

from tests import factories


def source_cases(world, n, by=None):
    """`n` source cases in Công Bằng's two branches (alternating), opened 01/03/2024."""
    branches = (world.phya_ma, world.na_pai)
    names = ("Lò Văn An", "Hà Thị Bình", "Nông Văn Cường", "Đàm Thị Dung", "Triệu Văn Em", "Lý Thị Giang")
    return [
        factories.case(
            branches[i % 2], f"{names[i % len(names)]} {i // len(names) or ''}".strip(), by=by or world.bob
        )
        for i in range(n)
    ]


def enrol_post(awareness_class, cases) -> dict:
    return {"cases": [c.pk for c in cases], "version": awareness_class.version}


def results_post(awareness_class, rows) -> dict:
    """rows: enrolment → (result, certificate no., certificate date "YYYY-MM-DD")."""
    data = {
        "version": awareness_class.version,
        "form-TOTAL_FORMS": len(rows),
        "form-INITIAL_FORMS": len(rows),
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
    }
    for i, (enrolment, (result, cert_no, cert_date)) in enumerate(rows.items()):
        data |= {
            f"form-{i}-enrolment": enrolment.pk,
            f"form-{i}-result": result,
            f"form-{i}-cert_no": cert_no,
            f"form-{i}-cert_date": cert_date,
        }
    return data


def url(name, awareness_class):
    return reverse(f"training:{name}", args=[awareness_class.pk])
