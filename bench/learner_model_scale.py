"""How long the logistic learner model takes to fit a million responses on one core.

    taskset -c 0 python -m bench.learner_model_scale --data A.csv.gz [--data B.csv.gz]
        [--responses N]

The files (kt/ format) are stacked, each student id prefixed with its file, and the stack
is repeated under new student ids until it holds at least N responses (default one
million); item ids stay those of their file, so items keep their difficulty across copies.
The features and one fit are timed apart (wall and CPU) and printed as JSON. `taskset -c 0`
keeps every thread (the BLAS ones too) on one core.
"""

from __future__ import annotations

import argparse
import json
import time

import pandas as pd

from bench.bkt import COLUMNS, machine
from bench.learner_model import features_of
from continuum.mastery import learner_model


def stacked(paths: list[str], responses: int) -> pd.DataFrame:
    frames = []
    for n, path in enumerate(paths):
        frame = pd.read_csv(path, usecols=COLUMNS, dtype=str, keep_default_na=False)
        frame["student_id"] = f"{n}:" + frame["student_id"]
        frame["item_id"] = frame["item_id"].where(
            frame["item_id"] == "", f"{n}:" + frame["item_id"]
        )
        frame["skill_id"] = f"{n}:" + frame["skill_id"]
        frames.append(frame)
    one = pd.concat(frames, ignore_index=True)
    one["correct"] = one["correct"].astype(int)
    copies: list[pd.DataFrame] = []
    total = 0
    while total < responses:
        copy = one.copy()
        copy["student_id"] = f"copy{len(copies)}:" + copy["student_id"]
        copies.append(copy)
        total += len(copy)
    return pd.concat(copies, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.learner_model_scale")
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--responses", type=int, default=1_000_000)
    args = parser.parse_args()
    frame = stacked(args.data, args.responses)
    wall, cpu = time.perf_counter(), time.process_time()
    features = features_of(frame)
    features_wall, features_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    model = learner_model.fitted_model(features)
    print(
        json.dumps(
            {
                "rows": len(frame),
                "responses": int(features.correct.size),
                "feature_columns": int(features.matrix.shape[1]),
                "features_wall_s": features_wall,
                "features_cpu_s": features_cpu,
                "fit_wall_s": time.perf_counter() - wall,
                "fit_cpu_s": time.process_time() - cpu,
                "iterations": model.iterations,
                "converged": model.converged,
                "machine": machine(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
