"""The upgrade that gave catalog experiences to a school or district (decision 0009)."""

import importlib

from django.apps import apps

from continuum.pathways.models import LearningExperience

migration = importlib.import_module(
    "continuum.pathways.migrations.0002_experiences_belong_to_a_school"
)


def test_experiences_go_to_their_curators_school_and_partners_learners_district(world):
    curated = LearningExperience.objects.create(title="Ratio recipes", curated_by=world["erin"])
    offered = LearningExperience.objects.create(
        title="Clinic", partner=world["pat"], curated_by=world["pat"]
    )
    orphan = LearningExperience.objects.create(title="Nobody's")
    migration.assign_organizations(apps, None)
    assert LearningExperience.objects.get(pk=curated.pk).organization == world["school"]
    # Pat's placed learner (Lena) is in Riverside, his only district.
    assert LearningExperience.objects.get(pk=offered.pk).organization == world["district"]
    # Two districts: an entry with neither curator nor partner stays platform-wide.
    assert LearningExperience.objects.get(pk=orphan.pk).organization is None
