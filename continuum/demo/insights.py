"""Groups for the demo school: each section's educator accepts the first suggestion on the
section's two targets where most struggle, so the groups pages have something to show."""

from datetime import datetime, timedelta

from django.db import transaction

from continuum.evidence.public import gradebook_framework_list
from continuum.insights.models import Group
from continuum.insights.public import group_create, group_suggestions, section_heatmap
from continuum.people.models import Organization, Section


@transaction.atomic
def demo_groups_build(*, school: Organization, now: datetime, per_section: int = 2) -> list[Group]:
    formed = []
    for section in Section.objects.filter(school=school).prefetch_related("educators"):
        educator = next(iter(section.educators.all()), None)
        frameworks = gradebook_framework_list(section=section)
        if educator is None or not frameworks:
            continue
        heatmap = section_heatmap(section=section, framework=frameworks[0])
        targets = [target for _, target in heatmap.struggles[:per_section]]
        for days, suggestion in enumerate(group_suggestions(section=section, targets=targets)):
            _, members = suggestion.groups[0]
            formed.append(
                group_create(
                    section=section,
                    target=suggestion.target,
                    learner_ids=[learner.pk for learner in members],
                    created_by=educator,
                    now=now - timedelta(days=7 * (days + 1)),
                )
            )
    return formed
