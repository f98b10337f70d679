"""The authoring pages and the target's own descriptor grid.

Maple Grove's framework belongs to Riverside; Ada (its admin) authors it.
"""

import re

import pytest
from django.urls import reverse

from continuum.frameworks.models import FrameworkItem, ProficiencyLevel, ProficiencyScale
from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def sample(world):
    return sample_framework(owner=world["district"])


@pytest.fixture
def ada(client, world):
    client.force_login(world["ada"])
    return client


def _second_scale(sample) -> ProficiencyScale:
    """A percentage scale beside the four levels, as frameworks with many rubrics have."""
    scale = ProficiencyScale.objects.create(
        version=sample.version, title="Percent", proficiency_cut=70
    )
    for value in (0, 50, 70, 90):
        ProficiencyLevel.objects.create(scale=scale, value=value, name=f"{value} percent")
    return scale


def test_a_target_page_shows_the_descriptor_grid_of_its_own_scale_only(ada, sample):
    _second_scale(sample)
    page = ada.get(reverse("item_detail", args=[sample["N.1.a"].pk])).content.decode()
    assert "Four levels — proficient from level 3" in page
    assert "Percent" not in page
    assert page.count('<table class="levels">') == 1


def test_the_descriptor_form_edits_the_levels_of_the_targets_own_scale(ada, sample):
    _second_scale(sample)
    page = ada.get(reverse("descriptor_edit", args=[sample["N.1.a"].pk])).content.decode()
    assert len(re.findall(r'name="level_\d+"', page)) == 4
    assert "percent" not in page


def test_the_authoring_page_offers_up_only_below_the_first_and_down_above_the_last(ada, sample):
    page = ada.get(reverse("framework_author", args=[sample.framework.pk])).content.decode()
    assert 'Up<span class="sr-only">: N.1.b' in page
    assert 'Up<span class="sr-only">: N.1.a' not in page
    assert 'Down<span class="sr-only">: N.1.c' not in page


def test_a_step_down_returns_to_the_page_with_focus_on_the_same_button(ada, sample):
    item = sample["N.1.a"]
    response = ada.post(reverse("item_reorder", args=[item.pk]), {"direction": "down"})
    assert response.url.endswith(f"?focus={item.pk}-down")
    page = ada.get(response.url).content.decode()
    button = re.search(r'<button[^>]*autofocus>↓ Down<span class="sr-only">: ([^<]+)', page)
    assert button is not None
    assert button.group(1).startswith("N.1.a")


def test_a_refused_step_is_explained_and_changes_nothing(ada, sample):
    def positions():
        return list(FrameworkItem.objects.order_by("pk").values_list("position", flat=True))

    before = positions()
    response = ada.post(
        reverse("item_reorder", args=[sample["N.1.a"].pk]), {"direction": "up"}, follow=True
    )
    assert "It is already first." in response.content.decode()
    assert positions() == before


def test_a_new_target_is_added_from_its_form_and_refusals_land_on_it(ada, sample):
    url = reverse("item_create", args=[sample.framework.pk])
    refused = ada.post(
        url,
        {
            "kind": "target",
            "parent": sample["N.1"].pk,
            "full_statement": "Again",
            "human_coding_scheme": "N.1.a",
            "reason": "Try",
        },
    )
    assert "N.1.a is already used in this framework." in refused.content.decode()
    added = ada.post(
        url,
        {
            "kind": "target",
            "parent": sample["N.1"].pk,
            "full_statement": "Use ratio language",
            "reason": "New",
        },
    )
    assert added.status_code == 302
    assert FrameworkItem.objects.filter(
        full_statement="Use ratio language", parent=sample["N.1"]
    ).exists()
