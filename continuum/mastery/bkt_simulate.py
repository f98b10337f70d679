"""Response logs drawn from known BKT parameters, in the shapes real data comes in.

A fit that matches pyBKT on two files may still fail on a third of another shape: a few
hundred learners with very long histories, thousands with a handful of responses, a high
or low base rate, lucky guessing, forgetting. Drawing data from parameters we know lets
the tests check that a fit recovers them (``docs/bkt.md``, "Data shapes"), and lets the
benchmark compare Continuum with pyBKT on each shape (``bench/bkt.py --synthetic``).

Each learner works in blocks, as in skill-builder logs: a skill is drawn, then a run of
consecutive responses on it (geometric length), until the learner's response count is
reached. A learner's hidden state on a skill persists between that skill's blocks, and
learning and forgetting act once per response on the skill (Corbett & Anderson's model,
with the forgetting transition pyBKT calls ``forgets``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from continuum.mastery.bkt import BKTParams
from continuum.mastery.bkt_layout import BoolArray, FloatArray, IntArray

Range = tuple[float, float]


@dataclass(frozen=True)
class Shape:
    """How many learners, responses and skills, and where each skill's parameters are drawn
    from (uniformly within each range)."""

    name: str
    learners: int
    responses: int  # per learner
    skills: int
    block: float  # mean length of a run of responses on one skill
    prior: Range = (0.2, 0.6)
    learn: Range = (0.05, 0.3)
    guess: Range = (0.1, 0.3)
    slip: Range = (0.05, 0.15)
    forget: Range = (0.0, 0.0)
    ability: float = 0.0  # spread (sd, in log-odds) of learners' ability: BKT has none


SHAPES = {
    shape.name: shape
    for shape in (
        # A few hundred learners with several hundred responses each over about a hundred
        # skills, mostly right (about 77 %): the unseen file of issue 16.
        Shape("long", learners=300, responses=400, skills=100, block=6, prior=(0.4, 0.8)),
        # The same, from learners of unequal ability (real logs are): not a BKT model.
        Shape(
            "long_uneven",
            learners=300,
            responses=400,
            skills=100,
            block=6,
            prior=(0.4, 0.8),
            ability=1.0,
        ),
        # Long runs on one skill (mastery-learning practice): sequences of 40 on average.
        Shape(
            "long_runs",
            learners=300,
            responses=400,
            skills=100,
            block=40,
            prior=(0.4, 0.8),
            ability=1.0,
        ),
        Shape("many_short", learners=6000, responses=12, skills=20, block=4),
        Shape("high_base", learners=1500, responses=40, skills=20, block=5, prior=(0.7, 0.95)),
        Shape(
            "low_base",
            learners=1500,
            responses=40,
            skills=20,
            block=5,
            prior=(0.02, 0.15),
            learn=(0.02, 0.12),
        ),
        Shape("high_guess", learners=1500, responses=40, skills=20, block=5, guess=(0.3, 0.45)),
        Shape("forgetting", learners=1500, responses=40, skills=20, block=5, forget=(0.02, 0.1)),
    )
}


@dataclass(frozen=True, eq=False)
class SimulatedLog:
    """Responses in time order per learner (rows as a log file has them), with the truth."""

    learner: IntArray
    skill: IntArray
    correct: BoolArray
    mastered: BoolArray  # the hidden state when the response was given
    params: tuple[BKTParams, ...]  # by skill

    @property
    def base_rate(self) -> float:
        return float(self.correct.mean()) if self.correct.size else float("nan")


def drawn_parameters(shape: Shape, rng: np.random.Generator) -> tuple[BKTParams, ...]:
    def draw(bounds: Range) -> FloatArray:
        return rng.uniform(bounds[0], bounds[1], shape.skills)

    columns = [draw(r) for r in (shape.prior, shape.learn, shape.guess, shape.slip, shape.forget)]
    return tuple(
        BKTParams(prior=p, learn=lrn, guess=g, slip=s, forget=f)
        for p, lrn, g, s, f in zip(*(c.tolist() for c in columns), strict=True)
    )


def simulated_log(shape: Shape, *, seed: int = 0) -> SimulatedLog:
    """A log of ``shape`` drawn with ``seed`` (the same seed gives the same log)."""
    rng = np.random.default_rng(seed)
    params = drawn_parameters(shape, rng)
    table = np.array([[p.prior, p.learn, p.guess, p.slip, p.forget] for p in params])
    size = shape.learners * shape.responses
    learner = np.repeat(np.arange(shape.learners, dtype=np.int64), shape.responses)
    skill = _skills_in_blocks(shape, rng)
    # Every learner starts each skill mastered or not, drawn from its prior.
    state = rng.random((shape.learners, shape.skills)) < table[:, 0]
    ability = rng.normal(0.0, shape.ability, shape.learners) if shape.ability else None
    draws = rng.random((size, 2))
    correct = np.empty(size, dtype=np.bool_)
    mastered = np.empty(size, dtype=np.bool_)
    everyone = np.arange(shape.learners)
    for step in range(shape.responses):  # every learner's step-th response at once
        rows = everyone * shape.responses + step
        k = skill[rows]
        known = state[everyone, k]
        _, learn, guess, slip, forget = table[k].T
        mastered[rows] = known
        chance = np.where(known, 1.0 - slip, guess)
        if ability is not None:  # a stronger learner answers right more often in both states
            chance = 1.0 / (1.0 + (1.0 / chance - 1.0) * np.exp(-ability))
        correct[rows] = draws[rows, 0] < chance
        state[everyone, k] = np.where(known, draws[rows, 1] >= forget, draws[rows, 1] < learn)
    return SimulatedLog(
        learner=learner, skill=skill, correct=correct, mastered=mastered, params=params
    )


def _skills_in_blocks(shape: Shape, rng: np.random.Generator) -> IntArray:
    """Each learner's skill per response: runs of one skill with geometric lengths. A
    learner has at most one run per response, so that many runs are drawn and each
    response looks up the run it falls in (one sorted search over all learners)."""
    learners, responses = shape.learners, shape.responses
    lengths = rng.geometric(1.0 / shape.block, (learners, responses))
    run_skill = rng.integers(shape.skills, size=(learners, responses))
    stride = responses + 1  # keeps each learner's run ends apart from the next learner's
    offsets = np.arange(learners)[:, None] * stride
    ends = (np.minimum(np.cumsum(lengths, axis=1), responses) + offsets).ravel()
    wanted = (np.arange(responses)[None, :] + offsets).ravel()
    run = np.searchsorted(ends, wanted, side="right")
    return run_skill.ravel()[run].astype(np.int64)
