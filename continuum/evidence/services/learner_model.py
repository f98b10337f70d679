"""Fitting the logistic learner model (continuum.mastery.model_estimate) per school and
framework from the school's own auto-scored answers.

A school's answers are those to questions of its assessments; each fit is stored as a new
version of the school's model for that framework (``LearnerModelFit``). Fitting changes no
estimate and no status: the grading policy decides those.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from continuum.evidence.models import LearnerModelFit, Response
from continuum.frameworks.models import Framework
from continuum.mastery.model_estimate import school_model
from continuum.people.models import Organization

_FRAMEWORK = "question__alignment__target__version__framework"
_SCHOOL = "question__alignment__assessment__school"


def learner_model_fit(
    *, school: Organization, framework: Framework, now: datetime | None = None
) -> LearnerModelFit | None:
    """Fit the school's model of the framework from all its answers and store it as the
    next version (None when the school has no answers on the framework)."""
    rows = list(
        Response.objects.filter(**{_SCHOOL: school, _FRAMEWORK: framework})
        .order_by("learner_id", "answered_at", "attempt", "question__position", "id")
        .values_list("learner_id", "question__alignment__target_id", "question_id", "correct")
    )
    if not rows:
        return None
    learner, target, item, correct = (list(column) for column in zip(*rows, strict=True))
    weights, model = school_model(learner, target, item, correct)
    with transaction.atomic():
        latest = LearnerModelFit.objects.filter(school=school, framework=framework).aggregate(
            top=Max("version")
        )["top"]
        return LearnerModelFit.objects.create(
            school=school,
            framework=framework,
            version=(latest or 0) + 1,
            weights=weights.to_dict(),
            responses=len(rows),
            learners=len(set(learner)),
            converged=model.converged,
            fitted_at=now or timezone.now(),
        )


def learner_model_fit_all(*, minimum: int, now: datetime | None = None) -> list[LearnerModelFit]:
    """Refit every school's model of every framework it has at least ``minimum`` answers on."""
    counts = (
        Response.objects.values(_SCHOOL, _FRAMEWORK)
        .annotate(n=Count("id"))
        .filter(n__gte=minimum)
        .order_by(_SCHOOL, _FRAMEWORK)
    )
    pairs = [(row[_SCHOOL], row[_FRAMEWORK]) for row in counts]
    schools = Organization.objects.in_bulk({school for school, _ in pairs})
    frameworks = Framework.objects.in_bulk({framework for _, framework in pairs})
    fitted = []
    for school, framework in pairs:
        stored = learner_model_fit(school=schools[school], framework=frameworks[framework], now=now)
        if stored is not None:
            fitted.append(stored)
    return fitted
