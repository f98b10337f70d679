"""``continuum export_learner USERNAME --out FILE.zip [--reason TEXT]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.people.models import User
from continuum.privacy.services.export import learner_export, learner_get_by_username


class Command(BaseCommand):
    help = (
        "Write everything about one learner (data.json plus their portfolio files) to a zip. "
        "The export is kept in the record of disclosures with its reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--out", required=True, type=Path, help="the zip file to write")
        parser.add_argument("--reason", default="Exported from the command line")

    def handle(self, *args, username: str, out: Path, reason: str, **options):
        try:
            learner = learner_get_by_username(username)
        except User.DoesNotExist as error:
            raise CommandError(str(error)) from None
        if out.exists():
            raise CommandError(f"{out} exists; choose a new file.")
        with out.open("wb") as handle:
            summary = learner_export(learner=learner, actor=None, reason=reason, out=handle)
        rows = sum(summary["models"].values())
        self.stdout.write(f"Wrote {rows} rows and {summary['files']} files to {out}.")
