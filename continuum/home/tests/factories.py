"""Today's work at Maple Grove, on top of the conftest ``world``, for the home pages.

- Lena (Erin's learner) waits on Erin for a reassessment of N.1.a, a proposal on N.2.a and
  a poster; a reassessment of N.1.b is scheduled for today. She has an open flag and no
  active support plan (an old one is closed), is behind pace on her course credit, had
  feedback yesterday, and her plan's next step is N.1.c (N.1.a is done).
- Omar (Eli's learner) waits on Eli for a reassessment and a proposal; he has an open flag
  with an active plan due for review in three days, and is on pace. Nobody connected only
  to Lena may count any of it.
- Riverside's latest roster import failed; Lakeside has none.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone

from continuum.evidence.models import Artifact
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.models import Proposal, Reassessment
from continuum.pathways.models import LearningPlan, PlanItem
from continuum.rostering.models import RosterImport
from continuum.supports.models import Flag, SupportPlan
from continuum.supports.tests.factories import pace_create


def todays_work_create(world: dict, *, now: datetime | None = None) -> dict:
    now = now or timezone.now()
    today = timezone.localdate(now)
    maths = sample_framework(title="Home Mathematics")
    lena, omar, erin, eli = world["lena"], world["omar"], world["erin"], world["eli"]
    evidence_record(
        learner=lena,
        target=maths["N.1.a"],
        scorer=erin,
        level=1,
        assessed_at=now - timedelta(days=1),
        feedback="Check the units in each ratio.",
    )
    evidence_record(
        learner=omar,
        target=maths["N.1.b"],
        scorer=eli,
        level=3,
        assessed_at=now - timedelta(days=2),
    )
    for learner, target in ((lena, "N.1.a"), (omar, "N.1.a")):
        Reassessment.objects.create(
            learner=learner, target=maths[target], requested_by=learner, preparation="Practised."
        )
    Reassessment.objects.create(
        learner=lena,
        target=maths["N.1.b"],
        requested_by=lena,
        preparation="Practised.",
        status=Reassessment.Status.SCHEDULED,
        scheduled_for=now,
        decided_at=now,
    )
    for learner in (lena, omar):
        Proposal.objects.create(
            learner=learner, target=maths["N.2.a"], way="project", description="A recipe poster."
        )
    Artifact.objects.create(
        learner=lena,
        title="Ratio poster",
        file="2026/12/poster.png",
        original_name="poster.png",
        content_type="image/png",
        size=10,
    )
    for learner in (lena, omar):
        Flag.objects.create(
            learner=learner, kind=Flag.Kind.STALLED, explanation="No progress.", raised_at=now
        )
    SupportPlan.objects.create(
        learner=lena,
        concern="Ratios",
        goal="Proficient on N.1",
        review_on=today,
        status=SupportPlan.Status.CLOSED,
        created_by=world["cora"],
    )
    SupportPlan.objects.create(
        learner=omar,
        concern="Ratios",
        goal="Proficient on N.1",
        review_on=today + timedelta(days=3),
        created_by=world["cora"],
    )
    pace_create(learner=lena, school=world["school"], status="behind")
    pace_create(
        learner=omar, school=world["school"], status="on pace", projected_on=date(2027, 5, 1)
    )
    plan = LearningPlan.objects.create(learner=lena)
    PlanItem.objects.create(
        plan=plan, target=maths["N.1.a"], position=0, status=PlanItem.Status.DONE
    )
    PlanItem.objects.create(
        plan=plan, target=maths["N.1.c"], position=1, status=PlanItem.Status.ACCEPTED
    )
    RosterImport.objects.create(
        district=world["district"], file_name="roster.zip", state=RosterImport.State.FAILED
    )
    return {**world, "maths": maths}
