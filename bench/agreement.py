"""Benchmark: agreement statistics for 100 raters × 1,000 samples, against the peers.

    python -m bench.agreement [--raters 100] [--units 1000] [--repeat 3] [--json OUT]
                              [--results bench/RESULTS.md]

Synthetic calibration data: each sample has a true level 1–4, each rater a severity
(normal, sd 0.3 levels) and every score noise (sd 0.6), rounded into 1–4 — so raters mostly
agree, sometimes by one level, rarely by two. Two data sets: every rater scores every
sample, and the same with 30 % of the scores missing at random.

Continuum (``continuum.mastery.agreement``) is timed on one core (the process is pinned
and BLAS held to one thread): Krippendorff's alpha at each level, its 1,000-resample
bootstrap interval, Fleiss' kappa, Cohen's kappa for every pair of raters (4,950 pairs),
exact and adjacent agreement, and everything a calibration reports together. The peers on
the same data: the ``krippendorff`` package (alpha) and statsmodels (``fleiss_kappa`` on
its ``aggregate_raters`` table; ``cohens_kappa`` once per pair on that pair's table, which
is how it is called). Every figure is compared with the peer's. Each time is the best of
``--repeat`` runs, wall and CPU. ``--results`` rewrites only this section of RESULTS.md.
"""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # one core: BLAS must not start threads of its own

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from functools import partial  # noqa: E402
from importlib import metadata  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import krippendorff  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402
from statsmodels.stats import inter_rater  # noqa: E402

from bench.results import section_replace  # noqa: E402
from continuum.mastery.agreement import (  # noqa: E402
    Level,
    Weights,
    agreement_summary,
    alpha_interval,
    cohen_kappas,
    fleiss_kappa,
    krippendorff_alpha,
    pair_agreement,
    ratings_from_columns,
)

HEADING = "## Agreement statistics"
LEVELS = 4


def scores(raters: int, units: int, missing: float, seed: int = 0) -> np.ndarray:
    """A raters × units matrix of levels 1–4, NaN where a score is missing."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, LEVELS + 1, size=units)
    severity = rng.normal(0, 0.3, size=(raters, 1))
    noisy = truth + severity + rng.normal(0, 0.6, size=(raters, units))
    matrix = np.clip(np.rint(noisy), 1, LEVELS)
    matrix[rng.random(matrix.shape) < missing] = np.nan
    return matrix


def best(repeat: int, work: Callable[[], Any]) -> tuple[Any, float, float]:
    """The result, and the best wall and CPU seconds of ``repeat`` runs."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return result, min(walls), min(cpus)


def _peer_cohen(matrix: np.ndarray, weights: str) -> np.ndarray:
    raters = matrix.shape[0]
    kappa = np.full((raters, raters), np.nan)
    ranks = np.where(np.isnan(matrix), -1, matrix - 1).astype(np.int64)
    for a in range(raters):
        for b in range(a + 1, raters):
            both = (ranks[a] >= 0) & (ranks[b] >= 0)
            table = np.bincount(
                ranks[a, both] * LEVELS + ranks[b, both], minlength=LEVELS * LEVELS
            ).reshape(LEVELS, LEVELS)
            wt = None if weights == "unweighted" else weights
            kappa[a, b] = kappa[b, a] = inter_rater.cohens_kappa(table, wt=wt, return_results=False)
    return kappa


def _close(ours: Any, theirs: Any) -> bool:
    return bool(np.allclose(ours, theirs, rtol=1e-9, atol=1e-12, equal_nan=True))


def run_one(matrix: np.ndarray, repeat: int) -> dict[str, Any]:
    rater, unit = np.nonzero(~np.isnan(matrix))
    given = matrix[rater, unit]
    ratings, wall, cpu = best(
        repeat, lambda: ratings_from_columns(rater, unit, given, values=[1, 2, 3, 4])
    )
    rows: list[dict[str, Any]] = [
        {"task": "read the scores (ratings_from_columns)", "wall": wall, "cpu": cpu}
    ]

    def add(task: str, ours: Callable[[], Any], peer: Callable[[], Any] | None) -> None:
        value, wall, cpu = best(repeat, ours)
        row: dict[str, Any] = {"task": task, "wall": wall, "cpu": cpu}
        if peer is not None:
            theirs, peer_wall, peer_cpu = best(repeat, peer)
            row |= {"peer_wall": peer_wall, "peer_cpu": peer_cpu, "agree": _close(value, theirs)}
        rows.append(row)

    for level in Level:
        add(
            f"Krippendorff's alpha, {level}",
            partial(krippendorff_alpha, ratings, level),
            partial(krippendorff.alpha, reliability_data=matrix, level_of_measurement=level.value),
        )
    add(
        "alpha's bootstrap interval, ordinal, 1,000 resamples",
        lambda: alpha_interval(ratings, Level.ORDINAL),
        None,
    )
    complete = not np.isnan(matrix).any()
    add(
        "Fleiss' kappa" + ("" if complete else " (not defined: units differ in scores)"),
        lambda: fleiss_kappa(ratings),
        (lambda: inter_rater.fleiss_kappa(inter_rater.aggregate_raters(matrix.T.astype(int))[0]))
        if complete
        else None,
    )
    weightings: tuple[Weights, ...] = ("linear", "quadratic")
    for weights in weightings:
        add(
            f"Cohen's kappa, {weights}, every pair of raters",
            partial(cohen_kappas, ratings, weights),
            partial(_peer_cohen, matrix, weights),
        )
    add("exact and adjacent agreement", lambda: pair_agreement(ratings), None)

    def everything() -> Any:
        read = ratings_from_columns(rater, unit, given, values=[1, 2, 3, 4])
        return agreement_summary(read, Level.ORDINAL), cohen_kappas(read, "linear")

    add(
        "**end to end: read the scores, then everything a calibration reports** (ordinal "
        "alpha with its interval, Fleiss, exact and adjacent, linear Cohen's kappa per pair)",
        everything,
        None,
    )
    return {"scores": int(given.shape[0]), "rows": rows}


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory_gib": round(memory, 1),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "krippendorff": metadata.version("krippendorff"),
        "statsmodels": metadata.version("statsmodels"),
        "load_average": os.getloadavg(),
    }


def markdown(result: dict[str, Any], command: str) -> str:
    m = result["machine"]
    start = ", ".join(f"{x:.1f}" for x in m["load_average"])
    end = ", ".join(f"{x:.1f}" for x in result["load_average_end"])
    lines = [
        HEADING,
        "",
        f"`{command}` — {result['raters']} raters × {result['units']:,} samples, levels 1–4.",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB; Python {m['python']}, "
        f"NumPy {m['numpy']}, SciPy {m['scipy']}, krippendorff {m['krippendorff']}, "
        f"statsmodels {m['statsmodels']}. Pinned to one core ({result['pinned']}), BLAS one "
        f"thread. Best of {result['repeat']} runs of each step; CPU time is this process's.",
        f"Load average (1, 5, 15 min): {start} at the start, {end} at the end.",
        "",
    ]
    if max(m["load_average"][0], result["load_average_end"][0]) > 1.0:
        lines += [
            "**The machine was busy while this ran** (load above one core's worth, other "
            "work sharing the cores): wall times are inflated and only the CPU times and "
            "ratios are indicative. Re-run on an idle machine for figures to quote.",
            "",
        ]
    for name, data in result["data"].items():
        lines += [
            f"**{name}** ({data['scores']:,} scores)",
            "",
            "| statistic | Continuum s (wall / CPU) | peer s (wall / CPU) | peer ÷ Continuum (wall) | agree |",
            "|---|---:|---:|---:|---|",
        ]
        for row in data["rows"]:
            ours = f"{row['wall']:.4f} / {row['cpu']:.4f}"
            if "peer_wall" in row:
                peer = f"{row['peer_wall']:.4f} / {row['peer_cpu']:.4f}"
                ratio = f"{row['peer_wall'] / row['wall']:.1f}×"
                agree = "yes" if row["agree"] else "**no**"
            else:
                peer, ratio, agree = "no peer", "", ""
            lines.append(f"| {row['task']} | {ours} | {peer} | {ratio} | {agree} |")
        end_to_end = data["rows"][-1]
        verdict = "met" if end_to_end["wall"] < 1.0 else "**not met**"
        lines += [
            "",
            f"Target (everything under 1 s on one core): {verdict} — end to end "
            f"{end_to_end['wall']:.3f} s wall, {end_to_end['cpu']:.3f} s CPU.",
            "",
        ]
    lines += [
        "Peers: `krippendorff` (alpha, from the raters × samples matrix); statsmodels "
        "`fleiss_kappa` on `aggregate_raters`' table, and `cohens_kappa` called once per "
        "pair on that pair's 4 × 4 table (4,950 calls). Neither offers a bootstrap interval "
        "or exact/adjacent agreement. “agree”: every value equal within a relative 1e-9. "
        "Continuum's rows between the first and the last start from the scores already read "
        "(`Ratings`, the first row), the peers' from their own input, the raters × samples "
        "matrix; the last row is Continuum end to end from the three score columns.",
    ]
    return "\n".join(lines)


def pin() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"core {core}"
    return "not pinned: no sched_setaffinity here"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raters", type=int, default=100)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--results", type=Path)
    args = parser.parse_args(argv)
    result: dict[str, Any] = {
        "machine": machine(),
        "pinned": pin(),
        "raters": args.raters,
        "units": args.units,
        "repeat": args.repeat,
        "data": {},
    }
    for name, missing in (
        ("Every rater scores every sample", 0.0),
        ("30 % of scores missing", 0.3),
    ):
        result["data"][name] = run_one(scores(args.raters, args.units, missing), args.repeat)
    result["load_average_end"] = os.getloadavg()
    command = "python -m bench.agreement " + " ".join(argv if argv is not None else sys.argv[1:])
    text = markdown(result, command.strip())
    print(text)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    if args.results:
        section_replace(args.results, HEADING, text)


if __name__ == "__main__":
    main()
