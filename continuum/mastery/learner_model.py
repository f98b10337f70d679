"""An explainable logistic learner model: P(right answer) from named features.

logit P(right) = Σ weight × feature, with the features of `lr_features` (item difficulty,
skills practised, earlier right and wrong answers per skill and overall, recency). Each
prediction is therefore a sum a teacher can read: "this item is harder than most (−0.8),
three right answers on fractions so far (+0.6), …" (`contributions`).

Fitting is L2-regularised maximum likelihood (the intercept is not penalised) by L-BFGS.
Item columns are sparse and rare items are seen a handful of times, which leaves the
problem badly scaled; each column is rescaled by its curvature at the start (Jacobi
preconditioning), which cut the iterations needed on ASSISTments 2009 about tenfold. The
penalty is applied to the original weights, so the optimum is the same one scikit-learn's
`LogisticRegression(C=1/strength)` finds on the same matrix.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.optimize import minimize
from scipy.special import expit

from continuum.mastery.bkt_layout import FloatArray
from continuum.mastery.lr_features import Features

STRENGTH = 3.0  # L2 penalty; 1–3 gave the best held-out AUC on both shared files
MAX_ITERATIONS = 500


@dataclass(frozen=True, eq=False)
class LearnerModel:
    weights: FloatArray  # one per feature column; column 0 is the intercept
    iterations: int
    converged: bool


@dataclass(frozen=True)
class Contribution:
    feature: str
    about: int | None  # the skill or item code the feature is about, if any
    logit: float  # weight × value: what this feature adds to the log-odds


def fitted_model(
    features: Features,
    *,
    responses: npt.NDArray[np.bool_] | None = None,
    strength: float = STRENGTH,
    max_iterations: int = MAX_ITERATIONS,
) -> LearnerModel:
    """The weights maximising the penalised likelihood of the answers given (of the
    `responses` chosen, e.g. the training learners')."""
    x, y = features.matrix, features.correct
    if responses is not None:
        x, y = x[responses], y[responses]
    if y.size == 0:
        raise ValueError("a learner model needs at least one response")
    curvature = 0.25 * np.asarray(x.multiply(x).sum(axis=0)).ravel()
    scale = 1.0 / np.sqrt(curvature + strength)
    scale[0] = 1.0 / np.sqrt(curvature[0] or 1.0)
    penalty = strength * scale * scale
    penalty[0] = 0.0
    scaled = (x @ sp.diags(scale)).tocsr()
    sign = 2.0 * y - 1.0

    def objective(v: FloatArray) -> tuple[float, FloatArray]:
        margin = sign * (scaled @ v)
        loss = float(np.logaddexp(0.0, -margin).sum() + 0.5 * (penalty * v) @ v)
        gradient = scaled.T @ (-sign * expit(-margin)) + penalty * v
        return loss, gradient

    found = minimize(
        objective,
        np.zeros(x.shape[1]),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iterations},
    )
    return LearnerModel(
        weights=found.x * scale, iterations=int(found.nit), converged=bool(found.success)
    )


def p_correct(model: LearnerModel, features: Features) -> FloatArray:
    """P(right) for every response of `features` (not every log row: see `per_row`)."""
    p: FloatArray = expit(features.matrix @ model.weights)
    return p


def per_row(features: Features, per_response: FloatArray) -> FloatArray:
    """Per-response values repeated for each log row of the response."""
    return per_response[features.response_of_row]


def contributions(model: LearnerModel, features: Features, response: int) -> list[Contribution]:
    """What each non-zero feature adds to one prediction's log-odds, largest first; their
    sum is the prediction's logit."""
    row = features.matrix.getrow(response)
    parts = [
        Contribution(*features.column_name(int(column)), logit=float(value * model.weights[column]))
        for column, value in zip(row.indices, row.data, strict=True)
        if value * model.weights[column] != 0.0
    ]
    return sorted(parts, key=lambda part: -abs(part.logit))
