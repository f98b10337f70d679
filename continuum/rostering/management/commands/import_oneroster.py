"""``continuum import_oneroster PATH.zip [--district ID] [--json OUT] [--dry-run]``."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.people.models import Organization
from continuum.rostering.models import RosterImport
from continuum.rostering.services.imports import roster_import_preview, roster_import_run
from continuum.rostering.services.package import Problem

COUNTS = ("created", "updated", "deactivated")


class Command(BaseCommand):
    help = (
        "Import a OneRoster 1.1 or 1.2 CSV package (.zip) into a district, all or nothing: "
        "any error changes nothing and every error is listed as file:line field: reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("package", type=Path, help="the OneRoster CSV package (.zip)")
        parser.add_argument(
            "--district",
            help="the district: its Continuum id or its OneRoster sourcedId "
            "(may be left out when Continuum has one district)",
        )
        parser.add_argument(
            "--json", dest="out", type=Path, help="write the counts (and errors) here"
        )
        parser.add_argument("--dry-run", action="store_true", help="check and count only")

    def handle(self, *args, package: Path, district, out: Path | None, dry_run: bool, **options):
        target = _district(district)
        try:
            data = package.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {package}: {error.strerror}") from None
        record = roster_import_preview(
            district=target, by=None, file_name=package.name, data=data, keep_package=not dry_run
        )
        if record.state == RosterImport.State.PREVIEWED and not dry_run:
            roster_import_run(import_id=record.pk)
            record.refresh_from_db()
        if out is not None:
            _write(out, record)
        for problem in record.errors:
            self.stderr.write(_line(problem))
        if record.errors:
            raise CommandError(
                f"Nothing imported: {len(record.errors)} error(s) in {package.name}."
            )
        for warning in record.warnings:
            self.stdout.write(f"warning: {_line(warning)}")
        verb = "Would import" if dry_run else "Imported"
        totals = ", ".join(f"{sum(record.summary[c].values())} {c}" for c in COUNTS)
        self.stdout.write(f"{verb} {package.name} into {target.name}: {totals}.")


def _district(value: str | None) -> Organization:
    districts = Organization.objects.filter(kind=Organization.Kind.DISTRICT)
    if value is None:
        found = list(districts[:2])
        if len(found) != 1:
            raise CommandError("Name the district with --district (its id or sourcedId).")
        return found[0]
    match = districts.filter(pk=int(value)) if value.isdigit() else districts.none()
    found = list(match) or list(districts.filter(sourced_id=value)[:2])
    if len(found) != 1:
        raise CommandError(f"No district “{value}” (give its id or its OneRoster sourcedId).")
    return found[0]


def _line(problem: dict) -> str:
    return str(Problem(**problem))


def _write(path: Path, record: RosterImport) -> None:
    out = {count: record.summary.get(count, {}) for count in COUNTS}
    out |= {"errors": record.errors, "warnings": record.warnings}
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
