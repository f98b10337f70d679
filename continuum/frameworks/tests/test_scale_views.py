"""The scale page (everyone who reads the framework) and its bands form (the owner's admins)."""

import re

import pytest
from django.urls import reverse

from continuum.frameworks.models import Framework, ProficiencyLevel, ProficiencyScale
from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def scale(world):
    """Maple Grove's four-level scale (1–4, proficient from 3), owned by Riverside."""
    return sample_framework(owner=world["district"]).scale


@pytest.fixture
def lakeside_scale(world):
    """Lakeside's framework (conftest's world makes Lakeside District own it): Otto's."""
    return sample_framework("Lakeside Outcomes").scale


def _page(client, person, scale) -> str:
    client.force_login(person)
    return client.get(reverse("scale_detail", args=[scale.pk])).content.decode()


def _row(page: str, status: str) -> str:
    """The bands table's row for one status, tags stripped to words."""
    row = re.search(rf'<th scope="row">{status} from</th>(.*?)</tr>', page, re.S)
    assert row, f"no {status} row"
    return " ".join(re.sub(r"<[^>]+>", " ", row.group(1)).split())


def test_a_reader_sees_the_levels_the_cut_and_the_derived_bands(client, world, scale):
    page = _page(client, world["lena"], scale)
    assert "The levels of Four levels — proficient from level 3" in page
    assert "Beginning" in page
    assert "Advanced" in page
    assert _row(page, "Approaching") == "2 derived 2.5 derived"
    assert _row(page, "Proficient") == "3 the cut 3 the cut"
    assert _row(page, "Advanced") == "4 derived 3.5 derived"
    assert (
        "scores exactly at the cut, 3, every time therefore sees each piece and the estimate"
        in page
    )
    assert reverse("scale_edit", args=[scale.pk]) not in page


def test_a_band_the_district_set_is_marked_and_the_others_stay_derived(client, world, scale):
    ProficiencyScale.objects.filter(pk=scale.pk).update(estimate_advanced=3.25)
    page = _page(client, world["erin"], scale)
    assert _row(page, "Advanced") == "4 derived 3.25 set by the district (derived: 3.5)"
    assert _row(page, "Approaching") == "2 derived 2.5 derived"


def test_approaching_set_at_the_cut_says_below_the_cut_reads_not_yet(client, world, scale):
    ProficiencyScale.objects.filter(pk=scale.pk).update(evidence_approaching=3)
    page = _page(client, world["lena"], scale)
    assert _row(page, "Approaching") == (
        "none: below the cut reads not yet set by the district (derived: 2) 2.5 derived"
    )


def test_a_scale_with_nothing_above_its_cut_says_nothing_reads_advanced(client, world, scale):
    ProficiencyLevel.objects.filter(scale=scale, value=4).delete()
    ProficiencyScale.objects.filter(pk=scale.pk).update(proficiency_cut=3)
    page = _page(client, world["lena"], scale)
    assert _row(page, "Advanced") == (
        "none: no level above the cut derived none: no level above the cut derived"
    )


def test_the_framework_and_its_target_pages_link_to_the_scale(client, world, scale):
    client.force_login(world["lena"])
    framework = client.get(reverse("framework_detail", args=[scale.version.framework_id]))
    target = scale.version.items.get(human_coding_scheme="N.1.a")
    item = client.get(reverse("item_detail", args=[target.pk]))
    link = reverse("scale_detail", args=[scale.pk])
    assert link in framework.content.decode()
    assert link in item.content.decode()


def test_another_districts_scale_is_not_found(client, world, lakeside_scale):
    client.force_login(world["ada"])
    assert client.get(reverse("scale_detail", args=[lakeside_scale.pk])).status_code == 404


def test_a_shared_scale_is_read_but_not_edited_by_another_district(client, world, lakeside_scale):
    Framework.objects.filter(pk=lakeside_scale.version.framework_id).update(shared=True)
    page = _page(client, world["ada"], lakeside_scale)
    assert reverse("scale_edit", args=[lakeside_scale.pk]) not in page
    assert client.get(reverse("scale_edit", args=[lakeside_scale.pk])).status_code == 404


def test_the_form_shows_each_derived_band_in_its_box_with_a_label(client, world, scale):
    client.force_login(world["ada"])
    page = client.get(reverse("scale_edit", args=[scale.pk])).content.decode()
    for name, derived in [
        ("evidence_approaching", "2"),
        ("evidence_advanced", "4"),
        ("estimate_approaching", "2.5"),
        ("estimate_advanced", "3.5"),
    ]:
        assert f'<label for="id_{name}">' in page
        box = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
        assert box is not None
        assert f'placeholder="{derived}"' in box.group(0)
        assert f'aria-describedby="id_{name}_helptext"' in box.group(0)
    assert "<legend>Estimates</legend>" in page


def test_the_owner_saves_the_bands_with_a_reason(client, world, scale):
    client.force_login(world["ada"])
    response = client.post(
        reverse("scale_edit", args=[scale.pk]),
        {"estimate_advanced": "3.25", "evidence_approaching": "", "reason": "Narrower top"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("scale_detail", args=[scale.pk])
    scale.refresh_from_db()
    assert (scale.estimate_advanced, scale.evidence_approaching) == (3.25, None)
    page = client.get(response["Location"]).content.decode()
    assert "Narrower top" in page  # the change history


def test_a_refused_band_is_named_next_to_its_box_and_changes_nothing(client, world, scale):
    client.force_login(world["ada"])
    response = client.post(
        reverse("scale_edit", args=[scale.pk]),
        {"estimate_approaching": "3.2", "estimate_advanced": "3.6", "reason": "Typo"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "“Approaching from (estimates)” must be at most the proficiency cut (3)" in page
    scale.refresh_from_db()
    assert (scale.estimate_approaching, scale.estimate_advanced) == (None, None)


def test_a_reason_is_required(client, world, scale):
    client.force_login(world["ada"])
    response = client.post(reverse("scale_edit", args=[scale.pk]), {"estimate_advanced": "3.4"})
    assert response.status_code == 200
    scale.refresh_from_db()
    assert scale.estimate_advanced is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_districts_admin_gets_not_found_from_the_form(client, world, scale, method):
    client.force_login(world["otto"])
    data = {"estimate_advanced": "3.4", "reason": "Not mine"}
    response = getattr(client, method)(reverse("scale_edit", args=[scale.pk]), data)
    assert response.status_code == 404
    scale.refresh_from_db()
    assert scale.estimate_advanced is None


def test_the_scale_page_uses_a_fixed_number_of_queries(
    client, world, scale, django_assert_max_num_queries
):
    client.force_login(world["lena"])
    with django_assert_max_num_queries(8):
        client.get(reverse("scale_detail", args=[scale.pk]))
