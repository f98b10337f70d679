"""Benchmark: every page each demo role can reach, on the demo school.

    python -m bench.pages [--runs 5] [--results bench/RESULTS.md] [--json OUT]

Builds the demo school (`continuum demo_school --seed 2026`) in a throwaway SQLite file,
casts its people in the authorization matrix's roles (the demo learner plays Lena, the demo
educator Erin, …; Omar is a learner none of them has a reason to see; Lakeside District is
added as in conftest.py's `world`), lets each tests/access module `populate` that world, then
opens every GET case of the matrix as each role it allows: median of N runs after one
warm-up, and the SQL queries of one more. `--results` rewrites only the "## Every page"
section of RESULTS.md (slowest first); `--json` writes every page's figures.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.gradebook import machine
from bench.results import section_replace

TARGET_MS = 300.0


def _setup(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["CONTINUUM_DEMO"] = "true"
    # No worker runs here: the heartbeat the matrix's populate records stays fresh all run.
    os.environ["CONTINUUM_HEARTBEAT_MAX_AGE_SECONDS"] = str(24 * 3600)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "continuum.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def demo_world() -> dict:
    """The matrix's named people and objects, played by the demo school's."""
    from django.utils import timezone

    from continuum.demo.school import demo_school_build
    from continuum.frameworks.models import Framework
    from continuum.people.models import Enrollment, Organization, Role, Section, User

    demo_school_build(seed=2026, today=timezone.localdate())
    people = {u.username: u for u in User.objects.filter(username__in=_DEMO_CAST.values())}
    world = {name: people[username] for name, username in _DEMO_CAST.items()}
    lena, erin = world["lena"], world["erin"]
    world["school"] = lena.organization
    world["district"] = lena.organization.parent
    world["math_a"] = Section.objects.filter(educators=erin, enrollments__learner=lena).first()
    # Omar: a learner in a section Erin does not teach, unrelated to Gabe, Cora and Pat.
    omar_enrollment = (
        Enrollment.objects.exclude(section__educators=erin)
        .exclude(learner__enrollments__section__educators=erin)
        .exclude(learner__guardian_links__guardian=world["gabe"])
        .exclude(learner__counselors__counselor=world["cora"])
        .exclude(learner__placements_as_learner__partner=world["pat"])
        .select_related("learner", "section")
        .order_by("pk")
        .first()
    )
    world["omar"], world["math_b"] = omar_enrollment.learner, omar_enrollment.section
    world["eli"] = world["math_b"].educators.first()
    # Lakeside District, a second tenant, as conftest.py's `world` has it.
    lakeside = Organization.objects.create(kind="district", name="Lakeside District")
    birch = Organization.objects.create(kind="school", name="Birch Hollow", parent=lakeside)
    otto = User.objects.create_user("otto", role=Role.DISTRICT_ADMIN, organization=lakeside)
    lara = User.objects.create_user("lara", role=Role.LEARNER, organization=birch)
    birch_math = Section.objects.create(school=birch, title="Birch Math 7")
    Enrollment.objects.create(section=birch_math, learner=lara)
    framework = Framework.objects.create(
        identifier="fw-lakeside-outcomes", title="Lakeside Outcomes", organization=lakeside
    )
    world |= {
        "otto": otto,
        "lara": lara,
        "lakeside": lakeside,
        "birch": birch,
        "birch_math": birch_math,
        "lakeside_framework": framework,
    }
    return world


# Matrix name → demo login (README.md's table of demo logins).
_DEMO_CAST = {
    "lena": "learner",
    "gabe": "guardian",
    "erin": "educator",
    "cora": "counselor",
    "leo": "leader",
    "ada": "admin",
    "pat": "partner",
}


def _access_modules():
    import tests.access

    for info in pkgutil.iter_modules(tests.access.__path__):
        yield importlib.import_module(f"tests.access.{info.name}")


def _measure(client, url: str, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    status = client.get(url).status_code  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return {"median_ms": statistics.median(times), "queries": len(captured), "status": status}


def run(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        from django.db import transaction
        from django.test import Client
        from django.test.utils import setup_test_environment
        from django.urls import reverse

        from continuum.pathways.models import LearningPlan
        from continuum.people.models import User
        from tests.access import ACTORS

        setup_test_environment()  # lets CaptureQueriesContext see queries with DEBUG off
        built = time.perf_counter()
        world = demo_world()
        skipped = []
        modules = list(_access_modules())
        # The demo gave Lena a learning plan; the pathways module's populate makes its own.
        LearningPlan.objects.filter(learner=world["lena"]).delete()
        for module in modules:
            populate = getattr(module, "populate", None)
            if populate:
                try:
                    with transaction.atomic():
                        populate(world)
                except Exception as error:  # the demo may already hold what it adds
                    skipped.append(f"{module.__name__} populate: {type(error).__name__} {error}")
        built = time.perf_counter() - built
        learners = User.objects.filter(role="learner", organization=world["school"]).count()
        client = Client()
        pages = []
        for module in modules:
            for case in getattr(module, "CASES", []):
                if case.method != "get":
                    continue
                try:
                    url = reverse(case.url_name, kwargs=case.kwargs(world))
                except KeyError as error:
                    skipped.append(f"{case.id}: no {error} in the demo world")
                    continue
                for role in sorted(case.allowed):
                    client.logout()
                    if role != "anonymous":
                        client.force_login(world[ACTORS[role]])
                    figures = _measure(client, url, runs)
                    if figures["status"] not in case.ok_status:
                        skipped.append(f"{case.id} as {role}: {figures['status']}")
                    pages.append({"page": case.id, "role": role, "url": url, **figures})
        pages.sort(key=lambda page: -page["median_ms"])
        return {
            "runs": runs,
            "learners": learners,
            "build_s": built,
            "pages": pages,
            "unexpected": skipped,
            "portfolio": _portfolio_query(world["lena"]),
        }


def _portfolio_query(learner) -> dict[str, float]:
    """The upload page's target list, before issue 15 (one query joining evidence, estimates
    and alignments with DISTINCT) and now (three id sets): best of three, in ms."""
    from django.db.models import Q

    from continuum.frameworks.models import FrameworkItem, ItemKind
    from continuum.frameworks.public import TARGET_ORDER
    from continuum.learning.selectors.portfolio import portfolio_target_list

    sections = learner.enrollments.values("section")
    joined = (
        FrameworkItem.objects.filter(
            Q(evidence__learner=learner)
            | Q(estimates__learner=learner)
            | Q(alignments__assessment__section__in=sections),
            kind=ItemKind.TARGET,
        )
        .distinct()
        .order_by(*TARGET_ORDER)
    )

    def best(queryset) -> tuple[float, int]:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            rows = len(list(queryset.all()))
            times.append((time.perf_counter() - start) * 1000)
        return min(times), rows

    before, before_rows = best(joined)
    after, after_rows = best(portfolio_target_list(learner=learner))
    assert before_rows == after_rows, (before_rows, after_rows)
    return {"before_ms": before, "after_ms": after, "targets": after_rows}


def section(result: dict, command: str, load: float) -> str:
    pages = result["pages"]
    over = [page for page in pages if page["median_ms"] > TARGET_MS]
    portfolio = result["portfolio"]
    lines = [
        "## Every page",
        "",
        f"`{command}` — every GET page of the authorization matrix (tests/access/*.py), "
        "opened as each role it allows, on the demo school "
        f"(`continuum demo_school --seed 2026`: {result['learners']} learners, plus what each "
        "matrix module's `populate` adds) in a throwaway SQLite file database; a full render "
        f"through Django's test Client, median of {result['runs']} runs after one warm-up, and "
        "the SQL queries of one more.",
        f"Machine: {machine()}; load average at start {load:.1f}.",
        "",
        f"{len(pages)} pages × roles; {len(over)} over the {TARGET_MS:.0f} ms target. "
        f"The portfolio upload's target list: {portfolio['before_ms']:.1f} ms before issue 15 "
        f"(one query joining evidence, estimates and alignments with DISTINCT), "
        f"{portfolio['after_ms']:.1f} ms now (three id sets), {portfolio['targets']} targets.",
        "",
        "| page | role | median ms | SQL queries |",
        "|---|---|---:|---:|",
    ]
    for page in pages:
        lines.append(
            f"| `{page['page']}` | {page['role']} | {page['median_ms']:.1f} | {page['queries']} |"
        )
    if result["unexpected"]:
        lines += ["", "Not measured, or answered with an unexpected status:", ""]
        lines += [f"- {line}" for line in result["unexpected"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--results", type=Path, help="rewrite the '## Every page' section here")
    parser.add_argument("--json", type=Path, help="write every page's figures as JSON here")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    result = run(args.runs)
    command = "python -m bench.pages " + " ".join(sys.argv[1:] if argv is None else argv)
    text = section(result, command.strip(), load)
    print(text)
    if args.results:
        section_replace(args.results, "## Every page", text)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
