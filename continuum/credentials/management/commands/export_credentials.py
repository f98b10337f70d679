"""``continuum export_credentials USERNAME --out DIR``: one JSON file per signed badge."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from continuum.credentials.badges import enveloped
from continuum.credentials.services.issuing import credentials_export
from continuum.people.models import Role, User


class Command(BaseCommand):
    help = (
        "Write a learner's signed Open Badges (one JSON file each, a VC-JWT in a VC 2.0 "
        "envelope) to a folder; badges missing for live awards are issued first. Revoked "
        "badges are left out. `continuum verify_credential FILE` checks any of them."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--out", required=True, type=Path, help="the folder to write into")

    def handle(self, *args, username: str, out: Path, **options):
        learner = User.objects.filter(username=username, role=Role.LEARNER).first()
        if learner is None:
            raise CommandError(f"No learner with username {username!r}.")
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} is a file; name a folder.")
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for badge in credentials_export(learner=learner):
            title = badge.award.requirement.title if badge.award else "badge"
            name = f"{slugify(title)[:60]}-{badge.uuid}.json"
            path = out / name
            path.write_text(json.dumps(enveloped(badge.token), indent=2) + "\n")
            written.append(path)
        self.stdout.write(f"Wrote {len(written)} credentials to {out}.")
