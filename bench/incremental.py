"""Benchmark: what one new piece of evidence costs, in a small school and a large one.

    python -m bench.incremental [--learners 100 1000] [--targets 200] [--samples 30]
                                [--json OUT] [--results bench/RESULTS.md]

For each school size it builds a throwaway SQLite database with the heatmap benchmark's
school (``continuum.insights.tests.factories.school_create``: learners in sections of 25,
an estimate on about 90 % of the targets), the evidence behind every estimate
(``bench.policy_replay._evidence_add``) and one requirement over the whole framework
(``requirement_create``, which computes every learner's pace and flags once). Then, for
``--samples`` learners spread over the school, it times the two steps a new score goes
through, as the product runs them:

1. the request: ``evidence_record`` (the evidence, its audit row, the learner's estimate
   on that target recomputed, the learner marked for the supports refresh and the
   background task queued on commit in the database queue);
2. the background job: ``supports_refresh`` as the worker runs it, recomputing the marked
   learner's pace to the requirement and early-warning flags.

"Ready to learn next" is not stored: the learner map derives it from the estimates when a
page is read, so it is current as soon as step 1 commits. Each step's wall-clock and CPU
time (this process runs SQLite too) and its SQL queries are recorded; what matters is that
neither grows with the school. ``--results`` rewrites only the "## Incremental updates"
section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.gradebook import _setup, machine
from bench.policy_replay import TERM_START, _evidence_add
from bench.results import section_replace

HEADING = "## Incremental updates"


def _timed(step) -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"wall_ms": wall * 1000, "cpu_ms": cpu * 1000, "queries": len(captured)}


def _summary(samples: list[dict[str, float]]) -> dict[str, float]:
    walls = sorted(sample["wall_ms"] for sample in samples)
    return {
        "median_ms": statistics.median(walls),
        "p95_ms": walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))],
        "cpu_ms": statistics.median(sample["cpu_ms"] for sample in samples),
        "queries_min": min(sample["queries"] for sample in samples),
        "queries_max": max(sample["queries"] for sample in samples),
    }


def _school(learners: int, targets: int):
    from continuum.insights.tests.factories import school_create
    from continuum.supports.models import Requirement
    from continuum.supports.services.requirements import requirement_create

    school = school_create(learners=learners, targets=targets)
    for section in school.sections:
        section.educators.add(school.educator)
    evidence = _evidence_add(seed=learners)
    requirement_create(
        by=school.leader,
        school=school.school,
        title="Graduation: mathematics",
        kind=Requirement.Kind.GRADUATION,
        starts_on=date(2026, 9, 1),
        due_on=date(2027, 6, 15),
        competencies=school.targets,
        rule="share_proficient",
        share=0.8,
        floor=2,
    )
    return school, evidence


def run_size(learners: int, targets: int, samples: int) -> dict:
    from django.db import connection
    from django.test.utils import setup_test_environment

    from continuum.evidence.models import Evidence
    from continuum.evidence.services.recording import evidence_record
    from continuum.supports.services.refresh import supports_refresh

    setup_test_environment()  # lets CaptureQueriesContext see queries with DEBUG off
    built = time.perf_counter()
    school, _evidence = _school(learners, targets)
    built = time.perf_counter() - built
    connection.queries_log.clear()
    chosen = school.learners[:: max(1, len(school.learners) // samples)][:samples]
    records, refreshes = [], []
    for n, learner in enumerate(chosen):
        target = school.targets[(n * 7) % len(school.targets)]

        def record(learner=learner, target=target, n=n):
            evidence_record(
                learner=learner,
                target=target,
                scorer=school.educator,
                assessed_at=TERM_START + timedelta(days=70, minutes=n),
                level=3,
                feedback="",
            )

        records.append(_timed(record))
        refreshes.append(_timed(lambda: supports_refresh(today=date(2026, 11, 30))))
    return {
        "learners": learners,
        "targets": targets,
        "evidence": Evidence.objects.count(),
        "build_s": built,
        "samples": len(chosen),
        "record": _summary(records),
        "refresh": _summary(refreshes),
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"),
    }


def run(sizes: list[int], targets: int, samples: int) -> list[dict]:
    """Each size in a fresh process, so no school's caches or database warm the next."""
    results = []
    for learners in sizes:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "result.json"
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    _setup(Path(folder) / "bench.sqlite3")
                    out.write_text(json.dumps(run_size(learners, targets, samples)))
                except BaseException:
                    import traceback

                    traceback.print_exc()
                    code = 1
                os._exit(code)
            _pid, status = os.waitpid(pid, 0)
            if status != 0:
                raise SystemExit(f"the {learners}-learner run failed")
            results.append(json.loads(out.read_text()))
    return results


def section(results: list[dict], command: str) -> str:
    load = max(result["load"] for result in results)
    lines = [
        HEADING,
        "",
        f"`{command}` — the heatmap benchmark's school at each size, with the evidence behind "
        "every estimate and one requirement over the framework, on a throwaway SQLite file "
        "database; for learners spread over the school, one new score recorded "
        "(`evidence_record`: evidence, audit, estimate, supports mark, task queued) and then "
        "the background refresh of that learner's pace and flags (`supports_refresh`).",
        f"Machine: {machine()}; highest load average at the end of a size {load:.1f} (CPU ms "
        "is the steadier figure on a shared machine).",
        "",
        "| school | evidence | step | median ms | p95 ms | CPU ms | SQL queries |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for result in results:
        school = f"{result['learners']:,} learners × {result['targets']} targets"
        for step, name in (("record", "record one score"), ("refresh", "refresh pace and flags")):
            figures = result[step]
            queries = (
                str(figures["queries_min"])
                if figures["queries_min"] == figures["queries_max"]
                else f"{figures['queries_min']}–{figures['queries_max']}"
            )
            lines.append(
                f"| {school} | {result['evidence']:,} | {name} | {figures['median_ms']:.1f} | "
                f"{figures['p95_ms']:.1f} | {figures['cpu_ms']:.1f} | {queries} |"
            )
    lines += [
        "",
        "- Neither step's queries grow with the school: a score is its evidence and audit rows, "
        "the learner's evidence on that target, the policy and scale, the estimate and its audit "
        "row, group membership, the supports mark and the task; the refresh reads the learner's "
        "requirements, evidence and estimates once and writes pace and flags in bulk (flags "
        "with their audit rows, notices to staff in one query).",
        '- Readiness ("ready to learn next") is derived from the estimates when a page is read,'
        " so it is current when the request commits; nothing else depends on the evidence.",
        "- The refresh runs in the worker after `CONTINUUM_SUPPORTS_REFRESH_DELAY` (60 s), for "
        "every learner marked meanwhile: ten scores in a minute are one job.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--targets", type=int, default=200)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--results", type=Path)
    args = parser.parse_args(argv)
    results = run(args.learners, args.targets, args.samples)
    for result in results:
        print(json.dumps(result))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if args.results:
        command = "python -m bench.incremental " + " ".join(argv or sys.argv[1:])
        section_replace(args.results, HEADING, section(results, command))


if __name__ == "__main__":
    main()
