from datetime import UTC, date, datetime, timedelta

import pytest

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.services.portfolio import artifact_upload
from continuum.learning.tests.portfolio_files import png, private_storage_in
from continuum.notifications.models import Notification
from continuum.pathways.services import goal_comment_add, goal_create


@pytest.fixture
def storage(tmp_path):
    private_storage_in(tmp_path)
    return tmp_path


def _life(world, sample, learner: str, educator: str) -> dict:
    """Evidence, a goal with the learner's reflection and the educator's comment, a
    portfolio file and a notification: a little of everything a learner leaves behind."""
    person = world[learner]
    evidence = evidence_record(
        learner=person,
        target=sample["N.1.a"],
        scorer=world[educator],
        level=3,
        assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
    )
    goal = goal_create(
        learner=person,
        by=person,
        title=f"{learner}'s ratio goal",
        targets=[sample["N.1.b"]],
        by_when=date.today() + timedelta(days=30),
    )
    goal_comment_add(goal=goal, by=person, text="I will practise every day.")
    goal_comment_add(goal=goal, by=world[educator], text="Good plan.")
    artifact = artifact_upload(
        learner=person,
        by=person,
        upload=png(f"{learner}-poster.png"),
        title=f"{learner}'s poster",
        targets=[sample["N.1.a"]],
    )
    Notification.objects.create(recipient=person, title=f"Feedback for {learner}")
    return {"evidence": evidence, "goal": goal, "artifact": artifact}


@pytest.fixture
def lives(world, storage):
    """Lena (taught by Erin) and Omar (taught by Eli) each with a life in Continuum."""
    sample = sample_framework()
    return {
        "lena": _life(world, sample, "lena", "erin"),
        "omar": _life(world, sample, "omar", "eli"),
        "sample": sample,
    }
