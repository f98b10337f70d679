"""``continuum credentials_sync [--school ID]``: awards and courses ended without credit."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from continuum.credentials.services.awards import awards_sync
from continuum.people.models import Organization


class Command(BaseCommand):
    help = (
        "Record the credits and certificates learners have newly earned, and each course "
        "credit whose due date passed unearned (its targets enter the learner's plan). "
        "Run it daily: course ends are announced by no evidence. Without --school, every "
        "school's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--school", type=int, help="only this school (its id)")

    def handle(self, *args, school: int | None = None, **options):
        schools = Organization.objects.filter(kind=Organization.Kind.SCHOOL).order_by("pk")
        if school is not None:
            schools = schools.filter(pk=school)
            if not schools.exists():
                raise CommandError(f"No school with id {school}.")
        today = timezone.localdate()
        for organization in schools:
            result = awards_sync(school=organization, today=today)
            self.stdout.write(
                f"{organization.name}: {result.learners} learners; {result.awarded} awarded, "
                f"{result.not_earned} courses ended without credit."
            )
