"""``continuum export_case ID_OR_IDENTIFIER``: print the latest version as a CFPackage."""

import json

from django.core.management.base import BaseCommand, CommandError

from continuum.frameworks.case.selectors import case_package_get, case_version_get


class Command(BaseCommand):
    help = "Print a framework's latest version as CASE CFPackage JSON on standard output."

    def add_arguments(self, parser):
        parser.add_argument("framework", help="the CFDocument identifier or the database id")

    def handle(self, *args, framework: str, **options):
        version = case_version_get(framework, user=None)
        if version is None:
            raise CommandError(f"no framework {framework!r}")
        self.stdout.write(json.dumps(case_package_get(version), ensure_ascii=False, indent=2))
