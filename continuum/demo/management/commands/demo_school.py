"""``continuum demo_school``: load the demo school (idempotent) and print its logins."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from continuum.demo.school import demo_school_build
from continuum.people.public import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the deterministic demo school and print one login per role."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")

    def handle(self, *args, seed: int, **options):
        if not settings.CONTINUUM_DEMO:
            raise CommandError(
                "The demo school uses a published password; run it only with CONTINUUM_DEMO=true "
                "on a throwaway database."
            )
        school = demo_school_build(seed=seed, today=timezone.localdate())
        if school.created:
            self.stdout.write(
                f"Demo school loaded: {school.learners} learners in {school.sections} sections; "
                f"frameworks: {', '.join(school.frameworks)}."
            )
        else:
            self.stdout.write("Demo school already loaded; nothing changed.")
        self.stdout.write(f"\nDemo logins (password: {DEMO_PASSWORD}):")
        for login in school.logins:
            self.stdout.write(f"  {login.username:<10} {login.role:<18} {login.name}")
        self.stdout.write("\nOpen http://127.0.0.1:8000/ and sign in.\n")
