"""Replay before adoption: what a proposed grading policy would change, on the evidence a
school already has, without writing anything.

The rows are the batch recompute's (``recompute.scored_rows``): the same learners, the
same scored evidence in the same order, each target's estimate bands from its scale. The
proposal is compared as if adopted in its scope (``Proposal``): every learner-target is
replayed under the policy in force now and the policy that would be in force then, scope
by scope (a school, a framework), and the counts summed, so a school or framework that
keeps a narrower policy of its own shows no change. The proposed policy is usually read
from JSON (``proposed_policy``), whose errors are worded for the person who wrote it.
"""

import json
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from continuum.evidence.models import Evidence
from continuum.evidence.services.engine_input import engine_columns
from continuum.evidence.services.policy import Proposal, policy_book
from continuum.evidence.services.recompute import learner_schools, learners_in, scored_rows
from continuum.frameworks.public import estimate_bands_for
from continuum.mastery import GradingPolicy, Replay, Status, policy_from_dict, replay
from continuum.people.models import Enrollment, Organization, Role

Transition = tuple[Status, Status]


@dataclass(frozen=True)
class Change:
    """One learner-target whose estimate the proposed policy would change (levels are
    None where there would be no estimate: not started)."""

    learner: int
    target: int
    level_before: float | None
    status_before: Status
    level_after: float | None
    status_after: Status


class PolicyError(ValueError):
    """A proposed policy that cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class ReplayReport:
    """``estimates``: learner-targets with an estimate under either policy; ``changed``:
    those whose level or status would differ. Every changed estimate is counted once in
    ``by_transition`` (a pair with the same status twice moved its level only), once in
    ``by_target`` and once in ``by_section`` for each section its learner is enrolled in."""

    estimates: int
    changed: int
    by_transition: Mapping[Transition, int]
    by_target: Mapping[int, int]
    by_section: Mapping[int, int]
    changes: tuple[Change, ...] = ()

    @property
    def status_changed(self) -> int:
        return sum(n for (before, after), n in self.by_transition.items() if before != after)

    def to_dict(self) -> dict[str, Any]:
        """The JSON the command writes: status moves keyed "<before>><after>" in the
        engine's status words (an estimate whose level moves within its status is in
        ``changed`` but is no move), ids as strings (JSON keys)."""
        return {
            "estimates": self.estimates,
            "changed": self.changed,
            "status_changed": self.status_changed,
            "by_transition": {
                f"{before.label}>{after.label}": n
                for (before, after), n in sorted(self.by_transition.items())
                if before != after
            },
            "by_target": {str(target): n for target, n in sorted(self.by_target.items())},
            "by_section": {str(section): n for section, n in sorted(self.by_section.items())},
        }


def proposed_policy(text: str) -> GradingPolicy:
    """The policy a JSON document describes: ``method`` and any of ``parameters``,
    ``order_by``, ``formative_weight`` and ``rollup`` (the rest take their defaults;
    ``version`` is 0, a draft, unless given). Raises ``PolicyError``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PolicyError(f"not valid JSON: {error}") from None
    return policy_from_data(data)


def policy_from_data(data: Any) -> GradingPolicy:
    """The policy already-parsed data describe (the editor's form, a JSON file), with the
    same checks and wording as ``proposed_policy``. Raises ``PolicyError``."""
    if not isinstance(data, dict):
        raise PolicyError('a policy is a JSON object such as {"method": "latest"}')
    if not isinstance(data.get("method"), str):
        raise PolicyError('a policy needs a "method" (a name such as "latest")')
    parameters = data.get("parameters", {})
    if not isinstance(parameters, dict):
        raise PolicyError('"parameters" must be an object such as {"w": 0.65}')
    numbers = dict(parameters)
    if "formative_weight" in data:
        numbers["formative_weight"] = data["formative_weight"]
    for name, value in numbers.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PolicyError(f"{name!r} must be a number, got {value!r}")
    try:
        return policy_from_dict({"version": 0, **data})
    except (ValueError, TypeError, AttributeError) as error:
        raise PolicyError(str(error)) from None


def policy_replay(
    *,
    proposed: GradingPolicy,
    school: Organization | None,
    adopter: Organization | None = None,
    framework_id: int | None = None,
) -> ReplayReport:
    """Replay ``proposed`` over the scored evidence of a school's learners (or of every
    learner), as if ``adopter`` (by default each learner's school) adopted it for one
    framework's targets (by default for every framework), against the policies in force.
    Reads only."""
    people = learners_in(school)
    organization_of = learner_schools(people)
    schools = set(organization_of.values())
    proposal = Proposal(proposed, adopter.pk if adopter else None, framework_id)
    now, then = policy_book(schools), policy_book(schools, proposal=proposal)
    rows_by_key, _ = scored_rows(
        Evidence.objects.filter(learner__in=people.values("pk")),
        organization_of,
        {**now.framework_of, **then.framework_of},
    )
    estimates, changed = 0, 0
    transitions: Counter[Transition] = Counter()
    by_target: Counter[int] = Counter()
    changed_by_learner: Counter[int] = Counter()
    changes: list[Change] = []
    for key, rows in rows_by_key.items():
        columns = engine_columns(rows)
        bands = estimate_bands_for(set(columns.target.tolist()))
        result = replay(columns, current=now[key], proposed=then[key], bands=bands)
        estimates += result.compared
        changed += len(result)
        transitions.update(result.transitions())
        by_target.update(result.target.tolist())
        changed_by_learner.update(result.learner.tolist())
        changes += _changes(result)
    by_section: Counter[int] = Counter()
    enrolled = Enrollment.objects.filter(learner__role=Role.LEARNER)
    if school is not None:
        enrolled = enrolled.filter(learner__organization=school)
    for learner_id, section_id in enrolled.values_list("learner_id", "section_id"):
        if learner_id in changed_by_learner:
            by_section[section_id] += changed_by_learner[learner_id]
    return ReplayReport(
        estimates=estimates,
        changed=changed,
        by_transition=dict(transitions),
        by_target=dict(by_target),
        by_section=dict(by_section),
        changes=tuple(changes),
    )


def _level(value: float) -> float | None:
    return None if math.isnan(value) else value


def _changes(result: Replay) -> list[Change]:
    return [
        Change(learner, target, _level(before), Status(was), _level(after), Status(now))
        for learner, target, before, was, after, now in zip(
            result.learner.tolist(),
            result.target.tolist(),
            result.level_before.tolist(),
            result.status_before.tolist(),
            result.level_after.tolist(),
            result.status_after.tolist(),
            strict=True,
        )
    ]
