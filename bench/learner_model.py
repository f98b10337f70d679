"""The logistic learner model's part of the knowledge-tracing benchmark (``bench.bkt``).

Same split and protocol as BKT: fit on the training students' responses, predict every
test response from that student's earlier responses (the features only ever look back),
pool AUC over the test rows. Items are used where the file has item ids that are not just
the skill again. scikit-learn's LogisticRegression, fitted in the peer venv on the same
matrix with the same penalty, checks that the fit reaches the same optimum.
"""

from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from continuum.mastery import learner_model
from continuum.mastery.lr_features import Features, response_features

PEER_SCRIPT = Path(__file__).resolve().parent / "peer_sklearn_lr.py"


def features_of(frame: pd.DataFrame) -> Features:
    learner = pd.factorize(frame["student_id"])[0].astype(np.int64)
    skill, skills = pd.factorize(frame["skill_id"])
    items = frame["item_id"].astype(str)
    has_items = bool((items != "").all()) and not (items == frame["skill_id"]).all()
    item, item_ids = pd.factorize(items)
    return response_features(
        learner,
        skill.astype(np.int64),
        frame["correct"].to_numpy().astype(np.int64),
        item=item.astype(np.int64) if has_items else None,
        n_skills=len(skills),
        n_items=len(item_ids) if has_items else 0,
    )


def expected_calibration_error(correct: np.ndarray, predicted: np.ndarray, bins: int = 10) -> float:
    """Mean |observed − predicted| over equal-width probability bins, weighted by size."""
    which = np.minimum((predicted * bins).astype(np.int64), bins - 1)
    size = np.bincount(which, minlength=bins)
    gap = np.abs(
        np.bincount(which, weights=correct, minlength=bins)
        - np.bincount(which, weights=predicted, minlength=bins)
    )
    return float(gap.sum() / size.sum())


def run(
    frame: pd.DataFrame, train: np.ndarray, *, repeat: int, timed: Any
) -> tuple[np.ndarray, dict[str, Any], Features, np.ndarray]:
    """Test-row predictions and stats; the features and training mask for the peer."""
    features, feature_times = timed(1, lambda: features_of(frame))
    trained = np.zeros(features.correct.size, dtype=np.bool_)
    trained[features.response_of_row[train]] = True
    model, fit_times = timed(
        repeat, lambda: learner_model.fitted_model(features, responses=trained)
    )
    predicted, predict_times = timed(
        repeat,
        lambda: learner_model.per_row(features, learner_model.p_correct(model, features))[~train],
    )
    return (
        predicted,
        {
            "fit_s": statistics.median(fit_times),
            "predict_s": statistics.median(predict_times),
            "fit_s_all": fit_times,
            "features_s": feature_times[0],
            "responses": int(features.correct.size),
            "train_responses": int(trained.sum()),
            "feature_columns": int(features.matrix.shape[1]),
            "iterations": model.iterations,
            "converged": model.converged,
            "strength": learner_model.STRENGTH,
        },
        features,
        trained,
    )


def run_sklearn(
    peer_python: Path, workdir: Path, features: Features, trained: np.ndarray, train: np.ndarray
) -> tuple[np.ndarray, dict[str, Any]]:
    """scikit-learn's predictions for the test rows, from the same matrix."""
    matrix = features.matrix[:, 1:].tocsr()  # scikit-learn adds its own (free) intercept
    path = workdir / "lr_features.npz"
    np.savez(
        path,
        data=matrix.data,
        indices=matrix.indices,
        indptr=matrix.indptr,
        shape=np.array(matrix.shape),
        correct=features.correct,
        train=trained,
    )
    out = workdir / "sklearn_lr.npy"
    command = [str(peer_python), str(PEER_SCRIPT), "--features", str(path)]
    command += ["--predictions", str(out), "--strength", str(learner_model.STRENGTH)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    per_response = np.full(features.correct.size, np.nan)
    per_response[~trained] = np.load(out)
    return learner_model.per_row(features, per_response)[~train], json.loads(done.stdout)
