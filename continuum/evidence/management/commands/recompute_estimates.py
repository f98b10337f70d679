"""``continuum recompute_estimates [--school ID]``: every estimate, recalculated in one pass."""

from django.core.management.base import BaseCommand, CommandError

from continuum.evidence.services.recompute import estimates_recompute
from continuum.people.models import Organization


class Command(BaseCommand):
    help = (
        "Recalculate every mastery estimate from all evidence through the engine's batch path "
        "(overrides are kept). Without --school, every learner's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--school", type=int, help="only this school's learners (its id)")

    def handle(self, *args, school: int | None = None, **options):
        organization = None
        if school is not None:
            organization = Organization.objects.filter(pk=school, kind="school").first()
            if organization is None:
                raise CommandError(f"No school with id {school}.")
        result = estimates_recompute(school=organization)
        self.stdout.write(
            f"Recomputed {result.estimates} estimates for {result.learners} learners from "
            f"{result.evidence} scored pieces of evidence in {result.seconds:.2f} s "
            f"({result.created} new, {result.changed} changed)."
        )
