"""``continuum compute_supports [--school ID]``: flags and pace for a school (or all)."""

from django.core.management.base import BaseCommand, CommandError

from continuum.people.models import Organization
from continuum.supports.models import SupportsRun
from continuum.supports.services.compute import supports_compute


class Command(BaseCommand):
    help = (
        "Compute every learner's pace to each requirement and their early-warning flags "
        "(new flags opened, cleared ones resolved). Without --school, every school's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--school", type=int, help="only this school (its id)")

    def handle(self, *args, school: int | None = None, **options):
        schools = Organization.objects.filter(kind=Organization.Kind.SCHOOL)
        if school is not None:
            schools = schools.filter(pk=school)
            if not schools.exists():
                raise CommandError(f"No school with id {school}.")
        for organization in schools:
            run = SupportsRun.objects.create(school=organization)
            result = supports_compute(school=organization, run=run)
            self.stdout.write(
                f"{organization.name}: {result.learners} learners, {result.paces} paces; flags "
                f"{result.opened} opened, {result.kept} kept, {result.resolved} resolved."
            )
