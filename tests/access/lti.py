"""LTI 1.3: what the LMS reaches, the launched person's pages, the admin's platforms.

The LMS reaches /lti/jwks.json, /lti/login/ and /lti/launch/ anonymously (the browser
carries the platform's launch, not a Continuum session), so every role, signed in or not,
reaches them: the key set answers 200, and the login and launch refuse garbage with 400
(the LTI tests cover real launches). Linking a course and deep linking need a session
that an LMS launch opened: without one every role is refused. Platforms are a district
admin's, for their own district (Ada Riverside's, Otto Lakeside's); a linked course's
page is for its section's educators (Erin, Math 6A) and the district's admin.
"""

from lti_tool.models import LtiContext

from continuum.lti.models import CourseLink
from continuum.lti.services.platforms import PlatformDetails, platform_register
from continuum.lti.tests.platform import tool_key_create
from tests.access import ROLES, Case, allow

EVERYONE = frozenset(ROLES)


def _details(issuer: str) -> PlatformDetails:
    return PlatformDetails(
        name="Canvas",
        issuer=issuer,
        client_id="continuum",
        deployment_ids=("1",),
        auth_url=f"{issuer}/auth",
        token_url=f"{issuer}/token",
        keyset_url=f"{issuer}/jwks",
        frame_origin=issuer,
    )


def populate(world: dict) -> None:
    tool_key_create()
    world["lti_platform"] = platform_register(
        by=world["ada"], details=_details("https://riverside.lms.example")
    )
    world["lakeside_lti_platform"] = platform_register(
        by=world["otto"], details=_details("https://lakeside.lms.example")
    )
    context = LtiContext.objects.create(
        deployment=world["lti_platform"].registration.deployments.get(),
        id_on_platform="course-7",
        title="Math 6A (Canvas)",
    )
    world["lti_course"] = CourseLink.objects.create(context=context, section=world["math_a"])


def _platform(world: dict) -> dict:
    return {"platform_id": world["lti_platform"].pk}


def _lakeside(world: dict) -> dict:
    return {"platform_id": world["lakeside_lti_platform"].pk}


def _course(world: dict) -> dict:
    return {"link_id": world["lti_course"].pk}


CASES = [
    Case("lti_jwks", EVERYONE, label="the LMS fetches it anonymously"),
    Case("lti_login", EVERYONE, ok_status=(400,), label="garbage is refused"),
    Case("lti_launch", EVERYONE, method="post", ok_status=(400,), label="garbage is refused"),
    Case("lti_course_link", frozenset(), label="needs a launch"),
    Case("lti_deep_link", frozenset(), label="needs a deep linking launch"),
    Case("lti_platforms", allow("admin", "outsider")),
    Case("lti_platform_edit", allow("admin"), kwargs=_platform),
    Case("lti_platform_edit", allow("outsider"), kwargs=_lakeside, label="Lakeside's"),
    Case("lti_platform_toggle", allow("admin"), kwargs=_platform, method="post", ok_status=(302,)),
    Case(
        "lti_platform_toggle",
        allow("outsider"),
        kwargs=_lakeside,
        method="post",
        ok_status=(302,),
        label="Lakeside's",
    ),
    Case("lti_course", allow("educator", "admin"), kwargs=_course),
    Case(
        "lti_course_send",
        allow("educator", "admin"),
        kwargs=_course,
        method="post",
        ok_status=(302,),
    ),
]
