"""Districts are tenants (decision 0009): a framework, a CASE import and their pages belong
to one district. Otto administers Lakeside District and has no business in Riverside's."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from continuum.frameworks import services
from continuum.frameworks.case.services import case_import_request, case_package_import
from continuum.frameworks.case.validate import CaseError
from continuum.frameworks.models import CaseImport, Framework, FrameworkItem
from continuum.frameworks.tests.factories import sample_framework
from continuum.frameworks.tests.fixtures import FOLDER, case_sample

ITEM_SAVE: dict[str, Any] = {
    "full_statement": "Changed from another district",
    "learning_area": "academic",
    "reason": "Probe",
}


@pytest.fixture
def riverside(world):
    """Maple Grove's framework, owned by Riverside District."""
    return sample_framework(owner=world["district"])


@pytest.fixture
def otto(client, world):
    client.force_login(world["otto"])
    return client


@pytest.fixture
def ada(client, world):
    client.force_login(world["ada"])
    return client


def test_another_districts_admin_cannot_open_a_frameworks_edit_pages(otto, riverside):
    item = riverside["N.1.b"]
    for name in ("item_edit", "descriptor_edit", "prerequisite_edit", "item_detail"):
        assert otto.get(reverse(name, args=[item.pk])).status_code == 404, name
    for name in ("framework_detail", "framework_graph", "framework_sharing"):
        assert otto.get(reverse(name, args=[riverside.framework.pk])).status_code == 404, name


def test_another_districts_admin_cannot_change_a_framework_by_post(otto, riverside):
    item = riverside["N.1.b"]
    response = otto.post(reverse("item_edit", args=[item.pk]), ITEM_SAVE)
    assert response.status_code == 404
    assert FrameworkItem.objects.get(pk=item.pk).full_statement == "Find equivalent ratios"


def test_the_edit_services_refuse_another_districts_admin(world, riverside):
    with pytest.raises(PermissionDenied):
        services.item_update(item=riverside["N.1.b"], editor=world["otto"], **ITEM_SAVE)
    with pytest.raises(PermissionDenied):
        services.prerequisite_add(
            origin=riverside["N.1.a"],
            destination=riverside["N.2.a"],
            editor=world["otto"],
            reason="Probe",
        )
    assert FrameworkItem.objects.get(pk=riverside["N.1.b"].pk).full_statement == (
        "Find equivalent ratios"
    )


def test_the_api_lists_only_readable_frameworks_and_404s_the_rest(otto, riverside):
    listed = otto.get(reverse("api-v1:list_frameworks")).json()["items"]
    assert riverside.framework.pk not in {row["id"] for row in listed}
    assert "Lakeside Outcomes" in {row["title"] for row in listed}
    framework = {"framework_id": riverside.framework.pk}
    assert otto.get(reverse("api-v1:framework_detail", kwargs=framework)).status_code == 404
    assert otto.get(reverse("api-v1:framework_items", kwargs=framework)).status_code == 404
    item = {"item_id": riverside["N.1.b"].pk}
    assert otto.get(reverse("api-v1:item_detail", kwargs=item)).status_code == 404


def test_the_continuum_list_hides_another_districts_framework(otto, riverside):
    page = otto.get(reverse("framework_list")).content.decode()
    assert "Maple Grove Mathematics" not in page
    assert "Lakeside Outcomes" in page


def test_the_case_endpoint_answers_404_for_another_districts_framework(otto, world):
    [report] = case_package_import(package=case_sample(), source="test", user=world["ada"]).packages
    response = otto.get(reverse("case_package", args=[report.identifier]))
    assert response.status_code == 404
    assert response.json()["imsx_codeMajor"] == "failure"


def test_a_shared_framework_is_readable_but_not_editable_by_another_district(ada, world, riverside):
    services.framework_share(
        framework=riverside.framework, shared=True, editor=world["ada"], reason="Open to all"
    )
    ada.logout()
    ada.force_login(world["otto"])
    item = riverside["N.1.b"]
    assert ada.get(reverse("item_detail", args=[item.pk])).status_code == 200
    assert ada.get(reverse("framework_detail", args=[riverside.framework.pk])).status_code == 200
    assert ada.get(reverse("item_edit", args=[item.pk])).status_code == 404
    assert ada.post(reverse("item_edit", args=[item.pk]), ITEM_SAVE).status_code == 404
    with pytest.raises(PermissionDenied):
        services.framework_share(
            framework=riverside.framework, shared=False, editor=world["otto"], reason="Probe"
        )
    assert Framework.objects.get(pk=riverside.framework.pk).shared


def test_sharing_is_audited_with_who_and_why(ada, world, riverside):
    url = reverse("framework_sharing", args=[riverside.framework.pk])
    assert ada.post(url, {"shared": "on", "reason": "Neighbours align to it"}).status_code == 302
    record = Framework.history.filter(id=riverside.framework.pk).latest("history_date")
    assert record.shared
    assert record.history_user == world["ada"]
    assert record.history_change_reason == "Neighbours align to it"


def test_a_platform_wide_framework_is_read_by_every_district_and_changed_by_none(otto, world):
    sample = sample_framework("Everyone's Framework")
    item = sample["N.1.b"]
    assert otto.get(reverse("item_detail", args=[item.pk])).status_code == 200
    assert otto.get(reverse("item_edit", args=[item.pk])).status_code == 404
    assert not world["ada"].has_perm("frameworks.change_framework", item)


def test_an_import_belongs_to_the_importers_district(world):
    [report] = case_package_import(
        package=case_sample(), source="test", user=world["otto"]
    ).packages
    assert Framework.objects.get(identifier=report.identifier).organization == world["lakeside"]


def test_an_import_cannot_add_a_version_to_another_districts_framework(world):
    case_package_import(package=case_sample(), source="test", user=world["ada"])
    changed = case_sample()
    changed["CFDocument"]["title"] = "Taken over"
    with pytest.raises(CaseError, match="does not own"):
        case_package_import(package=changed, source="test", user=world["otto"])
    framework = Framework.objects.get(identifier=changed["CFDocument"]["identifier"])
    assert framework.title != "Taken over"
    assert framework.versions.count() == 1


def test_the_import_case_command_gives_the_framework_to_the_users_district(world):
    call_command("import_case", str(FOLDER / "case_sample.json"), "--user", "otto")
    identifier = case_sample()["CFDocument"]["identifier"]
    assert Framework.objects.get(identifier=identifier).organization == world["lakeside"]


def test_another_districts_import_is_neither_listed_nor_shown(otto, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    riverside_import = case_import_request(source="riverside-secret.json", user=world["ada"])
    assert riverside_import.organization == world["district"]
    page = otto.get(reverse("case_import")).content.decode()
    assert "riverside-secret.json" not in page
    status = otto.get(reverse("case_import_status", args=[riverside_import.pk]))
    assert status.status_code == 404
    assert CaseImport.objects.filter(organization=world["lakeside"]).count() == 0
