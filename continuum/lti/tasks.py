"""Mastery goes back to the LMS in the background worker, never inside the request that
changed an estimate (the LMS may be slow or down)."""

from django_tasks import task

from continuum.lti.models import CourseLink
from continuum.lti.services.grades import GradeSendError, mastery_send


@task()
def mastery_send_task(
    *, link_ids: list[int], learner_ids: list[int], target_ids: list[int]
) -> dict:
    """Send these learners' estimates on these targets to every linked course that takes
    them; a course whose LMS refuses is reported in the result and stops no other."""
    sent, refused = 0, {}
    for link in CourseLink.objects.filter(pk__in=link_ids).select_related("section", "context"):
        try:
            sent += mastery_send(link=link, learner_ids=learner_ids, target_ids=target_ids).scores
        except GradeSendError as error:
            refused[str(link.pk)] = str(error)
    return {"sent": sent, "refused": refused}
