"""Next steps for a learner's plan: ranked suggestions, each with the reasons for it.

The recommender drafts; the learner and an educator decide. It suggests only targets the
learner is ready to learn (every prerequisite mastered), ranked by how close the learner is
(almost there, then started, then new); among equally ranked targets, one with an
experience that fits the learner's interests comes first, then one that unlocks more later
targets, then the order the targets were given in (the framework's). When the learner
model's chances are given, they rank first: the next step is the ready target the learner
is most likely ready for (chances to the whole percent; ties fall back on the order above).
When fewer ready
targets remain than the plan has room for, it may add a *stretch*: a target one step away
(its missing prerequisites are themselves ready), always marked as such.

Pure and deterministic: the same inputs give the same suggestions, whatever the catalog's
order. Nothing here reads the clock: dates come in through ``PlanPace.start``.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from continuum.mastery.readiness import prerequisites_of, readiness
from continuum.mastery.status import Status


class Tier(IntEnum):
    """How a suggested target ranks; lower comes first."""

    ALMOST_THERE = 0
    STARTED = 1
    NEW = 2
    STRETCH = 3


@dataclass(frozen=True)
class CatalogEntry:
    """A learning experience as the recommender sees it."""

    id: int
    targets: frozenset[int]
    interests: frozenset[str] = frozenset()
    setting: str = ""


@dataclass(frozen=True)
class PlanPace:
    """How much to suggest and by when: ``count`` steps at most, of which at most
    ``stretch`` stretches; when ``start`` is given, step *n* is due ``n × days_per_step``
    days after it."""

    count: int = 5
    stretch: int = 1
    start: date | None = None
    days_per_step: int = 14
    settings: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Suggestion:
    target: int
    experience: int | None
    reasons: tuple[str, ...]
    tier: Tier
    due_on: date | None = None

    @property
    def stretch(self) -> bool:
        return self.tier == Tier.STRETCH


def _listed(codes: Sequence[str]) -> str:
    if len(codes) <= 1:
        return "".join(codes)
    return f"{', '.join(codes[:-1])} and {codes[-1]}"


def _best_experience(
    target: int,
    catalog: Sequence[CatalogEntry],
    interests: frozenset[str],
    settings: frozenset[str],
) -> tuple[CatalogEntry | None, tuple[str, ...]]:
    """The experience for ``target`` that fits most interests, then a preferred setting,
    then the lowest id; and the interests it fits, sorted."""
    fitting = [entry for entry in catalog if target in entry.targets]
    if not fitting:
        return None, ()
    best = min(
        fitting,
        key=lambda e: (-len(e.interests & interests), e.setting not in settings, e.id),
    )
    return best, tuple(sorted(best.interests & interests))


def recommendations(
    targets: Iterable[int],
    edges: Iterable[tuple[int, int]],
    statuses: Mapping[int, Status],
    *,
    interests: Iterable[str] = (),
    catalog: Iterable[CatalogEntry] = (),
    pace: PlanPace = PlanPace(),
    exclude: Iterable[int] = (),
    labels: Mapping[int, str] | None = None,
    likelihood: Mapping[int, float] | None = None,
) -> tuple[Suggestion, ...]:
    """Ranked suggestions for ``targets`` (in framework order) given prerequisite
    ``edges`` ``(before, after)``, the learner's shown ``statuses`` and, if known, the
    learner model's chance of mastery per target (``likelihood``). Targets in
    ``exclude`` (already in the plan) are never suggested; nor is a mastered target."""
    edge_list = list(edges)
    order = list(dict.fromkeys(targets))
    position = {target: index for index, target in enumerate(order)}
    needs = prerequisites_of(edge_list)
    unlocks: dict[int, int] = {}
    for before, _after in edge_list:
        unlocks[before] = unlocks.get(before, 0) + 1
    tags = frozenset(tag.strip().lower() for tag in interests if tag.strip())
    entries = sorted(catalog, key=lambda entry: entry.id)
    skip = frozenset(exclude)
    code = dict(labels or {})

    def label(target: int) -> str:
        return code.get(target, str(target))

    chance = dict(likelihood or {})
    found = readiness(order, edge_list, statuses)
    ready = [t for t in found.ready if t not in skip]
    ready_set = frozenset(found.ready)

    def tier_of(target: int) -> Tier:
        status = statuses.get(target, Status.NOT_STARTED)
        if status == Status.APPROACHING:
            return Tier.ALMOST_THERE
        return Tier.STARTED if status == Status.NOT_YET else Tier.NEW

    drafted: list[tuple[tuple[int, int, int, int, int], Suggestion]] = []
    for target in ready:
        experience, fits = _best_experience(target, entries, tags, pace.settings)
        tier = tier_of(target)
        reasons = [_ready_reason(sorted(needs.get(target, ()), key=_key(position)), label)]
        reasons.append(
            {
                Tier.ALMOST_THERE: "almost there: your estimate is approaching proficient",
                Tier.STARTED: "started: you have evidence on it and are not there yet",
                Tier.NEW: "new: you have not started it yet",
            }[tier]
        )
        reasons.extend(f"fits your interest in {tag}" for tag in fits)
        if unlocks.get(target):
            count = unlocks[target]
            reasons.append(f"opens the way to {count} later target{'s' if count > 1 else ''}")
        percent = round(100 * chance[target]) if target in chance else -1
        if percent >= 0:
            reasons.append(f"the learner model gives a {percent}% chance of mastery")
        key = (-percent, int(tier), 0 if fits else 1, -unlocks.get(target, 0), position[target])
        suggestion = Suggestion(target, experience.id if experience else None, tuple(reasons), tier)
        drafted.append((key, suggestion))
    drafted.sort(key=lambda pair: pair[0])
    chosen = [suggestion for _key_, suggestion in drafted[: max(pace.count, 0)]]

    room = min(pace.stretch, max(pace.count, 0) - len(chosen))
    if room > 0:
        chosen.extend(
            _stretches(order, found.blocked, ready_set, skip, entries, tags, pace, label)[:room]
        )
    if pace.start is not None:
        chosen = [
            Suggestion(
                s.target,
                s.experience,
                s.reasons,
                s.tier,
                pace.start + timedelta(days=pace.days_per_step * (index + 1)),
            )
            for index, s in enumerate(chosen)
        ]
    return tuple(chosen)


def _key(position: Mapping[int, int]) -> Callable[[int], tuple[int, int]]:
    return lambda target: (position.get(target, len(position)), target)


def _ready_reason(prerequisites: Sequence[int], label: Callable[[int], str]) -> str:
    if not prerequisites:
        return "ready: it has no prerequisites"
    codes = [label(t) for t in prerequisites]
    word = "prerequisite" if len(codes) == 1 else "prerequisites"
    verb = "is" if len(codes) == 1 else "are"
    return f"ready: its {word} {_listed(codes)} {verb} mastered"


def _stretches(
    order: Sequence[int],
    blocked: Mapping[int, frozenset[int]],
    ready: frozenset[int],
    skip: frozenset[int],
    entries: Sequence[CatalogEntry],
    tags: frozenset[str],
    pace: PlanPace,
    label: Callable[[int], str],
) -> list[Suggestion]:
    """Blocked targets whose missing prerequisites are all ready to learn, in order."""
    found: list[Suggestion] = []
    position = {target: index for index, target in enumerate(order)}
    for target in order:
        missing = blocked.get(target)
        if target in skip or not missing or not missing <= ready:
            continue
        experience, fits = _best_experience(target, entries, tags, pace.settings)
        codes = [label(t) for t in sorted(missing, key=_key(position))]
        reasons = [f"stretch: needs {_listed(codes)} first"]
        reasons.extend(f"fits your interest in {tag}" for tag in fits)
        found.append(
            Suggestion(target, experience.id if experience else None, tuple(reasons), Tier.STRETCH)
        )
    return found
