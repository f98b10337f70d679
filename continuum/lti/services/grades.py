"""Assignment and Grade Services: mastery sent back to the LMS gradebook, where the
district's policy on the platform allows (``Platform.grade_passback``: off by default).

One line item per learning target per course (resourceId ``continuum-target-<id>``, found
again or created once), scored as the level shown (the override, else the calculated
level) out of the scale's top level, or as a fraction of it. Only learners whose LMS
account is matched and who are enrolled in the linked section are sent.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import requests
from django.utils import timezone
from lti_tool.models import LtiLineItem, LtiUser
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.lineitem import LineItem
from pylti1p3.service_connector import ServiceConnector

from continuum.evidence.models import Estimate
from continuum.frameworks.public import scales_for
from continuum.lti.models import CourseLink, GradePassback
from continuum.people.models import Enrollment

_SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
_LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
TAG = "continuum-mastery"


class GradeSendError(Exception):
    """The LMS refused or cannot take scores; the message says why."""


@dataclass(frozen=True)
class SentScores:
    scores: int
    line_items_created: int


def _resource_id(target_id: int) -> str:
    return f"continuum-target-{target_id}"


def _service(link: CourseLink) -> AssignmentsGradesService:
    context = link.context
    if not context.lineitems_url or not context.can_publish_scores:
        raise GradeSendError(
            "The LMS gave no grade service (or no score scope) for this course: turn the "
            "Assignment and Grade Services scopes on in the LMS, then launch once."
        )
    scopes: list[Any] = [_SCORE_SCOPE]
    if context.can_manage_lineitems:
        scopes.append(_LINEITEM_SCOPE)
    registration = context.deployment.registration.to_registration()
    return AssignmentsGradesService(
        ServiceConnector(registration), {"scope": scopes, "lineitems": context.lineitems_url}
    )


def _line_item(
    service: AssignmentsGradesService, link: CourseLink, target, maximum: float
) -> tuple[str, bool]:
    known = LtiLineItem.objects.filter(
        context=link.context, resource_id=_resource_id(target.pk)
    ).first()
    if known is not None:
        return known.url, False
    wanted = (
        LineItem()
        .set_label(f"{target.human_coding_scheme} {target.full_statement}".strip()[:255])
        .set_score_maximum(maximum)
        .set_resource_id(_resource_id(target.pk))
        .set_tag(TAG)
    )
    found = service.find_or_create_lineitem(wanted, find_by="resource_id")
    url = found.get_id()
    if not url:
        raise GradeSendError("The LMS answered a line item without its id (URL).")
    LtiLineItem.objects.update_or_create(
        url=url,
        defaults={
            "context": link.context,
            "maximum_score": maximum,
            "label": wanted.get_label() or "",
            "tag": TAG,
            "resource_id": _resource_id(target.pk),
        },
    )
    return url, True


def mastery_send(
    *,
    link: CourseLink,
    learner_ids: Iterable[int] | None = None,
    target_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> SentScores:
    """Send the section's shown estimates (optionally only these learners' or targets')
    to the course's gradebook. Nothing is sent when the platform's grade passback is off."""
    mode = link.context.deployment.registration.continuum_platform.grade_passback
    if mode == GradePassback.OFF:
        return SentScores(0, 0)
    section = link.section
    accounts = LtiUser.objects.filter(
        registration=link.context.deployment.registration,
        auth_user__enrollments__section=section,
    )
    if learner_ids is not None:
        accounts = accounts.filter(auth_user_id__in=list(learner_ids))
    sub_of = dict(accounts.values_list("auth_user_id", "sub"))
    estimates = Estimate.objects.filter(learner_id__in=sub_of).select_related("target")
    if target_ids is not None:
        estimates = estimates.filter(target_id__in=list(target_ids))
    shown = [e for e in estimates if e.shown_level is not None]
    if not shown:
        return SentScores(0, 0)
    scales = scales_for({e.target_id: e.target for e in shown}.values())
    service = _service(link)
    stamp = (now or timezone.now()).isoformat()
    sent = created = 0
    try:
        for estimate in shown:
            scale = scales.get(estimate.target_id)
            top = max((level.value for level in scale.levels.all()), default=0) if scale else 0
            if top <= 0:
                continue
            level = min(float(estimate.shown_level or 0), top)
            maximum = 1.0 if mode == GradePassback.FRACTION else top
            given = round(level / top, 4) if mode == GradePassback.FRACTION else level
            url, made = _line_item(service, link, estimate.target, maximum)
            grade = (
                Grade()
                .set_score_given(given)
                .set_score_maximum(maximum)
                .set_user_id(sub_of[estimate.learner_id])
                .set_timestamp(stamp)
                .set_activity_progress("Completed")
                .set_grading_progress("FullyGraded")
            )
            service.put_grade(grade, LineItem().set_id(url))
            sent += 1
            created += made
    except (LtiException, requests.RequestException) as error:
        raise GradeSendError(f"The LMS refused the scores: {error}") from error
    return SentScores(sent, created)


def links_for_pairs(pairs: Iterable[tuple[int, int]]) -> list[CourseLink]:
    """The course links whose section holds one of these learners, on a platform that
    sends mastery. One query when no platform sends mastery (the usual case); the learners
    are matched in Python, as a district recompute can name more of them than a query
    may carry."""
    links = list(
        CourseLink.objects.exclude(
            context__deployment__registration__continuum_platform__grade_passback=GradePassback.OFF
        ).select_related("section", "context__deployment__registration")
    )
    if not links:
        return []
    learners = {learner for learner, _target in pairs}
    enrolled = Enrollment.objects.filter(section_id__in={link.section_id for link in links})
    sections = {
        s for s, learner in enrolled.values_list("section_id", "learner_id") if learner in learners
    }
    return [link for link in links if link.section_id in sections]
