"""A catalog experience's link (issue 9): only http(s) is accepted, and a stored unsafe one
(saved before the form checked) is shown as text, never as a link."""

import pytest
from django.urls import reverse

from continuum.pathways.forms import ExperienceForm
from continuum.pathways.models import LearningExperience

pytestmark = pytest.mark.django_db


def _form(url: str) -> ExperienceForm:
    return ExperienceForm(
        data={
            "title": "River Clinic internship",
            "description": "",
            "kind": LearningExperience.Kind.ACTIVITY,
            "setting": LearningExperience._meta.get_field("setting").default,
            "modality": LearningExperience._meta.get_field("modality").default,
            "url": url,
            "active": "on",
        }
    )


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://files.example.org/a", "data:text/html,<b>x</b>"]
)
def test_a_link_that_is_not_http_or_https_is_refused(url):
    form = _form(url)
    assert not form.is_valid()
    assert "url" in form.errors


def test_an_https_link_is_accepted():
    form = _form("https://riverclinic.example.org/apply")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["url"] == "https://riverclinic.example.org/apply"


def test_a_stored_javascript_link_is_shown_as_text(client, world):
    experience = LearningExperience.objects.create(
        title="River Clinic internship", url="javascript:alert(1)", organization=world["school"]
    )
    client.force_login(world["erin"])
    page = client.get(reverse("experience_detail", args=[experience.pk])).content.decode()
    assert "River Clinic internship" in page
    assert 'href="javascript:' not in page
    assert "<dd>javascript:alert(1)</dd>" in page
