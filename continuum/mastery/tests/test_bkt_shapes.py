"""BKT on data of every shape (issue 16): drawn from known parameters, the fit recovers
them and predicts unseen learners about as well as the parameters that made the data."""

from __future__ import annotations

import numpy as np
import pytest

from continuum.mastery.bkt import BKTParams, fitted_parameters, mastery_trace
from continuum.mastery.bkt_simulate import SHAPES, Shape, simulated_log

NAMES = ("prior", "learn", "guess", "slip", "forget")
# Shapes drawn from BKT itself; the others (learners of unequal ability) have no true BKT
# parameters to recover, only predictions to make.
BKT_SHAPES = {name: shape for name, shape in SHAPES.items() if not shape.ability}


def _auc(correct: np.ndarray, predicted: np.ndarray) -> float:
    """Mann-Whitney AUC with tied predictions sharing their rank."""
    order = np.argsort(predicted, kind="stable")
    _, first, counts = np.unique(predicted[order], return_index=True, return_counts=True)
    ranks = np.repeat(first + (counts + 1) / 2.0, counts)
    right = correct[order]
    n_right, n_wrong = int(right.sum()), int((~right).sum())
    return float((ranks[right].sum() - n_right * (n_right + 1) / 2) / (n_right * n_wrong))


@pytest.mark.parametrize("shape", BKT_SHAPES.values(), ids=BKT_SHAPES.keys())
def test_the_fit_recovers_the_parameters_that_made_the_data(shape: Shape) -> None:
    log = simulated_log(shape, seed=1)
    fit = fitted_parameters(
        log.correct, learner=log.learner, target=log.skill, forgetting=shape.forget[1] > 0
    )
    errors = np.array(
        [
            [abs(getattr(fit.params[k], n) - getattr(truth, n)) for n in NAMES]
            for k, truth in enumerate(log.params)
        ]
    )
    typical = dict(zip(NAMES, np.median(errors, axis=0).tolist(), strict=True))
    assert max(typical.values()) < 0.05, typical


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_the_fit_predicts_unseen_learners_almost_as_well_as_the_truth(shape: Shape) -> None:
    log = simulated_log(shape, seed=2)
    test = log.learner >= int(shape.learners * 0.8)
    fit = fitted_parameters(
        log.correct[~test],
        learner=log.learner[~test],
        target=log.skill[~test],
        forgetting=shape.forget[1] > 0,
    )

    def auc_of(table: list[BKTParams]) -> float:
        trace = mastery_trace(
            table, log.correct[test], learner=log.learner[test], target=log.skill[test]
        )
        return _auc(log.correct[test], trace.p_correct)

    fitted = auc_of([fit.params[k] for k in range(shape.skills)])
    assert fitted >= auc_of(list(log.params)) - 0.005


def test_the_shapes_look_like_their_names() -> None:
    rates = {name: simulated_log(shape, seed=3).base_rate for name, shape in SHAPES.items()}
    assert 0.74 <= rates["long"] <= 0.80  # the unseen file of issue 16 is about 77 % correct
    assert rates["high_base"] > rates["many_short"] > rates["low_base"]
    long = simulated_log(SHAPES["long"], seed=3)
    assert np.bincount(long.learner).min() == 400
    first = simulated_log(SHAPES["many_short"], seed=4)
    assert np.array_equal(first.correct, simulated_log(SHAPES["many_short"], seed=4).correct)
