"""What a draft grading policy would do to pace and flags, before anyone adopts it.

The computation is ``supports_compute``'s, over the same signals, with the draft's
estimates put in place of the stored ones; nothing is written. A target the draft makes
proficient counts as mastered today (when the draft would first have reached proficiency
is not known without replaying every day of the term); a target it takes below proficient
is no longer mastered. Estimates with an educator's override keep what the override shows.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from continuum.evidence.models import Estimate
from continuum.people.models import Organization, User
from continuum.supports.services.compute import (
    DEFAULT_THRESHOLDS,
    flags_raised,
    pace_results,
    pace_signals,
    requirements_loaded,
)
from continuum.supports.services.signals import SchoolSignals, school_signals

Pair = tuple[int, int]


@dataclass(frozen=True)
class SupportsPreview:
    """(learner, requirement) → pace status ("ahead", "on track", "behind", …), and
    learner → the kinds of flag raised."""

    paces: Mapping[Pair, str]
    flags: Mapping[int, frozenset[str]]


def _with_draft(
    signals: SchoolSignals, draft: Mapping[Pair, tuple[float | None, bool]], today: date
) -> None:
    for (learner, target), (level, proficient) in draft.items():
        levels = signals.levels.setdefault(learner, {})
        if level is None:
            levels.pop(target, None)
        else:
            levels[target] = level
        met = signals.proficient.setdefault(learner, set())
        mastered = signals.mastered_on.setdefault(learner, {})
        if proficient:
            met.add(target)
            mastered.setdefault(target, today)
        else:
            met.discard(target)
            mastered.pop(target, None)


def supports_preview(
    *,
    school: Organization,
    learners: list[User],
    draft: Mapping[Pair, tuple[float | None, bool]] | None = None,
    today: date,
) -> SupportsPreview:
    """Pace and flags of ``learners`` with ``draft``'s (level, at least proficient) in
    place of their stored estimates (none: as they stand)."""
    overridden = set(
        Estimate.objects.filter(learner__in=learners, override_level__isnull=False).values_list(
            "learner_id", "target_id"
        )
    )
    signals = school_signals(learners)
    _with_draft(
        signals, {pair: v for pair, v in (draft or {}).items() if pair not in overridden}, today
    )
    results = pace_results(requirements_loaded(school), learners, signals, today)
    raised = flags_raised(learners, signals, pace_signals(results), today, DEFAULT_THRESHOLDS)
    flags: dict[int, set[str]] = {}
    for flag in raised:
        flags.setdefault(flag.learner, set()).add(flag.kind.value)
    return SupportsPreview(
        paces={
            (learner.pk, requirement.pk): result.status.value
            for learner, requirement, result in results
        },
        flags={learner: frozenset(kinds) for learner, kinds in flags.items()},
    )
