"""CASE: district admins import; everyone signed in reads packages (anonymous gets 401)."""

from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.models import CaseImport
from continuum.frameworks.tests.fixtures import case_sample
from tests.access import EVERYONE_SIGNED_IN, Case, allow

CASES = [
    Case("case_import", allow("admin")),
    Case(
        "case_import_status",
        allow("admin"),
        kwargs=lambda w: {"import_id": w["case_import"].pk},
    ),
    Case(
        "case_package",
        EVERYONE_SIGNED_IN,
        kwargs=lambda w: {"identifier": w["case_identifier"]},
    ),
]


def populate(world: dict) -> None:
    [report] = case_package_import(package=case_sample(), source="test").packages
    world["case_identifier"] = report.identifier
    world["case_import"] = CaseImport.objects.create(source="sample.json", created_by=world["ada"])
