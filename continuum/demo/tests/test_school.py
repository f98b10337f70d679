"""The demo school is complete, deterministic and loads only once."""

from datetime import date

from django.core.management import call_command
from django.db import transaction

from continuum.demo.content import FRAMEWORKS, LEVELS
from continuum.demo.school import demo_school_build
from continuum.frameworks.models import Association, FrameworkItem, LevelDescriptor
from continuum.people.models import Role, User

TODAY = date(2026, 11, 23)


def _names() -> list[str]:
    return sorted(User.objects.values_list("username", flat=True))


def test_the_demo_school_has_the_people_the_issue_asks_for(db):
    school = demo_school_build(seed=2026, today=TODAY)
    assert school.created
    assert school.learners == 120
    assert school.sections == 6  # four maths periods, the advisory crew, the fall block
    assert User.objects.filter(role=Role.EDUCATOR).count() == 6
    assert {login.username for login in school.logins} == {
        "learner",
        "guardian",
        "educator",
        "counselor",
        "leader",
        "admin",
        "partner",
    }
    guardian = User.objects.get(username="guardian")
    assert guardian.guarded_links.count() == 2  # the family view shows two children
    names = list(User.objects.values_list("first_name", "last_name"))
    assert len(names) == len(set(names)), "two demo people share a name"


def test_the_demo_frameworks_have_targets_descriptors_and_prerequisites(db):
    demo_school_build(seed=2026, today=TODAY)
    targets = [t for content in FRAMEWORKS for c in content.competencies for t in c.targets]
    assert FrameworkItem.objects.filter(kind="target").count() == len(targets)
    assert LevelDescriptor.objects.count() == len(targets) * len(LEVELS)
    assert FrameworkItem.objects.filter(learning_area="lifelong").exists()
    assert Association.objects.filter(association_type="precedes").count() == sum(
        len(t.prerequisites) for t in targets
    )


def test_the_same_seed_builds_the_same_school(db):
    with transaction.atomic():
        demo_school_build(seed=7, today=TODAY)
        first = _names()
        transaction.set_rollback(True)
    assert not User.objects.exists()
    demo_school_build(seed=7, today=TODAY)
    assert _names() == first


def test_loading_twice_changes_nothing(db, settings, capsys):
    settings.CONTINUUM_DEMO = True
    call_command("demo_school", seed=2026)
    before = _names()
    call_command("demo_school", seed=2026)
    assert _names() == before
    assert "already loaded" in capsys.readouterr().out
