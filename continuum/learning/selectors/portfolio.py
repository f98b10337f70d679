"""What the portfolio upload offers to link a piece of work to."""

from django.db.models import Q, QuerySet

from continuum.evidence.models import Alignment, Estimate, Evidence
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import TARGET_ORDER
from continuum.people.models import User


def portfolio_target_list(*, learner: User, chosen: str | None = None) -> QuerySet[FrameworkItem]:
    """Targets the learner works on: with evidence or an estimate, aligned to an assessment
    of one of their sections, or the one they came from (`chosen`, a target's id).

    Each of the three is its own set of target ids (an ``IN`` subquery), not a join: joining
    evidence, estimates and alignments at once multiplied rows across the three and needed
    DISTINCT, 5.5-6 s on the demo school (bench/RESULTS.md, "Every page").
    """
    sections = learner.enrollments.values("section")
    linked = (
        Q(pk__in=Evidence.objects.filter(learner=learner).values("target"))
        | Q(pk__in=Estimate.objects.filter(learner=learner).values("target"))
        | Q(pk__in=Alignment.objects.filter(assessment__section__in=sections).values("target"))
    )
    if chosen and chosen.isdigit():
        linked |= Q(pk=int(chosen))
    return FrameworkItem.objects.filter(linked, kind=ItemKind.TARGET).order_by(*TARGET_ORDER)
