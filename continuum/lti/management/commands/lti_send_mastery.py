from django.core.management.base import BaseCommand, CommandError

from continuum.lti.models import CourseLink, GradePassback
from continuum.lti.services.grades import GradeSendError, mastery_send


class Command(BaseCommand):
    help = (
        "Send mastery to the LMS gradebook for every linked course whose platform sends it "
        "(or only --course ID); a course whose LMS refuses is reported, the others go on."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--course", type=int, help="one course link's id")

    def handle(self, *args, course: int | None = None, **options) -> None:
        links = CourseLink.objects.exclude(
            context__deployment__registration__continuum_platform__grade_passback=GradePassback.OFF
        ).select_related("section", "context")
        if course is not None:
            links = links.filter(pk=course)
            if not links.exists():
                raise CommandError(f"No linked course {course} on a platform that sends mastery.")
        failed = 0
        for link in links:
            try:
                sent = mastery_send(link=link)
            except GradeSendError as error:
                failed += 1
                self.stderr.write(f"{link}: {error}")
            else:
                self.stdout.write(f"{link}: {sent.scores} score(s) sent")
        if failed:
            raise CommandError(f"{failed} course(s) could not be sent.")
