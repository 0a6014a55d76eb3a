"""A unit as reports name it: id, code and name, plain data for every output format."""

from dataclasses import dataclass

from ptdv.org.models import Unit


@dataclass(frozen=True)
class UnitRef:
    id: int
    code: str
    name: str

    @classmethod
    def of(cls, unit: Unit) -> "UnitRef":
        return cls(unit.id, unit.code, unit.name)
