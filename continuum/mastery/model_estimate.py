"""The logistic learner model in the product: one school's fit, and a learner's chance of
mastery on each target with how sure we are and the parts that make it up.

A school's model is fitted from its learners' right and wrong answers on one framework
(`school_model`) and stored as named weights (`Weights`): the overall ones, a block per
target and one per question. A learner's *chance of mastery* on a target is the model's
probability that their next answer on it is right, for a question of average difficulty,
given every answer they have given on the framework so far (`predictions`).

How sure we are is a 95 % Wilson score interval around that chance, with as many trials as
the learner has answered on the target: with no answers of their own the interval is the
whole range, and it narrows as their own answers accumulate. The interval and the chance
together give the words (`Certainty`). The model never sets a status: the school's grading
policy does; this is a second opinion and an order for what to learn next.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from scipy.special import expit

from continuum.mastery.learner_model import LearnerModel, contributions, fitted_model
from continuum.mastery.lr_features import (
    NO_ITEM,
    OVERALL_COLUMNS,
    SKILL_COLUMNS,
    Features,
    response_features,
)

Z95 = 1.959964  # the normal quantile of a two-sided 95 % interval
SURE_WIDTH = 0.5  # an interval wider than this is "not sure yet", whatever the chance
VERY_LIKELY = 0.7  # the interval's low end at least this: "very likely"
LIKELY = 0.6  # the chance itself at least this: "likely"
UNLIKELY = 0.5  # the interval's high end below this: "not likely yet"


@dataclass(frozen=True)
class Answer:
    """One earlier answer of a learner, in time order: the target, the question (None
    when unknown) and whether it was right."""

    target: int
    item: int | None
    correct: bool


@dataclass(frozen=True)
class Weights:
    """A fitted model's weights by name: the overall ones (in `OVERALL_COLUMNS` order),
    one block per target id (in `SKILL_COLUMNS` order), one per question id."""

    overall: tuple[float, ...]
    skills: Mapping[int, tuple[float, ...]]
    items: Mapping[int, float]

    def to_dict(self) -> dict[str, object]:
        return {
            "overall": list(self.overall),
            "skills": {str(target): list(block) for target, block in self.skills.items()},
            "items": {str(item): weight for item, weight in self.items.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Weights:
        overall, skills, items = data["overall"], data["skills"], data["items"]
        if not (isinstance(overall, list) and isinstance(skills, dict) and isinstance(items, dict)):
            raise ValueError("stored weights need overall, skills and items")
        return cls(
            overall=tuple(float(w) for w in overall),
            skills={int(t): tuple(float(w) for w in block) for t, block in skills.items()},
            items={int(i): float(w) for i, w in items.items()},
        )


class Certainty(StrEnum):
    """How sure the model is that the learner has mastered the target, in words."""

    VERY_LIKELY = "very likely"
    LIKELY = "likely"
    EITHER_WAY = "could go either way"
    NOT_LIKELY_YET = "not likely yet"
    NOT_SURE_YET = "not sure yet"


@dataclass(frozen=True)
class Part:
    """What one named feature adds to a prediction: `logit` to its log-odds, `points`
    percentage points to its chance (the chance with it minus the chance without it).
    `target` is the target the feature is about, if any."""

    feature: str
    target: int | None
    logit: float
    points: float


@dataclass(frozen=True)
class Prediction:
    target: int
    probability: float
    low: float
    high: float
    answers: int  # the learner's own answers on the target
    certainty: Certainty
    parts: tuple[Part, ...]  # largest first; their logits add up to the prediction's


def wilson_interval(p: float, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a success rate `p` seen over `n` trials (the whole
    range for none)."""
    if n <= 0:
        return 0.0, 1.0
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def certainty(p: float, low: float, high: float) -> Certainty:
    if high - low > SURE_WIDTH:
        return Certainty.NOT_SURE_YET
    if low >= VERY_LIKELY:
        return Certainty.VERY_LIKELY
    if p >= LIKELY:
        return Certainty.LIKELY
    if high < UNLIKELY:
        return Certainty.NOT_LIKELY_YET
    return Certainty.EITHER_WAY


def school_model(
    learner: Sequence[int],
    target: Sequence[int],
    item: Sequence[int | None],
    correct: Sequence[bool],
) -> tuple[Weights, LearnerModel]:
    """Fit the model on one school's answers (one row each, in time order per learner;
    ids are database ids, coded here) and name its weights."""
    if not correct:
        raise ValueError("a learner model needs at least one answer")
    targets = sorted(set(target))
    items = sorted({i for i in item if i is not None})
    learners = {who: code for code, who in enumerate(dict.fromkeys(learner))}
    target_code = {t: code for code, t in enumerate(targets)}
    item_code = {i: code for code, i in enumerate(items)}
    features = response_features(
        np.array([learners[who] for who in learner], dtype=np.int64),
        np.array([target_code[t] for t in target], dtype=np.int64),
        np.array(correct, dtype=np.int64),
        item=np.array([NO_ITEM if i is None else item_code[i] for i in item], dtype=np.int64),
        n_skills=len(targets),
        n_items=len(items),
    )
    model = fitted_model(features)
    w = model.weights
    skill_start, width = len(OVERALL_COLUMNS), len(SKILL_COLUMNS)
    item_start = skill_start + width * len(targets)
    weights = Weights(
        overall=tuple(float(v) for v in w[:skill_start]),
        skills={
            t: tuple(float(v) for v in w[skill_start + width * c : skill_start + width * (c + 1)])
            for c, t in enumerate(targets)
        },
        items={i: float(w[item_start + c]) for c, i in enumerate(items)},
    )
    return weights, model


def predictions(
    weights: Weights, history: Sequence[Answer], targets: Sequence[int]
) -> dict[int, Prediction]:
    """The learner's chance of mastery on each of `targets` the model knows, after the
    answers of `history` (in time order; answers on targets the fit did not see are left
    out until the next fit sees them)."""
    skill_code = {t: code for code, t in enumerate(weights.skills)}
    item_code = {i: code for code, i in enumerate(weights.items)}
    asked = [t for t in dict.fromkeys(targets) if t in skill_code]
    known = [a for a in history if a.target in skill_code]
    if not asked:
        return {}
    # One copy of the history per asked target, each ending in a question of average
    # difficulty on that target: one feature pass answers them all.
    length, copies = len(known) + 1, len(asked)
    skill = np.array([skill_code[a.target] for a in known] + [0], dtype=np.int64)
    item = np.array(
        [item_code.get(a.item, NO_ITEM) if a.item is not None else NO_ITEM for a in known]
        + [NO_ITEM],
        dtype=np.int64,
    )
    right = np.array([a.correct for a in known] + [False], dtype=np.int64)
    skills = np.tile(skill, copies)
    last_rows = np.arange(1, copies + 1) * length - 1
    skills[last_rows] = [skill_code[t] for t in asked]
    features = response_features(
        np.repeat(np.arange(copies, dtype=np.int64), length),
        skills,
        np.tile(right, copies),
        item=np.tile(item, copies),
        n_skills=len(skill_code),
        n_items=len(item_code),
    )
    model = LearnerModel(weights=_vector(weights), iterations=0, converged=True)
    answers_on = {t: sum(1 for a in known if a.target == t) for t in asked}
    found = {}
    for t, row in zip(asked, features.response_of_row[last_rows], strict=True):
        found[t] = _prediction(model, features, int(row), t, answers_on[t], list(weights.skills))
    return found


def _vector(weights: Weights) -> np.ndarray:
    blocks = [np.array(weights.overall)]
    blocks += [np.array(block) for block in weights.skills.values()]
    blocks.append(np.array(list(weights.items.values())))
    return np.concatenate(blocks)


def _prediction(
    model: LearnerModel, features: Features, row: int, target: int, answers: int, ids: list[int]
) -> Prediction:
    raw = contributions(model, features, row)
    total = sum(part.logit for part in raw)
    p = float(expit(total))
    parts = tuple(
        Part(
            feature=part.feature,
            target=ids[part.about] if part.about is not None and part.feature != "item" else None,
            logit=part.logit,
            points=100.0 * (p - float(expit(total - part.logit))),
        )
        for part in raw
    )
    low, high = wilson_interval(p, answers)
    return Prediction(target, p, low, high, answers, certainty(p, low, high), parts)
