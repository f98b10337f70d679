"""Knowledge-tracing benchmark: Continuum's BKT against pyBKT on the same split.

    python -m bench.bkt --data ../shared/data/kt/assist2009.csv.gz [--json OUT]
    python -m bench.bkt --synthetic long [--seed 0] [--json OUT]

``--synthetic SHAPE`` replaces the file by a log drawn from known BKT parameters in one of
the shapes of ``continuum/mastery/bkt_simulate.py`` (same columns, same protocol), so the
two peers can be compared on data shaped unlike the shared files.

Protocol (../shared/data/README.md): students sorted, permuted with
numpy.random.default_rng(42), the first 80 % train; rows stay in file order; one model per
skill; every test response is predicted from that student's earlier responses on the skill;
AUC and RMSE pooled over all test responses. pyBKT runs in its own venv
(scripts/bench-peer-venv.sh) through bench/peer_pybkt.py, reading the same split.

The logistic learner model (``bench/learner_model.py``) runs on the same split and is
reported as ``continuum_lr`` (AUC, RMSE, ECE over 10 bins, fit and predict time), beside
scikit-learn's LogisticRegression fitted on the same features with the same penalty
(``sklearn_lr``, in the peer venv); ``--no-lr`` skips both.

Timing: each fit and predict runs `--repeat` times and the median wall time is reported,
for both peers alike. Continuum's fit starts from integer-coded columns, as the app stores
them; the string-to-code step is timed apart as `encode_s`. pyBKT's fit starts from its
DataFrame, the input its API takes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from bench import learner_model
from continuum.mastery import bkt
from continuum.mastery.bkt_simulate import SHAPES, simulated_log

PEER_PYTHON = Path(__file__).resolve().parent / ".peer-venv" / "bin" / "python"
PEER_SCRIPT = Path(__file__).resolve().parent / "peer_pybkt.py"
COLUMNS = ["student_id", "seq", "item_id", "skill_id", "skill_name", "correct", "source_file"]


def auc(correct: np.ndarray, predicted: np.ndarray) -> float:
    """Area under the ROC curve from average ranks (tied predictions share their rank)."""
    order = np.argsort(predicted, kind="stable")
    ordered = predicted[order]
    _, first, counts = np.unique(ordered, return_index=True, return_counts=True)
    ranks = np.repeat(first + (counts + 1) / 2.0, counts)
    positive = correct[order].astype(bool)
    n_pos = int(positive.sum())
    n_neg = correct.shape[0] - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs both correct and wrong responses")
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def rmse(correct: np.ndarray, predicted: np.ndarray) -> float:
    return float(np.sqrt(np.mean((correct - predicted) ** 2)))


def paired_auc_interval(
    correct: np.ndarray,
    ours: np.ndarray,
    theirs: np.ndarray,
    students: np.ndarray,
    *,
    draws: int = 200,
    seed: int = 0,
) -> tuple[float, float]:
    """95 % interval of AUC(ours) − AUC(theirs) over a bootstrap of the test students.

    Students, not responses, are resampled (a student's responses are not independent),
    and both models are scored on the same draw, so the interval says whether a
    difference in pooled AUC is larger than the sampling noise of this split."""
    _, student = np.unique(students, return_inverse=True)
    count = int(student.max()) + 1
    rng = np.random.default_rng(seed)
    differences = np.empty(draws)
    for draw in range(draws):
        copies = np.bincount(rng.integers(0, count, count), minlength=count)
        rows = np.repeat(np.arange(correct.shape[0]), copies[student])
        differences[draw] = auc(correct[rows], ours[rows]) - auc(correct[rows], theirs[rows])
    low, high = np.percentile(differences, [2.5, 97.5])
    return float(low), float(high)


def split(frame: pd.DataFrame) -> np.ndarray:
    """True for training rows: the first 80 % of the students after a seeded permutation."""
    students = np.unique(frame["student_id"].to_numpy())
    permuted = students[np.random.default_rng(42).permutation(students.shape[0])]
    train_students = permuted[: int(0.8 * students.shape[0])]
    return frame["student_id"].isin(train_students).to_numpy()


def timed(repeat: int, run: Callable[[], Any]) -> tuple[Any, list[float]]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return result, times


def run_continuum(
    frame: pd.DataFrame, train: np.ndarray, fallback: float, *, forgetting: bool, repeat: int
) -> tuple[np.ndarray, dict[str, Any]]:
    encode_started = time.perf_counter()
    learner = pd.factorize(frame["student_id"])[0].astype(np.int64)
    skill, skills = pd.factorize(frame["skill_id"])
    skill = skill.astype(np.int64)
    encode_s = time.perf_counter() - encode_started
    correct = frame["correct"].to_numpy().astype(np.int64)
    test = ~train
    l_train, s_train, c_train = learner[train], skill[train], correct[train]
    fit, fit_times = timed(
        repeat,
        lambda: bkt.fitted_parameters(
            c_train, learner=l_train, target=s_train, forgetting=forgetting, seed=42
        ),
    )
    l_test, s_test, c_test = learner[test], skill[test], correct[test]

    def predict() -> np.ndarray:
        known = np.isin(s_test, np.fromiter(fit.params, dtype=np.int64))
        table = [fit.params.get(k, bkt.BKTParams(0.5, 0.0, 0.5, 0.5)) for k in range(len(skills))]
        trace = bkt.mastery_trace(table, c_test[known], learner=l_test[known], target=s_test[known])
        out = np.full(c_test.shape[0], fallback)
        out[known] = trace.p_correct
        return out

    predicted, predict_times = timed(repeat, predict)
    return predicted, {
        "fit_s": statistics.median(fit_times),
        "predict_s": statistics.median(predict_times),
        "fit_s_all": fit_times,
        "predict_s_all": predict_times,
        "encode_s": encode_s,
        "em_iterations": fit.iterations,
        "log_likelihood": float(sum(fit.log_likelihood.values())),
    }


def run_pybkt(
    workdir: Path, n_test: int, fallback: float, *, forgets: bool, repeat: int
) -> tuple[np.ndarray, dict[str, Any]]:
    out = workdir / f"pybkt_{'forgets' if forgets else 'bkt'}.npy"
    runs = []
    for _ in range(repeat):
        command = [str(PEER_PYTHON), str(PEER_SCRIPT), "--train", str(workdir / "train.csv")]
        command += ["--test", str(workdir / "test.csv"), "--predictions", str(out)]
        if forgets:
            command.append("--forgets")
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        runs.append(json.loads(done.stdout))
    predicted = np.load(out)
    assert predicted.shape == (n_test,)
    predicted = np.where(np.isnan(predicted), fallback, predicted)
    first = runs[0]
    return predicted, {
        "fit_s": statistics.median(r["fit_s"] for r in runs),
        "predict_s": statistics.median(r["predict_s"] for r in runs),
        "fit_s_all": [r["fit_s"] for r in runs],
        "predict_s_all": [r["predict_s"] for r in runs],
        "version": first["version"],
        "numpy": first["numpy"],
        "python": first["python"],
    }


def machine() -> dict[str, Any]:
    model = ""
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    if Path("/proc/meminfo").exists():
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split(":", 1)[1].strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory": memory,
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
    }


def synthetic_frame(shape: str, seed: int) -> pd.DataFrame:
    """A simulated log in the kt/ columns (ids as strings, as read from a file)."""
    log = simulated_log(SHAPES[shape], seed=seed)
    learner = log.learner.astype(str)
    return pd.DataFrame(
        {
            "student_id": learner,
            "seq": pd.Series(learner).groupby(learner).cumcount().to_numpy(),
            "item_id": "",
            "skill_id": log.skill.astype(str),
            "skill_name": "",
            "correct": log.correct.astype(np.int64),
            "source_file": f"synthetic:{shape}:{seed}",
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bkt", description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", help="CSV or CSV.gz in the kt/ format")
    source.add_argument("--synthetic", choices=sorted(SHAPES), help="a simulated log's shape")
    parser.add_argument("--seed", type=int, default=0, help="with --synthetic: the draw")
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--no-peer", action="store_true", help="skip pyBKT")
    parser.add_argument("--no-forgetting", action="store_true", help="skip the forgetting variants")
    parser.add_argument("--no-lr", action="store_true", help="skip the logistic learner model")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per fit (median)")
    args = parser.parse_args(argv)
    if not args.no_peer and not PEER_PYTHON.exists():
        print(
            f"pyBKT's venv is missing ({PEER_PYTHON}). Build it with scripts/bench-peer-venv.sh, "
            "or pass --no-peer to skip pyBKT.",
            file=sys.stderr,
        )
        return 2

    frame = (
        synthetic_frame(args.synthetic, args.seed)
        if args.synthetic
        else pd.read_csv(
            args.data,
            usecols=COLUMNS,
            dtype={"student_id": str, "skill_id": str, "correct": np.int64},
            keep_default_na=False,
        )
    )
    train = split(frame)
    correct = frame["correct"].to_numpy()
    y_test = correct[~train].astype(np.float64)
    fallback = float(correct[train].mean())  # both peers' prediction for a skill unseen in training
    train_skills = set(frame.loc[train, "skill_id"])
    unseen = int((~frame.loc[~train, "skill_id"].isin(train_skills)).sum())
    results: dict[str, Any] = {
        "data": str(args.data) if args.data else f"synthetic:{args.synthetic}:{args.seed}",
        "rows": len(frame),
        "train_rows": int(train.sum()),
        "test_rows": int((~train).sum()),
        "students": int(frame["student_id"].nunique()),
        "skills": int(frame["skill_id"].nunique()),
        "test_rows_of_unseen_skills": unseen,
        "machine": machine(),
    }

    predictions: dict[str, np.ndarray] = {}
    variants = [("continuum", False)] + (
        [] if args.no_forgetting else [("continuum_forgetting", True)]
    )
    for key, forgetting in variants:
        predicted, stats = run_continuum(
            frame, train, fallback, forgetting=forgetting, repeat=args.repeat
        )
        results[key] = {"auc": auc(y_test, predicted), "rmse": rmse(y_test, predicted), **stats}
        predictions[key] = predicted

    lr: tuple[learner_model.Features, np.ndarray] | None = None
    if not args.no_lr:
        predicted, stats, features, trained = learner_model.run(
            frame, train, repeat=args.repeat, timed=timed
        )
        results["continuum_lr"] = {
            "auc": auc(y_test, predicted),
            "rmse": rmse(y_test, predicted),
            "ece": learner_model.expected_calibration_error(y_test, predicted),
            **stats,
        }
        predictions["continuum_lr"] = predicted
        lr = (features, trained)

    if not args.no_peer:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            peer = pd.DataFrame(
                {
                    "order_id": np.arange(len(frame)),
                    "user_id": frame["student_id"],
                    "skill_name": frame["skill_id"],
                    "correct": correct,
                }
            )
            peer[train].to_csv(workdir / "train.csv", index=False)
            peer[~train].to_csv(workdir / "test.csv", index=False)
            peers = [("pybkt", False)] + ([] if args.no_forgetting else [("pybkt_forgets", True)])
            for key, forgets in peers:
                predicted, stats = run_pybkt(
                    workdir, len(y_test), fallback, forgets=forgets, repeat=args.repeat
                )
                results[key] = {
                    "auc": auc(y_test, predicted),
                    "rmse": rmse(y_test, predicted),
                    **stats,
                }
                predictions[key] = predicted
            if lr:
                features, trained = lr
                predicted, stats = learner_model.run_sklearn(
                    PEER_PYTHON, workdir, features, trained, train
                )
                results["sklearn_lr"] = {
                    "auc": auc(y_test, predicted),
                    "rmse": rmse(y_test, predicted),
                    **stats,
                }
                predictions["sklearn_lr"] = predicted
        pairs = [
            ("continuum", "pybkt"),
            ("continuum_forgetting", "pybkt_forgets"),
            ("continuum_lr", "continuum_forgetting"),
            ("continuum_lr", "pybkt_forgets"),
            ("continuum_lr", "sklearn_lr"),
        ]
        results["ratios"] = {
            f"{ours}/{theirs}": {
                "auc_diff": results[ours]["auc"] - results[theirs]["auc"],
                "auc_diff_95": paired_auc_interval(
                    y_test,
                    predictions[ours],
                    predictions[theirs],
                    frame["student_id"].to_numpy()[~train],
                ),
                "fit_time_ratio": results[ours]["fit_s"] / results[theirs]["fit_s"],
                "predict_time_ratio": results[ours]["predict_s"] / results[theirs]["predict_s"],
            }
            for ours, theirs in pairs
            if ours in results and theirs in results
        }

    for key in (
        "continuum",
        "pybkt",
        "continuum_forgetting",
        "pybkt_forgets",
        "continuum_lr",
        "sklearn_lr",
    ):
        if key in results:
            r = results[key]
            print(
                f"{key:22} AUC {r['auc']:.4f}  RMSE {r['rmse']:.4f}  "
                f"fit {r['fit_s']:.3f} s  predict {r['predict_s']:.3f} s"
            )
    for name, ratio in results.get("ratios", {}).items():
        print(
            f"{name:36} AUC {ratio['auc_diff']:+.4f} (95 % {ratio['auc_diff_95'][0]:+.4f} to "
            f"{ratio['auc_diff_95'][1]:+.4f})  fit x{ratio['fit_time_ratio']:.3f}  "
            f"predict x{ratio['predict_time_ratio']:.3f}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
