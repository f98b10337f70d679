"""The scikit-learn side of the learner-model benchmark; runs inside bench/.peer-venv.

Reads the feature matrix ``bench/bkt_lr.py`` wrote (``.npz``: the sparse matrix without
its intercept column, the answers, the training mask), fits scikit-learn's
``LogisticRegression(C=1/strength)`` with a free intercept on the training responses (the
same penalised likelihood Continuum's learner model maximises), and writes the test
responses' predictions (``.npy``) and a JSON of timings.
"""

import argparse
import json
import time

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", required=True)
    parser.add_argument("--predictions", required=True)
    parser.add_argument("--strength", type=float, required=True)
    args = parser.parse_args()
    data = np.load(args.features)
    matrix = sp.csr_matrix(
        (data["data"], data["indices"], data["indptr"]), shape=tuple(data["shape"])
    )
    y, train = data["correct"], data["train"]
    model = LogisticRegression(C=1.0 / args.strength, solver="newton-cg", max_iter=1_000, tol=1e-6)
    started = time.perf_counter()
    model.fit(matrix[train], y[train])
    fit_s = time.perf_counter() - started
    started = time.perf_counter()
    predicted = model.predict_proba(matrix[~train])[:, 1]
    predict_s = time.perf_counter() - started
    np.save(args.predictions, predicted)
    print(
        json.dumps(
            {
                "fit_s": fit_s,
                "predict_s": predict_s,
                "iterations": int(model.n_iter_[0]),
                "version": sklearn.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
