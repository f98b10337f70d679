"""The learner map: the targets a learner works on, how they follow one another, and where
the learner stands on each. The dashboard, the family view and pathways (goals, the plan
and its recommender) all read it here, so they show the same targets in the same order with
the same statuses.

Which targets: every target of each framework version the learner has an estimate in or is
assessed on (an assessment of a section they are enrolled in is aligned to one of the
version's targets). So a learner whose class has begun a framework sees its targets, not
started, before the first evidence arrives, on the dashboard and in the family view as in
their plan. Targets come in the one order (``frameworks/ordering.py``).

At most three queries whatever the number of targets, estimates or frameworks; with the
learner model (``with_model``), two more: its chances order "ready to learn next".
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q

from continuum.evidence.models import Alignment, Estimate
from continuum.evidence.selectors.learner_model import mastery_predictions
from continuum.frameworks.models import Association, AssociationType, FrameworkItem, ItemKind
from continuum.frameworks.public import TARGET_ORDER
from continuum.mastery import Readiness, Status, prerequisites_of, readiness
from continuum.mastery.model_estimate import Prediction
from continuum.people.models import User


@dataclass(frozen=True)
class LearnerMap:
    """One learner's targets in the one order (each with its framework, competency and
    domain loaded), the prerequisite edges ``(before, after)`` among their versions' items,
    and the learner's estimates and shown statuses by target id (a target without an
    estimate is not started); when loaded, the learner model's predictions by target id
    (they order what is ready, never what is mastered)."""

    targets: tuple[FrameworkItem, ...]
    edges: tuple[tuple[int, int], ...]
    estimates: Mapping[int, Estimate]
    statuses: Mapping[int, Status]
    predictions: Mapping[int, Prediction] = field(default_factory=dict)

    def status(self, target_id: int) -> Status:
        return self.statuses.get(target_id, Status.NOT_STARTED)

    @cached_property
    def by_id(self) -> dict[int, FrameworkItem]:
        return {target.pk: target for target in self.targets}

    @cached_property
    def likelihood(self) -> dict[int, float]:
        """The learner model's chance of mastery by target id (empty unless loaded)."""
        return {target: p.probability for target, p in self.predictions.items()}

    @cached_property
    def readiness(self) -> Readiness:
        """Mastered, ready to learn next (most likely first when the model is loaded, then
        in the one order) and almost there."""
        targets = [target.pk for target in self.targets]
        return readiness(targets, self.edges, self.statuses, self.likelihood)

    @cached_property
    def ready(self) -> frozenset[int]:
        return frozenset(self.readiness.ready)

    def prerequisites(self, target_id: int) -> list[FrameworkItem]:
        """The target's prerequisites on the map, in the one order."""
        needs = self._prerequisites.get(target_id, frozenset())
        return sorted(
            (self.by_id[pk] for pk in needs if pk in self.by_id),
            key=lambda target: self._place[target.pk],
        )

    @cached_property
    def _prerequisites(self) -> dict[int, frozenset[int]]:
        return prerequisites_of(self.edges)

    @cached_property
    def _place(self) -> dict[int, int]:
        return {target.pk: place for place, target in enumerate(self.targets)}


def learner_map_get(*, learner: User, with_model: bool = False) -> LearnerMap:
    """The learner's map: one query each for estimates, targets and edges (none for edges
    when the map is empty); ``with_model`` adds the learner model's predictions (two
    queries at most)."""
    estimates = {e.target_id: e for e in Estimate.objects.filter(learner=learner)}
    estimated = Estimate.objects.filter(learner=learner).values("target__version_id")
    assessed = Alignment.objects.filter(assessment__section__enrollments__learner=learner).values(
        "target__version_id"
    )
    targets = tuple(
        FrameworkItem.objects.filter(
            Q(version_id__in=estimated) | Q(version_id__in=assessed), kind=ItemKind.TARGET
        )
        .select_related("version__framework", "parent__parent")
        .order_by(*TARGET_ORDER)
    )
    edges = Association.objects.filter(
        version_id__in={target.version_id for target in targets},
        association_type=AssociationType.PRECEDES,
        origin__isnull=False,
        destination__isnull=False,
    ).values_list("origin_id", "destination_id")
    by_id = {target.pk: target for target in targets}
    for estimate in estimates.values():
        if estimate.target_id in by_id:  # pages read the estimate's target without a query
            estimate.target = by_id[estimate.target_id]
    return LearnerMap(
        targets=targets,
        edges=tuple(edges),
        estimates=estimates,
        statuses={pk: Status(e.shown_status) for pk, e in estimates.items()},
        predictions=mastery_predictions(learner=learner, targets=targets)[0] if with_model else {},
    )
