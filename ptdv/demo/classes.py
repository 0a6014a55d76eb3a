"""The demo's awareness class: the six Công Bằng people the articles say were sent to the
class in June 2023 are one class with six passed enrolments, each tied to its AWARENESS event."""

from datetime import date

from ptdv.cases.models import CaseEvent
from ptdv.demo.cases import AWARENESS_JUNE_2023
from ptdv.org.models import Unit
from ptdv.regulation import Stage
from ptdv.training.models import AwarenessClass, Enrolment, Result

JUNE_2023 = AWARENESS_JUNE_2023


def june_2023_class() -> AwarenessClass:
    """The class of the Công Bằng cases that reached AWARENESS on 12/06/2023 (ptdv.demo.cases),
    whatever stage they went on to since."""
    cong_bang = Unit.objects.get(code="BK.PN.X01")
    events = CaseEvent.objects.filter(
        stage=Stage.AWARENESS,
        date=JUNE_2023,
        case__branch__path__startswith=cong_bang.path,
    )
    held = AwarenessClass.objects.create(
        unit=cong_bang,
        organiser="Trung tâm Chính trị huyện Pác Nặm",
        name="Lớp bồi dưỡng nhận thức về Đảng tháng 06/2023",
        starts_on=JUNE_2023,
        ends_on=date(2023, 6, 16),
        place="Hội trường Đảng ủy xã Công Bằng",
    )
    Enrolment.objects.bulk_create(
        Enrolment(
            awareness_class=held,
            case_id=event.case_id,
            result=Result.PASSED,
            cert_no=event.data["cert_no"],
            cert_date=date.fromisoformat(event.data["cert_date"]),
            event=event,
        )
        for event in events
    )
    return held
