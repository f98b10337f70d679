"""A computed pace for pages that show it (dashboard, profile, family view)."""

from datetime import UTC, date, datetime

from continuum.supports.models import LearnerPace, Requirement


def pace_create(
    *,
    learner,
    school,
    title: str = "Grade 6 maths credit",
    status: str = "behind",
    projected_on: date | None = date(2027, 8, 20),
) -> LearnerPace:
    requirement = Requirement.objects.create(
        title=title,
        kind=Requirement.Kind.COURSE_CREDIT,
        organization=school,
        starts_on=date(2026, 9, 1),
        due_on=date(2027, 6, 1),
    )
    return LearnerPace.objects.create(
        learner=learner,
        requirement=requirement,
        status=status,
        mastered=1,
        needed=4,
        projected_on=projected_on,
        explanation="1 of 4 targets mastered.",
        computed_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
    )
