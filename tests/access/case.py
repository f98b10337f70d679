"""CASE: district admins import; everyone reads the packages they may browse.

Each district sees its own imports only: Riverside's import is Ada's, Lakeside's is
Otto's, and each is a 404 to the other (decision 0009). The package endpoint serves a
Riverside framework to Riverside's people only (anonymous gets 401).
"""

from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.models import CaseImport
from continuum.frameworks.tests.fixtures import case_sample
from tests.access import RIVERSIDE, Case, allow

# Both admins open the import page; each sees only their own district's imports on it.
ADMINS = allow("admin", "outsider")

CASES = [
    Case("case_import", ADMINS),
    Case(
        "case_import_status",
        allow("admin"),
        kwargs=lambda w: {"import_id": w["case_import"].pk},
    ),
    Case(
        "case_import_status",
        allow("outsider"),
        kwargs=lambda w: {"import_id": w["lakeside_import"].pk},
        label="Lakeside's",
    ),
    Case(
        "case_package",
        RIVERSIDE,
        kwargs=lambda w: {"identifier": w["case_identifier"]},
    ),
]


def populate(world: dict) -> None:
    [report] = case_package_import(package=case_sample(), source="test", user=world["ada"]).packages
    world["case_identifier"] = report.identifier
    world["case_import"] = CaseImport.objects.create(
        source="sample.json", created_by=world["ada"], organization=world["district"]
    )
    world["lakeside_import"] = CaseImport.objects.create(
        source="lakeside.json", created_by=world["otto"], organization=world["lakeside"]
    )
