"""The upgrade that made districts tenants: who owns the frameworks and imports that
existed before (decision 0009)."""

import importlib

import pytest
from django.apps import apps

from continuum.frameworks.models import CaseImport, Framework
from continuum.frameworks.tests.factories import sample_framework, version_create
from continuum.people.models import Organization

migration = importlib.import_module(
    "continuum.frameworks.migrations.0005_districts_own_frameworks_and_imports"
)


def test_a_framework_goes_to_the_district_of_its_first_importer(world):
    imported = version_create(title="Imported by Ada")
    imported.created_by = world["ada"]
    imported.save()
    left = sample_framework("Imported from the command line")
    migration.assign_districts(apps, None)
    assert Framework.objects.get(pk=imported.framework_id).organization == world["district"]
    # Two districts (Riverside and Lakeside): nobody adopts the command line's framework.
    assert Framework.objects.get(pk=left.framework.pk).organization is None


def test_an_import_goes_to_its_requesters_district(world):
    otto_import = CaseImport.objects.create(source="x.json", created_by=world["otto"])
    migration.assign_districts(apps, None)
    assert CaseImport.objects.get(pk=otto_import.pk).organization == world["lakeside"]


@pytest.mark.django_db
def test_a_one_district_installation_adopts_every_framework():
    only = Organization.objects.create(kind="district", name="Only District")
    sample = sample_framework()
    migration.assign_districts(apps, None)
    assert Framework.objects.get(pk=sample.framework.pk).organization == only
