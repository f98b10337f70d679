"""``continuum import_scores FILE.csv --user USERNAME``: record a scores CSV, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.integrations.services.csv_import import ImportRefusedError, scores_csv_import
from continuum.people.models import User


class Command(BaseCommand):
    help = (
        "Import scores from a CSV (the template's columns) as evidence scored by --user. "
        "Every line is checked first; any error records nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", type=Path, help="the CSV file (UTF-8)")
        parser.add_argument("--user", required=True, help="the educator who scored it (username)")

    def handle(self, *args, csv: Path, user: str, **options):
        scorer = User.objects.filter(username=user).first()
        if scorer is None:
            raise CommandError(f"No user “{user}”.")
        try:
            data = csv.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {csv}: {error.strerror}") from None
        try:
            recorded = scores_csv_import(data=data, user=scorer)
        except ImportRefusedError as refused:
            for problem in refused.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing imported: {len(refused.errors)} error(s) in {csv.name}."
            ) from None
        learners = len({evidence.learner_id for evidence in recorded})
        self.stdout.write(
            f"Imported {len(recorded)} scores for {learners} learners from {csv.name}."
        )
