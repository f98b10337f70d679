"""Benchmark: every calculation method, Continuum batch vs pandas groupby vs DuckDB SQL.

    python -m bench.rollups [--rows N] [--repeat K] [--json OUT] [--results bench/RESULTS.md]

Generates synthetic evidence (fixed seed; 500 k learners × 200 targets at the default
10 M rows, each learner scored on a skewed subset of targets a few times), checks that the
three engines agree, times each method end to end from unsorted rows, and times the
one-learner-target update (p50/p99). `--results` rewrites only the "## Rollups" section.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from bench.results import section_replace
from continuum.mastery import METHODS, EvidenceColumns, estimate_batch, estimate_one, group
from continuum.mastery.methods.trends import best_fits

PARAMS: dict[str, dict[str, float]] = {
    "weighted_average": {"w": 0.65},
    "decaying_average": {"w": 0.65},
    "power_law": {"floor": 0.1},
    "best_fit": {"floor": 0.1},
    "n_of_m": {"n": 2, "m": 3, "cut": 3.0},
    "median_of_last": {"last": 5},
    "mode_of_last": {"last": 5},
}
SEED = 20250101


def synthetic_evidence(rows: int, seed: int = SEED) -> EvidenceColumns:
    """Unsorted evidence: active learners and popular targets are over-represented, each
    (learner, target) has 1 + Poisson(2) attempts on a 0–4 half-point scale that tends to
    rise with practice."""
    rng = np.random.default_rng(seed)
    learners = max(1, rows // 20)
    targets = 200
    pairs = rows // 3
    activity = rng.gamma(1.5, size=learners)
    popularity = 1.0 / np.arange(1, targets + 1) ** 0.8
    learner = rng.choice(learners, size=pairs, p=activity / activity.sum())
    target = rng.choice(targets, size=pairs, p=popularity / popularity.sum())
    attempts = 1 + rng.poisson(2.0, size=pairs)
    pair = np.repeat(np.arange(pairs), attempts)[:rows]
    attempt = np.arange(pair.shape[0]) - np.repeat(np.cumsum(attempts) - attempts, attempts)[:rows]
    ability = rng.normal(2.2, 0.8, size=pairs)[pair]
    raw = ability + 0.25 * attempt + rng.normal(0, 0.6, size=pair.shape[0])
    score = np.clip(np.round(raw * 2) / 2, 0.0, 4.0)
    day = rng.integers(0, 200, size=pairs)[pair] + 7 * attempt + rng.integers(0, 3, pair.shape[0])
    shuffle = rng.permutation(pair.shape[0])
    n = pair.shape[0]
    return EvidenceColumns(
        learner=learner[pair][shuffle],
        target=target[pair][shuffle],
        score=score[shuffle],
        assessed_at=(np.datetime64("2025-08-20", "s") + day[shuffle] * 86400),
        kind=(rng.random(n) < 0.3).astype(np.int8),
        weight=rng.choice([1.0, 2.0], size=n),
        due_at=np.full(n, np.datetime64("NaT", "s")),
    )


def with_times_of_day(evidence: EvidenceColumns, seed: int = SEED) -> EvidenceColumns:
    """The same evidence assessed at random seconds of its day (same order within a group:
    attempts are days apart), so dates no longer pack into a few bits."""
    seconds = np.random.default_rng(seed).integers(0, 86_400, size=len(evidence))
    return replace(evidence, assessed_at=evidence.assessed_at + seconds)


def pandas_frame(evidence: EvidenceColumns) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "learner": evidence.learner,
            "target": evidence.target,
            "score": evidence.score,
            "weight": evidence.weight,
            "ord": evidence.assessed_at.astype(np.int64),
            "rid": np.arange(len(evidence)),
        }
    )


def pandas_prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort by (learner, target, date, row) and add k (1-based attempt) and n (attempts)."""
    ordered = frame.sort_values(["learner", "target", "ord", "rid"], ignore_index=True)
    grouped = ordered.groupby(["learner", "target"], sort=False)
    ordered["k"] = grouped.cumcount() + 1
    ordered["n"] = grouped["score"].transform("size")
    return ordered


def _pd_tail(df: pd.DataFrame, last: int) -> pd.DataFrame:
    return df[df["k"] > df["n"] - last]


def pandas_method(method: str, df: pd.DataFrame) -> np.ndarray:
    p = PARAMS.get(method, {})
    keys = [df["learner"], df["target"]]
    by = df.groupby(["learner", "target"], sort=False)
    if method == "latest":
        return by["score"].last().to_numpy()
    if method == "highest":
        return by["score"].max().to_numpy()
    if method == "mean":
        return by["score"].mean().to_numpy()
    if method == "weighted_mean":
        return (
            (df["score"] * df["weight"]).groupby(keys, sort=False).sum() / by["weight"].sum()
        ).to_numpy()
    if method == "weighted_average":
        w = p["w"]
        total, latest, n = by["score"].sum(), by["score"].last(), by["score"].size()
        return np.where(
            n == 1, latest, w * latest + (1 - w) * (total - latest) / np.maximum(n - 1, 1)
        )
    if method == "decaying_average":
        w = p["w"]
        share = np.where(df["k"] == 1, (1 - w) ** (df["n"] - 1), w * (1 - w) ** (df["n"] - df["k"]))
        return (df["score"] * share).groupby(keys, sort=False).sum().to_numpy()
    if method in ("median_of_last", "mode_of_last"):
        tail = _pd_tail(df, int(p["last"]))
        if method == "median_of_last":
            return tail.groupby(["learner", "target"], sort=False)["score"].median().to_numpy()
        counts = (
            tail.groupby(["learner", "target", "score"], sort=False).size().reset_index(name="c")
        )
        counts = counts.sort_values(["learner", "target", "c", "score"])
        return counts.groupby(["learner", "target"], sort=False)["score"].last().to_numpy()
    if method == "n_of_m":
        tail = _pd_tail(df, int(p["m"]))
        need = int(p["n"])
        ranked = tail.sort_values(["learner", "target", "score"], ascending=[True, True, False])
        ranked = ranked.assign(j=ranked.groupby(["learner", "target"], sort=False).cumcount() + 1)
        nth = ranked[ranked["j"] == need].set_index(["learner", "target"])["score"]
        low = tail.groupby(["learner", "target"], sort=False)["score"].min()
        too_few = np.minimum(low, np.nextafter(p["cut"], -np.inf))
        return nth.reindex(low.index).fillna(too_few).to_numpy()
    return _pandas_trend(method, df, p["floor"])


def _pandas_trend(method: str, df: pd.DataFrame, floor: float) -> np.ndarray:
    keys = [df["learner"], df["target"]]
    x, y = np.log(df["k"].astype(float)), np.log(np.maximum(df["score"], floor))
    sums = pd.DataFrame({"x": x, "y": y, "xy": x * y, "xx": x * x, "s": df["score"]}).groupby(
        keys, sort=False
    )
    s = sums.sum()
    n = sums.size().to_numpy().astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        b = (n * s["xy"] - s["x"] * s["y"]) / (n * s["xx"] - s["x"] ** 2)
        log_a = (s["y"] - b * s["x"]) / n
    power = np.exp(log_a + b * np.log(n))
    first = df.groupby(keys, sort=False)["score"].first().to_numpy()
    if method == "power_law":
        return np.where(n == 1, first, power)
    t = df["k"].astype(float)
    lin = pd.DataFrame({"t": t, "ty": t * df["score"]}).groupby(keys, sort=False).sum()
    st, stt = n * (n + 1) / 2, n * (n + 1) * (2 * n + 1) / 6
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (n * lin["ty"] - st * s["s"]) / (n * stt - st * st)
        icept = (s["s"] - slope * st) / n
    mean = s["s"] / n
    counts = n.astype(int)

    def spread(per_group: Any) -> np.ndarray:  # rows are grouped, groups in row order
        return np.repeat(np.asarray(per_group), counts)

    fitted_rows = [
        spread(mean),
        spread(icept) + spread(slope) * t.to_numpy(),
        np.exp(spread(log_a) + spread(b) * x.to_numpy()),
    ]
    errors = [
        pd.Series(np.abs(df["score"].to_numpy() - rows)).groupby(keys, sort=False).sum().to_numpy()
        for rows in fitted_rows
    ]
    values = [mean.to_numpy(), (icept + slope * n).to_numpy(), power.to_numpy()]
    return np.where(n == 1, first, _least_error(values, errors))


def _least_error(values: list[np.ndarray], errors: list[np.ndarray]) -> np.ndarray:
    """The value of the model with the least error; ties go to the earlier model."""
    value, error = values[0], errors[0]
    for other_value, other_error in zip(values[1:], errors[1:], strict=True):
        better = other_error < error
        value, error = np.where(better, other_value, value), np.where(better, other_error, error)
    return value


RANKED = """
    WITH r AS (
        SELECT learner, target, score, weight,
               row_number() OVER (PARTITION BY learner, target ORDER BY ord, rid) AS k,
               count(*) OVER (PARTITION BY learner, target) AS n
        FROM ev
    )
"""


def duckdb_sql(method: str) -> str:
    """One query per method, from unsorted rows, ordered by (learner, target) at the end."""
    p = {key: repr(float(value)) for key, value in PARAMS.get(method, {}).items()}
    order = " GROUP BY learner, target ORDER BY learner, target"
    simple = {
        "latest": "max(score) FILTER (WHERE k = n)",
        "highest": "max(score)",
        "mean": "avg(score)",
        "weighted_mean": "sum(score * weight) / sum(weight)",
        "weighted_average": f"CASE WHEN max(n) = 1 THEN max(score) ELSE {p.get('w')} * "
        f"max(score) FILTER (WHERE k = n) + (1 - {p.get('w')}) * "
        f"sum(score) FILTER (WHERE k < n) / (max(n) - 1) END",
        "decaying_average": f"sum(score * CASE WHEN k = 1 THEN pow(1 - {p.get('w')}, n - 1) "
        f"ELSE {p.get('w')} * pow(1 - {p.get('w')}, n - k) END)",
    }
    if method in simple:
        return f"{RANKED} SELECT learner, target, {simple[method]} AS v FROM r {order}"
    if method == "median_of_last":
        return f"{RANKED} SELECT learner, target, median(score) AS v FROM r WHERE k > n - {p['last']} {order}"
    if method == "mode_of_last":
        return f"""{RANKED}, c AS (SELECT learner, target, score, count(*) AS c FROM r
            WHERE k > n - {p["last"]} GROUP BY learner, target, score)
            SELECT learner, target, arg_max(score, c * 1000 + score) AS v FROM c {order}"""
    if method == "n_of_m":
        return f"""{RANKED}, t AS (SELECT learner, target, score, row_number() OVER
            (PARTITION BY learner, target ORDER BY score DESC) AS j FROM r WHERE k > n - {p["m"]})
            SELECT learner, target, CASE WHEN count(*) >= {p["n"]}
                THEN max(score) FILTER (WHERE j = {p["n"]})
                ELSE least(min(score), nextafter({p["cut"]}, -1e308)) END AS v FROM t {order}"""
    fits = f"""{RANKED}, l AS (SELECT *, ln(k) AS x, ln(greatest(score, {p["floor"]})) AS y FROM r),
        f AS (SELECT learner, target, max(n) AS n, arg_min(score, k) AS first, avg(score) AS mean,
              regr_intercept(y, x) AS la, regr_slope(y, x) AS b,
              regr_intercept(score, k) AS a, regr_slope(score, k) AS s FROM l GROUP BY learner, target)"""
    if method == "power_law":
        return f"""{fits} SELECT learner, target,
            CASE WHEN n = 1 THEN first ELSE exp(la + b * ln(n)) END AS v FROM f ORDER BY learner, target"""
    return f"""{fits}, e AS (SELECT f.learner, f.target, any_value(f.n) AS n, any_value(first) AS first,
            any_value(mean) AS mean, any_value(a + s * f.n) AS lin, any_value(exp(la + b * ln(f.n))) AS pow,
            sum(abs(score - mean)) AS em, sum(abs(score - (a + s * k))) AS el,
            sum(abs(score - exp(la + b * x))) AS ep
            FROM l JOIN f USING (learner, target) GROUP BY f.learner, f.target)
        SELECT learner, target, CASE WHEN n = 1 THEN first
            WHEN el < em AND ep < el THEN pow WHEN el < em THEN lin
            WHEN ep < em THEN pow ELSE mean END AS v FROM e ORDER BY learner, target"""


def _disagreements(method: str, segments: Any, ours: np.ndarray, other: np.ndarray) -> int:
    """Groups where another engine's value differs, not counting best-fit ties: groups where
    the other engine chose a candidate whose total error is within 1e-9 of the least."""
    differ = np.flatnonzero(~np.isclose(ours, other, rtol=1e-9, atol=1e-9))
    if method != "best_fit":
        return int(differ.size)
    real = 0
    for g in differ.tolist():
        rows = slice(int(segments.starts[g]), int(segments.starts[g] + segments.lengths[g]))
        fits = best_fits(segments.scores[rows].tolist(), floor=PARAMS["best_fit"]["floor"])
        least = min(fit.error for fit in fits)
        tied = [fit.value for fit in fits if fit.error - least <= 1e-9]
        real += not np.isclose(tied, other[g], rtol=1e-9, atol=1e-9).any()
    return real


def _timed[T](work: Callable[[], T], repeat: int) -> tuple[T, float]:
    """The result and the best wall time of `repeat` runs."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return result, best


def one_group_latency(segments: Any, method: str, samples: int) -> dict[str, float]:
    """p50/p99 microseconds of `estimate_one` on random learner-targets' scores."""
    rng = np.random.default_rng(SEED)
    chosen = rng.integers(0, segments.size, size=samples)
    cases = []
    for g in chosen.tolist():
        rows = slice(int(segments.starts[g]), int(segments.starts[g] + segments.lengths[g]))
        cases.append((segments.scores[rows].tolist(), segments.weights[rows].tolist()))
    params = PARAMS.get(method, {})
    took = np.empty(samples)
    for i, (scores, weights) in enumerate(cases):
        start = time.perf_counter_ns()
        estimate_one(method, scores, weights, params)
        took[i] = time.perf_counter_ns() - start
    return {
        "p50_us": float(np.percentile(took, 50) / 1e3),
        "p99_us": float(np.percentile(took, 99) / 1e3),
    }


def run(rows: int, samples: int, repeat: int) -> dict[str, Any]:
    evidence = synthetic_evidence(rows)
    frame = pandas_frame(evidence)
    con = duckdb.connect()
    con.register("ev", frame)
    segments, group_s = _timed(lambda: group(evidence), repeat)
    _, group_seconds_s = _timed(lambda: group(with_times_of_day(evidence)), repeat)
    prepared, pandas_prep_s = _timed(lambda: pandas_prepare(frame), repeat)
    results: dict[str, Any] = {
        "rows": len(evidence),
        "repeat": repeat,
        "groups": segments.size,
        "continuum_group_s": group_s,
        "continuum_group_seconds_s": group_seconds_s,
        "pandas_sort_s": pandas_prep_s,
        "methods": {},
    }
    for method in METHODS:
        params = PARAMS.get(method, {})
        ours, ours_s = _timed(
            lambda m=method, p=params: estimate_batch(m, replace(segments), p), repeat
        )
        theirs, pandas_s = _timed(lambda m=method: pandas_method(m, prepared), repeat)
        sql, duck_s = _timed(lambda m=method: con.execute(duckdb_sql(m)).fetchnumpy()["v"], repeat)
        mismatched = {
            name: _disagreements(method, segments, ours, np.asarray(other, dtype=float))
            for name, other in (("pandas", theirs), ("duckdb", sql))
        }
        end_to_end = group_s + ours_s
        results["methods"][method] = {
            "continuum_s": ours_s,
            "continuum_end_to_end_s": end_to_end,
            "pandas_s": pandas_s,
            "pandas_end_to_end_s": pandas_prep_s + pandas_s,
            "duckdb_s": duck_s,
            "rows_per_s": {
                "continuum": rows / end_to_end,
                "pandas": rows / (pandas_prep_s + pandas_s),
                "duckdb": rows / duck_s,
            },
            "duckdb_over_continuum": duck_s / end_to_end,
            "mismatched_groups": mismatched,
            "one_group": one_group_latency(segments, method, samples),
        }
        print(
            f"{method:17s} ours {ours_s:7.3f}s (+group {end_to_end:6.3f}s)  pandas {pandas_s:7.3f}s "
            f"(+sort {pandas_prep_s + pandas_s:6.3f}s)  duckdb {duck_s:7.3f}s  "
            f"mismatch {mismatched}  one p99 {results['methods'][method]['one_group']['p99_us']:.0f}µs",
            flush=True,
        )
    results["machine"] = machine()
    return results


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "nproc": os.cpu_count(),
        "cpu": model.group(1) if model else platform.processor(),
        "memory_gib": round(memory, 1),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "duckdb": duckdb.__version__,
        "duckdb_threads": duckdb.connect()
        .execute("SELECT current_setting('threads')")
        .fetchone()[0],  # type: ignore[index]
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", ""),
    }


def markdown(results: dict[str, Any], command: str) -> str:
    m = results["machine"]
    lines = [
        "## Rollups",
        "",
        f"`{command}` — {results['rows']:,} evidence rows, {results['groups']:,} (learner, target) groups.",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB; Python {m['python']}, "
        f"NumPy {m['numpy']}, pandas {m['pandas']}, DuckDB {m['duckdb']} ({m['duckdb_threads']} threads); "
        f"Continuum and pandas run on one core. Every time is the best of {results['repeat']} runs.",
        "",
        f"Grouping once (sort by learner, target, date): Continuum {results['continuum_group_s']:.2f} s "
        f"({results['continuum_group_seconds_s']:.2f} s when the dates carry a time of day), "
        f"pandas {results['pandas_sort_s']:.2f} s. End to end = grouping + method, from unsorted rows; "
        "DuckDB's query does its own partitioning every time.",
        "",
        "| method | Continuum method s | Continuum end to end s | pandas end to end s | DuckDB s "
        "| DuckDB ÷ Continuum (end to end) | Continuum rows/s | one learner-target p50 / p99 µs | agree |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in results["methods"].items():
        agree = "yes" if not any(r["mismatched_groups"].values()) else str(r["mismatched_groups"])
        lines.append(
            f"| {name} | {r['continuum_s']:.2f} | {r['continuum_end_to_end_s']:.2f} | "
            f"{r['pandas_end_to_end_s']:.2f} | {r['duckdb_s']:.2f} | {r['duckdb_over_continuum']:.2f}× | "
            f"{r['rows_per_s']['continuum'] / 1e6:.1f} M | {r['one_group']['p50_us']:.0f} / "
            f"{r['one_group']['p99_us']:.0f} | {agree} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--samples", type=int, default=10_000, help="one-group updates timed")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time every engine's every step this many times and keep the best",
    )
    parser.add_argument("--json", type=Path, help="write the measurements here")
    parser.add_argument("--results", type=Path, help="rewrite this file's '## Rollups' section")
    args = parser.parse_args(argv)
    results = run(args.rows, args.samples, args.repeat)
    command = "python -m bench.rollups " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if args.results:
        section_replace(args.results, "## Rollups", markdown(results, command.strip()))
    print(markdown(results, command.strip()))


if __name__ == "__main__":
    main()
