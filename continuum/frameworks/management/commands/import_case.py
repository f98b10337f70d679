"""``continuum import_case PATH_OR_URL``: import CASE packages; exit non-zero on a bad one."""

from django.core.management.base import BaseCommand, CommandError

from continuum.frameworks.case.services import case_source_import
from continuum.frameworks.case.validate import CaseError
from continuum.people.models import User


class Command(BaseCommand):
    help = "Import a CASE 1.0/1.1 CFPackage (or a JSON array of them) from a file or URL."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a path, or an http(s) URL")
        parser.add_argument(
            "--user",
            help="username recorded as the importer; the frameworks belong to their district "
            "(without --user they are platform-wide: read by every district, changed by none)",
        )
        parser.add_argument(
            "--keep-first",
            action="store_true",
            help="accept identifiers repeated with different content (the first wins)",
        )

    def handle(self, *args, source: str, user: str | None, keep_first: bool, **options):
        importer = None
        if user:
            importer = User.objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"no user named {user!r}")
        try:
            result = case_source_import(source=source, user=importer, keep_first=keep_first)
        except CaseError as error:
            raise CommandError(f"{source}: {error}; nothing was imported") from error
        self.stdout.write(str(result))
