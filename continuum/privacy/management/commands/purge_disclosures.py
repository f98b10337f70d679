"""``continuum purge_disclosures [--days N]``: delete disclosures older than the retention."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from continuum.privacy.services.disclosures import disclosure_purge


class Command(BaseCommand):
    help = (
        "Delete rows of the record of disclosures older than "
        "CONTINUUM_DISCLOSURE_RETENTION_DAYS (or --days). Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="override the retention setting")

    def handle(self, *args, days: int | None = None, **options):
        days = settings.CONTINUUM_DISCLOSURE_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention must be at least one day.")
        deleted = disclosure_purge(days=days)
        self.stdout.write(f"Deleted {deleted} disclosures older than {days} days.")
