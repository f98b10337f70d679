"""A launch from a district's LMS: validate the id_token, find the person and the section,
and say where they land. Nothing here creates a person or gives anyone a role.

pylti1p3 (through django-lti) checks the OIDC state, the nonce (used once:
``storage.DatabaseLaunchStorage``), the registration (issuer and audience), the signature
against the platform's JWKS, the expiry and the deployment id. Its errors are turned into
sentences a teacher can act on, and every launch, refused or not, is recorded.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from lti_tool.models import LtiContext, LtiLaunch, LtiUser
from lti_tool.utils import sync_data_from_launch
from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.exception import LtiException, OIDCException

from continuum.lti.models import CourseLink, LaunchOutcome, LaunchRecord, Platform
from continuum.lti.storage import (
    DatabaseLaunchStorage,
    DistrictToolConfig,
    launch_values_purge,
)
from continuum.people.models import Organization, Section, User
from continuum.rostering.models import RosterKind, RosterRecord

LIS_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/lis"

# pylti1p3's messages (matched by their start) and what they mean for whoever launched.
_EXPLAINED = (
    (
        "Missing state",
        "The launch did not come through Continuum's login step "
        "(/lti/login/): start it again from the LMS.",
    ),
    (
        "State not found",
        "This launch's state is unknown or older than five minutes: start it again from the LMS.",
    ),
    ("Missing id_token", "The launch carries no id_token."),
    ("Invalid id_token", "The id_token is not a JWT."),
    ("Invalid JWT format", "The id_token is not a JWT."),
    ('"nonce" is empty', "The id_token has no nonce."),
    (
        "Invalid Nonce",
        "This id_token's nonce was already used or was never issued: an "
        "id_token is good for one launch only. Start again from the LMS.",
    ),
    (
        "Registration not found",
        "No platform registered in Continuum has this issuer and "
        "client id (the id_token's iss and aud): the token was not meant for Continuum, or "
        "the district admin has not registered (or has turned off) this LMS.",
    ),
    (
        "Client id not registered",
        "The id_token's audience is not the client id registered for this issuer.",
    ),
    (
        "Unable to find public key",
        "The id_token was signed with a key the platform's key set (JWKS) does not publish.",
    ),
    (
        "Can't decode id_token: Signature has expired",
        "The id_token has expired: start again from the LMS.",
    ),
    (
        "Can't decode id_token: Signature verification failed",
        "The id_token's signature "
        "does not match the platform's published key: it was not signed by the registered "
        "platform.",
    ),
    ("Can't decode id_token", "The id_token could not be verified"),
    (
        "Unable to find deployment",
        "This deployment of the tool is not one the district "
        "admin listed for this platform (deployment ids on the platform page).",
    ),
    ("Error during fetch URL", "The platform's key set (JWKS URL) could not be fetched."),
    ("Invalid response from", "The platform's key set (JWKS URL) is not JSON."),
)


class LaunchRefusedError(Exception):
    """The launch is not valid; the message says why, in words for the person launching.
    ``frame_origin`` is the registered LMS's address when the token named one, so the
    refusal can be read inside that LMS's frame."""

    def __init__(self, reason: str, frame_origin: str = "") -> None:
        super().__init__(reason)
        self.frame_origin = frame_origin


@dataclass(frozen=True)
class Landing:
    """Who launched and where: ``person`` None means no match (nobody is signed in)."""

    platform: Platform
    launch: LtiLaunch
    lti_user: LtiUser
    person: User | None
    context: LtiContext | None
    section: Section | None


def explain(error: Exception) -> str:
    text = str(error)
    for start, meaning in _EXPLAINED:
        if text.startswith(start):
            return meaning if meaning.endswith(".") or ":" in meaning else f"{meaning}: {text}"
    return f"The launch is not valid: {text}"


def _tool_config() -> DistrictToolConfig:
    return DistrictToolConfig()


def login_redirect(*, request: HttpRequest, launch_url: str):
    """The OIDC third-party login answer: a redirect to the platform's authorization
    endpoint with a fresh state (also set as a cookie) and nonce."""
    params = request.POST if request.method == "POST" else request.GET
    if not params.get("target_link_uri"):
        raise LaunchRefusedError("The login request names no target_link_uri.")
    launch_values_purge()
    oidc = DjangoOIDCLogin(request, _tool_config(), launch_data_storage=DatabaseLaunchStorage())
    try:
        return oidc.redirect(launch_url)
    except (LtiException, OIDCException) as error:
        reason = {
            "Could not find issuer": "The login request names no issuer (iss).",
            "Could not find login hint": "The login request has no login_hint.",
            "Could not find registration details": "No platform registered in Continuum "
            "has this issuer (and client id).",
        }.get(str(error), f"The login request is not valid: {error}")
        raise LaunchRefusedError(reason) from error


def _refuse(
    reason: str, tool_config: DistrictToolConfig, claims: Mapping[str, Any]
) -> LaunchRefusedError:
    platform = None
    if tool_config.registration is not None:
        platform = Platform.objects.filter(registration=tool_config.registration).first()
    else:
        platform = _platform_named(claims)
    LaunchRecord.objects.create(
        platform=platform,
        outcome=LaunchOutcome.REFUSED,
        reason=reason[:500],
        issuer=str(claims.get("iss", ""))[:255],
        sub=str(claims.get("sub", ""))[:255],
    )
    return LaunchRefusedError(reason, platform.frame_origin if platform else "")


def _platform_named(claims: Mapping[str, Any]) -> Platform | None:
    """The one registered platform a refused id_token names by its issuer and audience.

    pylti1p3 checks the state and the nonce before it looks the registration up, so a replay
    or a stale launch would otherwise be logged with no platform: missing from the district's
    launch log and unreadable in the LMS's frame. The claims are unverified; they only say
    where the refusal is shown, never let anything in."""
    audience = claims.get("aud")
    if isinstance(audience, list):
        audience = audience[0] if len(audience) == 1 else None
    if not isinstance(audience, str) or not isinstance(claims.get("iss"), str):
        return None
    found = list(
        Platform.objects.filter(
            registration__issuer=claims["iss"], registration__client_id=audience
        )[:2]
    )
    return found[0] if len(found) == 1 else None


def launch_receive(*, request: HttpRequest) -> Landing:
    """Validate the id_token POSTed by the platform and match the person and the section
    in the registration's district. Raises ``LaunchRefusedError`` (recorded) when invalid;
    a valid launch with no matching person returns ``person=None`` (recorded)."""
    tool_config = _tool_config()
    message_launch = DjangoMessageLaunch(
        request, tool_config, launch_data_storage=DatabaseLaunchStorage()
    )
    try:
        message_launch.validate()
    except LtiException as error:
        raise _refuse(explain(error), tool_config, message_launch._jwt.get("body", {})) from error
    launch = LtiLaunch(message_launch)
    with transaction.atomic():
        sync_data_from_launch(launch)
        platform = launch.registration.continuum_platform
        lti_user = launch.user
        person, matched_by = person_match(platform=platform, lti_user=lti_user, launch=launch)
        context = None if launch.is_data_privacy_launch else launch.context
        section = section_for(platform=platform, context=context, launch=launch)
        LaunchRecord.objects.create(
            platform=platform,
            outcome=LaunchOutcome.LANDED if person else LaunchOutcome.NO_PERSON,
            reason=f"matched by {matched_by}" if person else _no_person_reason(launch),
            issuer=platform.registration.issuer,
            sub=lti_user.sub,
            person=person,
        )
    return Landing(platform, launch, lti_user, person, context, section)


def _no_person_reason(launch: LtiLaunch) -> str:
    lis = launch.get_claim(LIS_CLAIM) or {}
    return (
        "no person of the district has this LMS account, sourcedId "
        f"{lis.get('person_sourcedid') or '(none)'} or e-mail {launch.get_claim('email') or '(none)'}"
    )[:500]


def district_people(district: Organization):
    """The active people of a district (its staff and its schools' people)."""
    return User.objects.filter(is_active=True).filter(
        Q(organization=district) | Q(organization__parent=district)
    )


def person_by_identifiers(
    *, district: Organization, sourced_ids: list[str], email: str
) -> tuple[User | None, str]:
    """The one person of the district the roster's sourcedId (tried in order) or, failing
    that, the e-mail names; ``(None, "")`` when none or several match."""
    people = district_people(district)
    for sourced_id in filter(None, sourced_ids):
        record = (
            RosterRecord.objects.filter(
                district=district, kind=RosterKind.USER, sourced_id=sourced_id
            )
            .exclude(person=None)
            .first()
        )
        if record is not None and people.filter(pk=record.person_id).exists():
            return record.person, "sourcedId"
    if email:
        found = list(people.filter(email__iexact=email)[:2])
        if len(found) == 1:
            return found[0], "e-mail"
    return None, ""


def person_match(
    *, platform: Platform, lti_user: LtiUser, launch: LtiLaunch
) -> tuple[User | None, str]:
    """The LMS account's person in the platform's district: the one an earlier launch or
    roster sync matched (by ``sub``), else by the lis person_sourcedid (or a ``sub`` that
    is the sourcedId), else by e-mail. The match is kept on the LMS account."""
    district = platform.district
    if lti_user.auth_user_id and (
        known := district_people(district).filter(pk=lti_user.auth_user_id).first()
    ):
        return known, "earlier match of this LMS account"
    lis = launch.get_claim(LIS_CLAIM) or {}
    person, how = person_by_identifiers(
        district=district,
        sourced_ids=[lis.get("person_sourcedid") or "", lti_user.sub],
        email=launch.get_claim("email") or "",
    )
    if person is not None:
        LtiUser.objects.filter(pk=lti_user.pk).update(auth_user=person)
    return person, how


def section_for(
    *, platform: Platform, context: LtiContext | None, launch: LtiLaunch | None = None
) -> Section | None:
    """The section the LMS course is: its link, else the section whose OneRoster class
    sourcedId is the course's lis course_section_sourcedid (then linked for next time)."""
    if context is None:
        return None
    link = CourseLink.objects.filter(context=context).select_related("section").first()
    if link is not None:
        return link.section
    lis = (launch.get_claim(LIS_CLAIM) if launch else None) or {}
    sourced_id = lis.get("course_section_sourcedid")
    if not sourced_id:
        return None
    record = RosterRecord.objects.filter(
        district=platform.district, kind=RosterKind.CLASS, sourced_id=sourced_id
    ).first()
    if record is None or record.object_id is None:
        return None
    section = Section.objects.filter(pk=record.object_id, school__parent=platform.district).first()
    if section is not None:
        CourseLink.objects.create(context=context, section=section)
    return section


def course_link(*, context: LtiContext, section: Section, by: User) -> CourseLink:
    """Link an LMS course to one of ``by``'s own sections of the platform's district, once
    (audited). A course already linked keeps its section."""
    platform = context.deployment.registration.continuum_platform
    if (
        section.school.parent_id != platform.district_id
        or not section.educators.filter(pk=by.pk).exists()
    ):
        raise LaunchRefusedError("Link the course to a section you teach in this district.")
    if CourseLink.objects.filter(context=context).exists():
        raise LaunchRefusedError("This course is already linked to a section.")
    link = CourseLink(context=context, section=section, linked_by=by)
    link._change_reason = "LMS course linked by an educator"  # type: ignore[attr-defined]
    link._history_user = by  # type: ignore[attr-defined]
    with transaction.atomic():
        link.save()
    return link
