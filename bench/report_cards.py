"""Benchmark: a batch of report cards (one tagged PDF per learner, in one ZIP) for the
heatmap benchmark school.

    python -m bench.report_cards [--learners 1000] [--batch N] [--targets 200] [--results bench/RESULTS.md]

Builds a throwaway SQLite database (a temporary file, migrated from scratch) with the school
of bench/heatmap.py (continuum.insights.tests.factories.school_create: ``--learners``
learners in sections of 25, an estimate on about 90 % of ``--targets`` targets each) and a
reporting period under way, then runs the background worker's task
(``report_batch_task``) in this process for the first ``--batch`` learners (default: all)
and times it, wall-clock and this process's CPU (the layout processes' CPU is not in it). When ``--batch`` is less than the school, the time for the
whole school is extrapolated linearly and labelled so. The cost of a fresh WeasyPrint setup
per card (what one-card downloads pay) is measured on a few cards for comparison.
`--results` rewrites only the "## Report cards" section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import zipfile
from datetime import timedelta
from pathlib import Path

from bench.gradebook import _setup, machine
from bench.results import section_replace

HEADING = "## Report cards"
SAMPLE = 5  # cards rendered with a fresh WeasyPrint setup each, for comparison
# Where a card's time went and what each change did, measured once by profiling one card
# of this school (178 target rows, English) on its own; kept in RESULTS.md with the run.
# Counted in Python function calls per card (deterministic) because CPU seconds varied by
# ±15 % on the shared machine (load average 10-14 during the work).
PROFILE = [
    "- Where one card's time went (cProfile, before): layout 42 %, drawing 22 %, style "
    "cascade 12 %, building boxes 8 %, parsing the HTML 6 %, writing the PDF 6 %, PDF/UA "
    "tags 2 %; fonts (subsetting, embedding) under 1 %. Garbage collection: 13 % of the time.",
    "- Each change, per card: target columns sized to their words (“begun this "
    "period” no longer wraps) 1,095 → 830 lines, 9 → 6 pages, −10 % "
    "calls; the language on the cell, not a span inside it, −4 %; no whitespace "
    "between tags (`spaceless`) −3.5 %; together 2.51 M → 2.05 M calls "
    "(−18 %). Layout processes that freeze what they inherit and collect garbage less "
    "often: collections 13 % → 5 % of a card's time.",
    "- Measured and not kept: separate borders instead of collapsed (+5 %), rows allowed to "
    "break, row borders instead of cell borders, page numbers without the page total (each "
    "±0 %). An untagged PDF would save 16 % of the calls; the issue requires the "
    "tagged PDF/UA one. The shared WeasyPrint setup (fonts, stylesheet) saves 35-43 ms a "
    "card: kept. Fonts: one family now (the page numbers were set in DejaVu Serif).",
    "- Side by side in one process, the same three cards alternately before and after (so "
    "the machine's load hits both alike): the PDF 1.30 → 0.98 CPU s a card (median of 3 "
    "rounds, −26 %).",
]
# The figure this benchmark replaced, kept as one line of history in RESULTS.md.
HISTORY = (
    "- Before the PDF was made faster (issue 12, item 2): 100 cards in 71.4 s wall, "
    "138.7 CPU s (1.39 CPU s and 0.714 s wall per card, 9 pages for this school's card); "
    "the whole school extrapolated to 11.9 minutes, over the target."
)


def run(learners: int, batch: int, targets: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        from django.conf import settings
        from django.utils import timezone

        from continuum.insights.tests.factories import school_create
        from continuum.reports.documents import PdfPrinter, report_card_pdf, report_card_read
        from continuum.reports.models import ReportBatch, ReportingPeriod
        from continuum.reports.services.batches import report_batch_task

        settings.VAR_DIR = Path(folder)
        school = school_create(learners=learners, targets=targets)
        today = timezone.localdate()
        period = ReportingPeriod.objects.create(
            school=school.school,
            name="Benchmark term",
            starts_on=today - timedelta(days=60),
            ends_on=today + timedelta(days=30),
        )
        people = sorted(school.learners, key=lambda p: (p.last_name, p.first_name, p.pk))
        chosen = people[:batch]
        job = ReportBatch.objects.create(
            requested_by=school.leader,
            school=school.school,
            period=period,
            language="en",
            learner_ids=[p.pk for p in chosen],
            total=len(chosen),
        )
        load_start = os.getloadavg()[0]
        wall, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
        report_batch_task.call(batch_id=job.pk)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        kids = _children_cpu() - kids
        load_end = os.getloadavg()[0]
        job.refresh_from_db()
        assert job.error == "", job.error
        assert job.done == len(chosen)
        archive = Path(folder) / job.archive
        with zipfile.ZipFile(archive) as opened:
            entries = len(opened.namelist())
        return {
            "learners": learners,
            "batch": len(chosen),
            "targets": targets,
            "wall_s": wall,
            "cpu_s": cpu,
            "children_cpu_s": kids,
            "entries": entries,
            "load": (load_start, load_end),
            "processes": settings.CONTINUUM_REPORT_PROCESSES,
            "zip_mb": archive.stat().st_size / 1024 / 1024,
            "compare": _compare(
                chosen[:SAMPLE], period, PdfPrinter, report_card_pdf, report_card_read
            ),
        }


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the layout processes)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _compare(people, period, printer_class, fresh_pdf, read) -> dict[str, float]:
    """Seconds per card: read + PDF with a fresh WeasyPrint setup each time, against the
    batch's shared printer, and the read alone."""
    from django.utils import timezone

    today = timezone.localdate()
    cards = [read(learner=p, period=period, language="en", today=today) for p in people]
    start = time.perf_counter()
    for p in people:
        read(learner=p, period=period, language="en", today=today)
    reading = (time.perf_counter() - start) / len(people)
    start = time.perf_counter()
    for card in cards:
        fresh_pdf(card=card, language="en")
    fresh = (time.perf_counter() - start) / len(people)
    printer = printer_class()
    start = time.perf_counter()
    for card in cards:
        printer.pdf(card=card, language="en")
    shared = (time.perf_counter() - start) / len(people)
    return {"read_s": reading, "fresh_pdf_s": fresh, "shared_pdf_s": shared}


def section(result: dict, command: str) -> str:
    load_start, load_end = result["load"]
    load = load_start  # at the end the batch's own processes have raised it
    per_card = result["wall_s"] / result["batch"]
    total_cpu = result["cpu_s"] + result["children_cpu_s"]
    unloaded = total_cpu / result["batch"] * result["learners"] / result["processes"]
    whole = per_card * result["learners"]
    compare = result["compare"]
    lines = [
        HEADING,
        "",
        f"`{command}` — the heatmap benchmark school ({result['learners']:,} learners in "
        f"sections of 25, {result['targets']} learning targets, an estimate on about 90 % of "
        "them), a reporting period under way, on a throwaway SQLite file database; the "
        "background worker's task (`report_batch_task`) run in this process, laying the PDFs "
        f"out in {result['processes']} processes (`CONTINUUM_REPORT_PROCESSES`).",
        f"Machine: {machine()}; load average (1 minute) {load_start:.1f} at the start, "
        f"{load_end:.1f} at the end.",
        "",
        "| measured | learners | wall s | CPU s, all processes | s per card (wall) "
        "| CPU s per card | ZIP MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| batch, measured | {result['batch']:,} | {result['wall_s']:.1f} | "
        f"{total_cpu:.1f} | {per_card:.3f} | {total_cpu / result['batch']:.3f} | "
        f"{result['zip_mb']:.1f} |",
    ]
    if result["batch"] < result["learners"]:
        lines.append(
            f"| **whole school, EXTRAPOLATED** (linear, from the {result['batch']:,} above; "
            f"not measured) | {result['learners']:,} | ≈ {whole:.0f} | "
            f"≈ {total_cpu / result['batch'] * result['learners']:.0f} | "
            f"{per_card:.3f} | {total_cpu / result['batch']:.3f} | |"
        )
    lines += [
        "",
        f"- Whole school: {'≈ ' if result['batch'] < result['learners'] else ''}"
        f"{whole / 60:.1f} minutes wall-clock as measured (target: under 10 minutes on two "
        f"cores); from the CPU time, on {result['processes']} otherwise idle cores: "
        f"{'≈ ' if result['batch'] < result['learners'] else ''}{unloaded / 60:.1f} minutes "
        "(CPU seconds of all processes ÷ processes).",
        f"- Per card, on {SAMPLE} cards: reading the card {compare['read_s'] * 1000:.0f} ms; "
        f"the PDF with a fresh WeasyPrint setup each time {compare['fresh_pdf_s'] * 1000:.0f} "
        f"ms, with the batch's shared setup (fonts, stylesheet parsed once, template "
        f"compiled once) {compare['shared_pdf_s'] * 1000:.0f} ms.",
        "- Cards are stored in the ZIP without compression (the PDFs' streams are "
        "compressed already).",
    ]
    if load > 1.5:
        lines.append(
            "- The machine was shared with other work (load average above); wall-clock "
            "figures are inflated accordingly, the CPU column less so."
        )
    lines += [*PROFILE, HISTORY, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--batch", type=int, help="learners in the batch (default: all)")
    parser.add_argument("--targets", type=int, default=200)
    parser.add_argument("--results", type=Path, help="rewrite the Report cards section")
    args = parser.parse_args(argv)
    result = run(args.learners, args.batch or args.learners, args.targets)
    command = "python -m bench.report_cards " + " ".join(argv if argv is not None else sys.argv[1:])
    text = section(result, command.strip())
    print(text)
    if args.results:
        section_replace(args.results, HEADING, text)


if __name__ == "__main__":
    main()
