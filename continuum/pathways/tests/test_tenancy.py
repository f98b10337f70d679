"""Catalog experiences belong to a school or district (decision 0009): seen in that
district, changed by its curators, and a partner's opportunity by that partner alone."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from continuum.pathways import selectors, services
from continuum.pathways.models import LearningExperience, PlanItem
from continuum.people.models import Organization, Role, User


@pytest.fixture
def birch_teacher(world):
    """Bea teaches at Birch Hollow, Lakeside's school: a curator, but not of Maple Grove."""
    return User.objects.create_user(
        "bea", password="a-long-test-password", role=Role.EDUCATOR, organization=world["birch"]
    )


@pytest.fixture
def ratio_recipes(world):
    return services.experience_save(
        by=world["erin"],
        fields={"title": "Ratio recipes", "url": "https://example.org/recipes"},
        targets=[],
    )


def test_a_new_experience_belongs_to_its_curators_school(world, ratio_recipes):
    assert ratio_recipes.organization == world["school"]


def test_a_partners_new_experience_belongs_to_their_learners_district(world):
    clinic = services.experience_save(by=world["pat"], fields={"title": "Clinic"}, targets=[])
    assert clinic.organization == world["district"]
    assert clinic.partner == world["pat"]


def test_an_educator_from_another_school_cannot_edit_a_catalog_experience(
    client, world, birch_teacher, ratio_recipes
):
    assert not birch_teacher.has_perm("pathways.change_experience", ratio_recipes)
    with pytest.raises(PermissionDenied):
        services.experience_save(
            by=birch_teacher, fields={"title": "Taken"}, targets=[], experience=ratio_recipes
        )
    client.force_login(birch_teacher)
    url = reverse("experience_edit", args=[ratio_recipes.pk])
    assert client.post(url, {"title": "Taken", "kind": "activity"}).status_code == 404
    assert LearningExperience.objects.get(pk=ratio_recipes.pk).title == "Ratio recipes"


def test_an_educator_of_the_same_district_but_another_school_cannot_edit_it(world, ratio_recipes):
    oak = Organization.objects.create(kind="school", name="Oak Hill", parent=world["district"])
    olga = User.objects.create_user("olga", role=Role.EDUCATOR, organization=oak)
    assert not olga.has_perm("pathways.change_experience", ratio_recipes)
    assert olga.has_perm("pathways.view_catalog")
    assert selectors.experience_list(user=olga).filter(pk=ratio_recipes.pk).exists()


def test_a_curator_cannot_change_a_partners_application_url(client, world):
    clinic = services.experience_save(
        by=world["pat"],
        fields={"title": "Clinic", "url": "https://clinic.example/apply"},
        targets=[],
    )
    assert not world["erin"].has_perm("pathways.change_experience", clinic)
    client.force_login(world["erin"])
    url = reverse("experience_edit", args=[clinic.pk])
    data = {"title": "Clinic", "kind": "activity", "setting": "school", "modality": "in_person"}
    response = client.post(url, {**data, "url": "https://phish.example/apply"})
    assert response.status_code == 404
    assert LearningExperience.objects.get(pk=clinic.pk).url == "https://clinic.example/apply"


def test_a_partner_cannot_edit_another_partners_experience(world):
    other = User.objects.create_user("pia", role=Role.PARTNER)
    theirs = LearningExperience.objects.create(
        title="Museum tours", partner=other, organization=world["district"]
    )
    assert not world["pat"].has_perm("pathways.change_experience", theirs)
    with pytest.raises(PermissionDenied):
        services.experience_save(
            by=world["pat"], fields={"title": "Mine"}, targets=[], experience=theirs
        )


def test_another_districts_experience_is_not_listed_and_is_a_404(client, world, ratio_recipes):
    client.force_login(world["otto"])
    page = client.get(reverse("experience_list")).content.decode()
    assert "Ratio recipes" not in page
    assert client.get(reverse("experience_detail", args=[ratio_recipes.pk])).status_code == 404


def test_a_plan_cannot_use_another_districts_experience(world, sample):
    lakeside = LearningExperience.objects.create(
        title="Lakeshore survey", organization=world["birch"]
    )
    lena = world["lena"]
    with pytest.raises(ValidationError, match="not offered in this learner's district"):
        services.plan_item_add(learner=lena, by=lena, target=sample["N.1.b"], experience=lakeside)
    assert not PlanItem.objects.filter(plan__learner=lena).exists()


def test_the_plan_offers_only_experiences_of_the_learners_district(client, world, sample):
    target = sample["N.1.b"]
    ours = LearningExperience.objects.create(title="Ratio relay", organization=world["school"])
    theirs = LearningExperience.objects.create(
        title="Lakeshore survey", organization=world["birch"]
    )
    ours.targets.add(target)
    theirs.targets.add(target)
    lena = world["lena"]
    services.plan_item_add(learner=lena, by=lena, target=target, experience=None)
    client.force_login(lena)
    page = client.get(reverse("learning_plan", args=[lena.pk])).content.decode()
    assert "Ratio relay" in page
    assert "Lakeshore survey" not in page


def test_a_curator_tags_experiences_only_with_targets_of_frameworks_they_read(
    client, world, sample
):
    client.force_login(world["erin"])
    page = client.get(reverse("experience_create")).content.decode()
    assert f'value="{sample["N.1.b"].pk}"' in page
    lakeside_version = world["lakeside_framework"].versions.create(
        number=1, title="Lakeside Outcomes", content_hash="x"
    )
    hidden = lakeside_version.items.create(
        identifier="lk-1", kind="target", full_statement="Survey a shoreline"
    )
    page = client.get(reverse("experience_create")).content.decode()
    assert f'value="{hidden.pk}"' not in page
