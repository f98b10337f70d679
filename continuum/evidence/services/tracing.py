"""Bayesian knowledge tracing of auto-scored responses (continuum.mastery.bkt).

Each target's BKT parameters are fitted from every learner's responses on it
(``tracing_fit``); until a target has a fit, ``DEFAULT_PARAMETERS`` apply. A learner's
P(mastered) on a target is their responses, in the order given, folded through
``mastery_after_response`` from the prior (``trace_update``).
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from continuum.evidence.models import KnowledgeTrace, Response, TracingParameters
from continuum.frameworks.models import FrameworkItem
from continuum.mastery.bkt import BKTParams, fitted_parameters, mastery_after_response
from continuum.people.models import User

# A cautious start: one learner in five already knows the target, each question is a
# 15 % chance to learn it, a guess is right one time in five, a slip happens one in ten.
DEFAULT_PARAMETERS = BKTParams(prior=0.2, learn=0.15, guess=0.2, slip=0.1)


def tracing_parameters(*, target: FrameworkItem) -> BKTParams:
    """The target's fitted parameters, or the defaults when it has no fit yet."""
    fitted = TracingParameters.objects.filter(target=target).first()
    return BKTParams.from_dict(fitted.parameters) if fitted else DEFAULT_PARAMETERS


def _responses(target: FrameworkItem):
    return Response.objects.filter(question__alignment__target=target)


def trace_update(
    *, learner: User, target: FrameworkItem, now: datetime | None = None
) -> KnowledgeTrace | None:
    """Recompute the learner's P(mastered) on the target from all their responses on it
    (None when they have none)."""
    answers = list(
        _responses(target)
        .filter(learner=learner)
        .order_by(
            "answered_at", "attempt", "question__alignment__position", "question__position", "id"
        )
        .values_list("correct", flat=True)
    )
    if not answers:
        return None
    params = tracing_parameters(target=target)
    p_mastered = params.prior
    for correct in answers:
        p_mastered = mastery_after_response(params, p_mastered, correct)
    trace, _ = KnowledgeTrace.objects.update_or_create(
        learner=learner,
        target=target,
        defaults={
            "p_mastered": p_mastered,
            "responses": len(answers),
            "updated_at": now or timezone.now(),
        },
    )
    return trace


def tracing_fit(*, target: FrameworkItem, now: datetime | None = None) -> TracingParameters | None:
    """Fit the target's BKT parameters by EM from all of its responses, store them, and
    re-trace every learner who answered (None when there are no responses)."""
    rows = list(
        _responses(target)
        .order_by("learner_id", "answered_at", "attempt", "question__position", "id")
        .values_list("learner_id", "correct")
    )
    if not rows:
        return None
    codes = {learner_id: code for code, learner_id in enumerate(dict.fromkeys(r[0] for r in rows))}
    fit = fitted_parameters(
        [correct for _, correct in rows],
        learner=[codes[learner_id] for learner_id, _ in rows],
        target=[0] * len(rows),
    )
    now = now or timezone.now()
    with transaction.atomic():
        stored, _ = TracingParameters.objects.update_or_create(
            target=target,
            defaults={
                "parameters": fit.params[0].to_dict(),
                "responses": len(rows),
                "fitted_at": now,
            },
        )
        for learner in User.objects.filter(pk__in=codes):
            trace_update(learner=learner, target=target, now=now)
    return stored


def tracing_fit_all(*, minimum: int, now: datetime | None = None) -> list[TracingParameters]:
    """Refit every target with at least ``minimum`` responses."""
    counts = (
        Response.objects.values("question__alignment__target")
        .annotate(n=Count("id"))
        .filter(n__gte=minimum)
    )
    target_ids = [row["question__alignment__target"] for row in counts]
    fitted = []
    for target in FrameworkItem.objects.filter(pk__in=target_ids).order_by("pk"):
        stored = tracing_fit(target=target, now=now)
        if stored is not None:
            fitted.append(stored)
    return fitted
