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
        wall, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
        report_batch_task.call(batch_id=job.pk)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        kids = _children_cpu() - kids
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
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
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
        f"Machine: {machine()}; load average at start {load:.1f}.",
        "",
        "| measured | learners | wall s | CPU s, all processes | s per card (wall) | ZIP MiB |",
        "|---|---:|---:|---:|---:|---:|",
        f"| batch, measured | {result['batch']:,} | {result['wall_s']:.1f} | "
        f"{total_cpu:.1f} | {per_card:.3f} | {result['zip_mb']:.1f} |",
    ]
    if result["batch"] < result["learners"]:
        lines.append(
            f"| **whole school, EXTRAPOLATED** (linear, from the {result['batch']:,} above; "
            f"not measured) | {result['learners']:,} | ≈ {whole:.0f} | "
            f"≈ {total_cpu / result['batch'] * result['learners']:.0f} | "
            f"{per_card:.3f} | |"
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
    lines.append("")
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
