"""Names and Role Provisioning: the LMS course's roster compared with Continuum's people.

The roster is read with a service token (OAuth 2 client credentials, a client assertion
JWT signed with the tool's key). Members are matched like launches (an earlier match of
their LMS account, the lis person_sourcedid, the e-mail) in the platform's district only;
nobody is created and nobody is enrolled: the district's roster (OneRoster) owns
enrollments, and an LMS course may hold people a section does not. The report says who
matched, who is missing from Continuum, and who matched but is not in the linked section.
"""

from dataclasses import dataclass, field

import requests
from django.db import transaction
from lti_tool.models import LtiContext, LtiUser
from lti_tool.services.nrps import fetch_member_data
from pylti1p3.exception import LtiException

from continuum.lti.models import CourseLink, Platform
from continuum.lti.services.launches import person_by_identifiers
from continuum.people.models import User


class RosterSyncError(Exception):
    """The platform's roster could not be read; the message says why."""


@dataclass(frozen=True)
class Member:
    name: str
    email: str
    roles: tuple[str, ...]
    user_id: str
    person: User | None = None
    matched_by: str = ""


@dataclass
class RosterReport:
    matched: list[Member] = field(default_factory=list)
    missing: list[Member] = field(default_factory=list)
    not_in_section: list[Member] = field(default_factory=list)


def _short_role(role: str) -> str:
    return role.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def roster_sync(*, link: CourseLink) -> RosterReport:
    """Read the course's roster, keep each member's LMS account (django-lti's LtiUser, never
    a person) and its match, and report. Raises ``RosterSyncError`` if the platform gives
    no roster service or refuses the token."""
    context: LtiContext = link.context
    platform: Platform = context.deployment.registration.continuum_platform
    if not context.memberships_url:
        raise RosterSyncError(
            "The LMS gave no roster service for this course (its launches carry no Names "
            "and Role Provisioning claim): turn the NRPS scope on in the LMS."
        )
    try:
        members = fetch_member_data(context)
    except (LtiException, requests.RequestException) as error:
        raise RosterSyncError(f"The LMS refused the roster request: {error}") from error
    report = RosterReport()
    in_section = set(link.section.enrollments.values_list("learner_id", flat=True)) | set(
        link.section.educators.values_list("pk", flat=True)
    )
    with transaction.atomic():
        context.update_memberships(
            [{**member, "status": member.get("status", "Active")} for member in members]
        )
        for data in members:
            lti_user = LtiUser.objects.get(registration=platform.registration, sub=data["user_id"])
            person, how = None, ""
            if lti_user.auth_user_id:
                person, how = lti_user.auth_user, "earlier match of this LMS account"
            else:
                person, how = person_by_identifiers(
                    district=platform.district,
                    sourced_ids=[data.get("lis_person_sourcedid") or "", data["user_id"]],
                    email=data.get("email") or "",
                )
                if person is not None:
                    LtiUser.objects.filter(pk=lti_user.pk).update(auth_user=person)
            member = Member(
                name=data.get("name") or data.get("email") or data["user_id"],
                email=data.get("email") or "",
                roles=tuple(_short_role(r) for r in data.get("roles", [])),
                user_id=data["user_id"],
                person=person,
                matched_by=how,
            )
            if person is None:
                report.missing.append(member)
            else:
                report.matched.append(member)
                if person.pk not in in_section:
                    report.not_in_section.append(member)
    return report
