"""Insights: heatmaps and flexible groups.

Erin teaches Math 6A (Lena) and manages its groups; Eli's Math 6B is not hers. Leo (the
school's leader) and Ada (the district's admin) read every section's heatmap and groups
and the school heatmap, but form no groups. Learners, guardians, counselors and partners
have no insight pages. Otto (Lakeside's admin) opens the insights home, which lists his
own district's sections and schools only; every Riverside section and school is refused.
"""

from django.utils import timezone

from continuum.frameworks.tests.factories import sample_framework
from continuum.insights.models import Group, GroupMembership
from tests.access import Case, allow


def populate(world: dict) -> None:
    target = sample_framework(title="Insights Mathematics")["N.1.a"]
    now = timezone.now()
    for section, learner in (("math_a", "lena"), ("math_b", "omar")):
        educator = world[section].educators.first()
        group = Group.objects.create(
            section=world[section], target=target, created_by=educator, created_at=now
        )
        GroupMembership.objects.create(group=group, learner=world[learner], added_at=now)
        world[f"insights_group_{section}"] = group


def _section(name: str):
    return lambda w: {"section_id": w[name].pk}


def _group(name: str):
    return lambda w: {"group_id": w[f"insights_group_{name}"].pk}


READERS = allow("educator", "leader", "admin")
ABOVE = allow("leader", "admin")

CASES = [
    Case("insights_home", READERS | allow("outsider")),
    Case(
        "insights_school_heatmap",
        allow("outsider"),
        lambda w: {"school_id": w["birch"].pk},
        label="Lakeside's school",
    ),
    Case("insights_section_heatmap", READERS, _section("math_a"), label="own section"),
    Case("insights_section_heatmap", ABOVE, _section("math_b"), label="another's section"),
    Case("insights_school_heatmap", ABOVE, lambda w: {"school_id": w["school"].pk}),
    Case("insights_groups", READERS, _section("math_a"), label="own section"),
    Case("insights_groups", ABOVE, _section("math_b"), label="another's section"),
    # No learner chosen: Erin passes the checks and is told so; nothing is formed.
    Case(
        "insights_group_create",
        allow("educator"),
        _section("math_a"),
        method="post",
        label="own section",
        data={"target": "0"},
        ok_status=(302,),
    ),
    Case(
        "insights_group_create",
        allow(),
        _section("math_b"),
        method="post",
        label="another's section",
        data={"target": "0"},
    ),
    Case("insights_group_detail", READERS, _group("math_a"), label="own section"),
    Case("insights_group_detail", ABOVE, _group("math_b"), label="another's section"),
    Case(
        "insights_group_members",
        allow("educator"),
        _group("math_a"),
        method="post",
        label="own section",
        data={},
        ok_status=(302,),
    ),
    Case(
        "insights_group_members",
        allow(),
        _group("math_b"),
        method="post",
        label="another's section",
        data={},
    ),
    Case(
        "insights_group_dissolve",
        allow("educator"),
        _group("math_a"),
        method="post",
        label="own section",
        ok_status=(302,),
    ),
    Case(
        "insights_group_dissolve",
        allow(),
        _group("math_b"),
        method="post",
        label="another's section",
    ),
]
