"""One importer per kind of record (ptdv.exchange.columns.KINDS)."""

from ptdv.exchange.importers.cases import CaseImporter
from ptdv.exchange.importers.members import MemberImporter
from ptdv.exchange.importers.persons import PersonImporter
from ptdv.exchange.importers.units import UnitImporter
from ptdv.exchange.importers.villages import VillageImporter

IMPORTERS = {
    importer.kind_name: importer
    for importer in (UnitImporter, VillageImporter, PersonImporter, MemberImporter, CaseImporter)
}
