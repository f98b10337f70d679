"""The calculation methods, by name: what a grading policy refers to.

Every method has a one-group form (`estimate_one`) and a batch form (`estimate_batch`)
that agree exactly, plus what its explanation needs and which promises it keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from continuum.mastery.evidence import FloatArray
from continuum.mastery.methods import averages, recent, trends
from continuum.mastery.segments import Segments

Params = Mapping[str, float]
One = Callable[[Sequence[float], Sequence[float], Params], float]
Batch = Callable[[Segments, Params], FloatArray]
Shares = Callable[[Sequence[float], Sequence[float], Params], list[float]]
Notes = Callable[[Sequence[float], Params], list[tuple[bool, str]]]


@dataclass(frozen=True)
class Method:
    """A calculation method and the promises the property tests hold it to.

    `shares` is set for weighted-sum methods (the exact weight of each score); `notes`
    for the others (which scores counted and how). `averaging` methods stay within the
    range of the scores; `order_invariant` ones ignore the order; `raises_not_yet` says,
    for given parameters, whether a later top score can never lower the estimate.
    """

    name: str
    summary: str
    one: One
    batch: Batch
    defaults: Mapping[str, float] = field(default_factory=dict)
    bounds: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    shares: Shares | None = None
    notes: Notes | None = None
    averaging: bool = True
    order_invariant: bool = False
    raises_not_yet: Callable[[Params], bool] = lambda params: True


def _int(params: Params, name: str) -> int:
    return int(params[name])


_FLOOR = {"floor": 0.1}
_FLOOR_BOUNDS = {"floor": (1e-6, 1.0)}
_W_BOUNDS = {"w": (0.0, 1.0)}
_LAST_BOUNDS = {"last": (1.0, 1000.0)}

METHODS: dict[str, Method] = {
    method.name: method
    for method in (
        Method(
            "latest",
            "the most recent score",
            one=lambda s, w, p: averages.latest(s),
            batch=lambda seg, p: averages.latest_batch(seg),
            shares=lambda s, w, p: averages.latest_shares(s),
        ),
        Method(
            "highest",
            "the best score ever shown",
            one=lambda s, w, p: averages.highest(s),
            batch=lambda seg, p: averages.highest_batch(seg),
            shares=lambda s, w, p: averages.highest_shares(s),
            order_invariant=True,
        ),
        Method(
            "mean",
            "the average of every score",
            one=lambda s, w, p: averages.mean(s),
            batch=lambda seg, p: averages.mean_batch(seg),
            shares=lambda s, w, p: averages.mean_shares(s),
            order_invariant=True,
        ),
        Method(
            "weighted_mean",
            "the average with each score counted by its weight",
            one=lambda s, w, p: averages.weighted_mean(s, w),
            batch=lambda seg, p: averages.weighted_mean_batch(seg),
            shares=lambda s, w, p: averages.weighted_mean_shares(w),
            order_invariant=True,
        ),
        Method(
            "weighted_average",
            "w × the latest score + (1 − w) × the average of the earlier ones (Canvas)",
            one=lambda s, w, p: averages.weighted_average(s, w=p["w"]),
            batch=lambda seg, p: averages.weighted_average_batch(seg, w=p["w"]),
            defaults={"w": 0.65},
            bounds=_W_BOUNDS,
            shares=lambda s, w, p: averages.weighted_average_shares(s, w=p["w"]),
            raises_not_yet=lambda p: p["w"] >= 1 / 3,
        ),
        Method(
            "decaying_average",
            "recent scores count most; each older one fades by (1 − w) (Canvas)",
            one=lambda s, w, p: averages.decaying_average(s, w=p["w"]),
            batch=lambda seg, p: averages.decaying_average_batch(seg, w=p["w"]),
            defaults={"w": 0.65},
            bounds=_W_BOUNDS,
            shares=lambda s, w, p: averages.decaying_average_shares(s, w=p["w"]),
        ),
        Method(
            "power_law",
            "Marzano's power law: the trend a·tᵇ through the scores, read at the last one",
            one=lambda s, w, p: trends.power_law(s, floor=p["floor"]),
            batch=lambda seg, p: trends.power_law_batch(seg, floor=p["floor"]),
            defaults=_FLOOR,
            bounds=_FLOOR_BOUNDS,
            notes=lambda s, p: _power_notes(s, p),
            averaging=False,
            raises_not_yet=lambda p: False,
        ),
        Method(
            "best_fit",
            "the true score: mean, straight line or power trend, whichever fits best",
            one=lambda s, w, p: trends.best_fit(s, floor=p["floor"]),
            batch=lambda seg, p: trends.best_fit_batch(seg, floor=p["floor"]),
            defaults=_FLOOR,
            bounds=_FLOOR_BOUNDS,
            notes=lambda s, p: _best_fit_notes(s, p),
            averaging=False,
            raises_not_yet=lambda p: False,
        ),
        Method(
            "n_of_m",
            "mastered when at least n of the last m scores reach the cut",
            one=lambda s, w, p: recent.n_of_m(s, n=_int(p, "n"), m=_int(p, "m"), cut=p["cut"]),
            batch=lambda seg, p: recent.n_of_m_batch(
                seg, n=_int(p, "n"), m=_int(p, "m"), cut=p["cut"]
            ),
            defaults={"n": 2, "m": 3, "cut": 3.0},
            bounds={"n": (1.0, 1000.0), "m": (1.0, 1000.0), "cut": (-1e9, 1e9)},
            notes=lambda s, p: recent.tail_notes(
                s, last=_int(p, "m"), rule=f"the {_int(p, 'n')}-th highest is the estimate"
            ),
            averaging=False,
        ),
        Method(
            "median_of_last",
            "the middle of the last N scores",
            one=lambda s, w, p: recent.median_of_last(s, last=_int(p, "last")),
            batch=lambda seg, p: recent.median_of_last_batch(seg, last=_int(p, "last")),
            defaults={"last": 5},
            bounds=_LAST_BOUNDS,
            notes=lambda s, p: recent.tail_notes(s, last=_int(p, "last"), rule="the middle one"),
        ),
        Method(
            "mode_of_last",
            "the most frequent of the last N scores (ties go to the higher score)",
            one=lambda s, w, p: recent.mode_of_last(s, last=_int(p, "last")),
            batch=lambda seg, p: recent.mode_of_last_batch(seg, last=_int(p, "last")),
            defaults={"last": 5},
            bounds=_LAST_BOUNDS,
            notes=lambda s, p: recent.tail_notes(s, last=_int(p, "last"), rule="the most frequent"),
            raises_not_yet=lambda p: False,
        ),
    )
}


def method_parameters(name: str, given: Params | None = None) -> dict[str, float]:
    """The method's parameters with defaults filled in, or a ValueError saying what is wrong."""
    method = method_named(name)
    given = dict(given or {})
    unknown = set(given) - set(method.defaults)
    if unknown:
        raise ValueError(f"{name} takes {sorted(method.defaults)}, not {sorted(unknown)}")
    params = {**method.defaults, **{k: float(v) for k, v in given.items()}}
    for key, (low, high) in method.bounds.items():
        if not low <= params[key] <= high:
            raise ValueError(f"{name}: {key} must be within [{low}, {high}], got {params[key]}")
    if name == "n_of_m" and params["n"] > params["m"]:
        raise ValueError(f"n_of_m: n ({params['n']}) cannot exceed m ({params['m']})")
    return params


def method_named(name: str) -> Method:
    try:
        return METHODS[name]
    except KeyError:
        raise ValueError(f"unknown method {name!r}; choose one of {sorted(METHODS)}") from None


def estimate_one(
    name: str,
    scores: Sequence[float],
    weights: Sequence[float] | None = None,
    params: Params | None = None,
) -> float:
    """One learner-target's estimate from its scores in order (the incremental form)."""
    if not scores:
        raise ValueError("an estimate needs at least one score")
    return method_named(name).one(
        scores, [1.0] * len(scores) if weights is None else weights, method_parameters(name, params)
    )


def estimate_batch(name: str, segments: Segments, params: Params | None = None) -> FloatArray:
    """One estimate per (learner, target) group of `segments` (the batch form)."""
    return method_named(name).batch(segments, method_parameters(name, params))


def _power_notes(scores: Sequence[float], params: Params) -> list[tuple[bool, str]]:
    floor = params["floor"]
    return [
        (True, f"point {t} of the fitted trend" + (f", counted as {floor:g}" if y < floor else ""))
        for t, y in enumerate(scores, start=1)
    ]


def _best_fit_notes(scores: Sequence[float], params: Params) -> list[tuple[bool, str]]:
    fits = trends.best_fits(scores, floor=params["floor"])
    chosen = trends.chosen_fit(fits)
    errors = ", ".join(f"{fit.model} {fit.error:.2f}" for fit in fits)
    return [
        (True, f"point {t} of the {chosen.model} fit (total |error|: {errors})")
        for t in range(1, len(scores) + 1)
    ]
