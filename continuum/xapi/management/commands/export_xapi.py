"""``continuum export_xapi USERNAME --out FILE``: a learner's evidence as xAPI statements."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.people.models import Role, User
from continuum.xapi.selectors import learner_statement_list


class Command(BaseCommand):
    help = "Write a learner's scored evidence as a JSON list of xAPI 1.0.3 statements."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The learner's user name")
        parser.add_argument("--out", required=True, type=Path, help="The JSON file to write")

    def handle(self, *args, username: str, out: Path, **options):
        learner = User.objects.filter(username=username, role=Role.LEARNER).first()
        if learner is None:
            raise CommandError(f"No learner with user name {username!r}.")
        statements = learner_statement_list(learner=learner)
        out.write_text(json.dumps(statements, ensure_ascii=False, indent=2) + "\n")
        self.stdout.write(f"Wrote {len(statements)} statements to {out}.")
