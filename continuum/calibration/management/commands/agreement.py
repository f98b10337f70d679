"""``continuum agreement --csv FILE --level nominal|ordinal|interval|ratio --json OUT``: how
far the raters in a ``rater,unit,score`` file agree. Reads the file, writes OUT, touches
nothing else (no database)."""

import json
from dataclasses import asdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.calibration.ratings_csv import RatingsCsvError, ratings_csv_read
from continuum.mastery.agreement import Level, agreement_summary


class Command(BaseCommand):
    help = (
        "Agreement statistics for a rater,unit,score CSV file: Krippendorff's alpha with a "
        "bootstrap interval, Fleiss' kappa, exact and adjacent agreement, written as JSON."
    )
    # A file in and a file out: no database, so the system checks (which open it) are no
    # precondition, and the command runs where no database is configured.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--csv", type=Path, required=True, help="rater,unit,score rows (UTF-8)")
        parser.add_argument(
            "--level",
            required=True,
            choices=[level.value for level in Level],
            help="what a difference between two scores means (docs/calibration.md)",
        )
        parser.add_argument("--json", dest="out", type=Path, required=True, help="where to write")
        parser.add_argument(
            "--step",
            type=float,
            default=1.0,
            help="scores at most this far apart count as adjacent (default 1)",
        )
        parser.add_argument(
            "--resamples",
            type=int,
            default=1000,
            help="bootstrap resamples for alpha's 95%% interval; 0 for none (default 1000)",
        )
        parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")

    def handle(
        self,
        *args,
        csv: Path,
        level: str,
        out: Path,
        step: float,
        resamples: int,
        seed: int,
        **options,
    ):
        if resamples < 0 or step < 0:
            raise CommandError("--resamples and --step cannot be negative.")
        try:
            data = csv.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {csv}: {error.strerror}") from None
        try:
            found = ratings_csv_read(data, level=Level(level))
        except RatingsCsvError as refused:
            for problem in refused.problems:
                self.stderr.write(f"{csv.name}: {problem}")
            raise CommandError(
                f"Nothing computed: {len(refused.problems)} error(s) in {csv.name}."
            ) from None
        summary = agreement_summary(
            found.ratings,
            Level(level),
            step=None if found.labels is not None else step,
            resamples=resamples,
            seed=seed,
        )
        result = asdict(summary)
        low, high = result.pop("alpha_low"), result.pop("alpha_high")
        result["krippendorff_alpha_interval"] = (
            None
            if low is None
            else {
                "low": low,
                "high": high,
                "confidence": 0.95,
                "resamples": resamples,
                "seed": seed,
            }
        )
        result["level"] = level
        try:
            out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {out}: {error.strerror}") from None
        alpha = (
            "undefined"
            if summary.krippendorff_alpha is None
            else f"{summary.krippendorff_alpha:.3f}"
        )
        self.stdout.write(
            f"Krippendorff's alpha ({level}) {alpha} over {summary.units} units and "
            f"{summary.raters} raters; wrote {out}."
        )
