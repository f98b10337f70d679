"""The pyBKT side of the knowledge-tracing benchmark; runs inside bench/.peer-venv.

Reads the train and test CSVs that ``bench/bkt.py`` wrote (columns ``order_id, user_id,
skill_name, correct``; ``order_id`` is the row's position in the original file), fits one
pyBKT model per skill with ``Model(seed=42, num_fits=5)``, predicts every test response from
that student's earlier responses on the skill, and writes the predictions (``.npy``, in test
row order) and a JSON of timings. Only this file may import pyBKT.
"""

import argparse
import importlib
import json
import sys
import time

import numpy as np
import pandas as pd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--predictions", required=True, help=".npy written in test row order")
    parser.add_argument("--forgets", action="store_true")
    args = parser.parse_args()

    e_step = importlib.import_module("pyBKT.fit.E_step")
    if not str(getattr(e_step, "__file__", "")).endswith(".so"):
        sys.exit("pyBKT's compiled E-step is missing; rebuild with scripts/bench-peer-venv.sh")
    from pyBKT.models import Model

    dtypes = {"order_id": "int64", "user_id": str, "skill_name": str, "correct": "int64"}
    train = pd.read_csv(args.train, dtype=dtypes, keep_default_na=False)
    test = pd.read_csv(args.test, dtype=dtypes, keep_default_na=False)

    model = Model(seed=42, num_fits=5)
    started = time.perf_counter()
    model.fit(data=train, forgets=args.forgets)
    fit_s = time.perf_counter() - started

    # pyBKT cannot predict a skill it never saw; bench/bkt.py fills those rows for both peers.
    known = test["skill_name"].isin(set(model.fit_model))
    started = time.perf_counter()
    predicted = model.predict(data=test[known])
    predict_s = time.perf_counter() - started

    out = np.full(len(test), np.nan)
    position = pd.Series(np.arange(len(test)), index=test["order_id"].to_numpy())
    out[position.loc[predicted["order_id"].to_numpy()].to_numpy()] = predicted[
        "correct_predictions"
    ].to_numpy()
    np.save(args.predictions, out)
    import pyBKT

    json.dump(
        {
            "fit_s": fit_s,
            "predict_s": predict_s,
            "version": getattr(pyBKT, "__version__", "1.4.3"),
            "numpy": np.__version__,
            "python": sys.version.split()[0],
            "extension": e_step.__file__,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
