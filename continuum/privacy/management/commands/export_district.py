"""``continuum export_district DISTRICT_ID --out DIR``: the end-of-contract export."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.people.models import Organization
from continuum.privacy.services.export import district_export


class Command(BaseCommand):
    help = (
        "Write everything of a district's schools and people into a folder: one JSON file "
        "per model and the stored files (for the end of a contract)."
    )

    def add_arguments(self, parser):
        parser.add_argument("district_id", type=int)
        parser.add_argument("--out", required=True, type=Path, help="an empty or new folder")

    def handle(self, *args, district_id: int, out: Path, **options):
        district = Organization.objects.filter(
            pk=district_id, kind=Organization.Kind.DISTRICT
        ).first()
        if district is None:
            raise CommandError(f"No district with id {district_id}.")
        if out.exists() and any(out.iterdir()):
            raise CommandError(f"{out} is not empty; choose a new folder.")
        counts = district_export(district=district, out_dir=out)
        self.stdout.write(
            f"Wrote {sum(counts.values())} rows of {len(counts)} models for {district} to {out}."
        )
