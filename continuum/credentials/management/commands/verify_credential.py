"""``continuum verify_credential FILE``: exit 0 only for a genuine, unrevoked, unaltered
credential; otherwise exit 1 and say why."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.credentials.verification import MAX_BYTES, credential_verify


class Command(BaseCommand):
    help = (
        "Check a credential file (JSON, an enveloped VC-JWT or a bare JWT): exits 0 when it "
        "is genuine, unchanged and not revoked; otherwise 1, with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"No file {file}.")
        with file.open("rb") as handle:
            verdict = credential_verify(handle.read(MAX_BYTES + 1))
        if not verdict.genuine:
            raise CommandError(f"{verdict.outcome}: {verdict.reason}")
        self.stdout.write(f"genuine: {verdict.reason}")
