"""xAPI: a district admin manages their district's clients; statements need a client.

The statements endpoint takes HTTP Basic credentials of an xAPI client only: a signed-in
session is no credential, so every role, signed in or not, gets 401 there (the endpoint's
own tests cover what a client may see). Ada and Otto each open the admin page (their own
district's clients and statements) and revoke only their own district's clients.
"""

from continuum.people.models import Role, User
from continuum.xapi.services import xapi_client_issue
from tests.access import EVERYONE_SIGNED_IN, Case, allow

CASES = [
    Case("xapi_statements", EVERYONE_SIGNED_IN, ok_status=(401,), label="a session is no key"),
    Case("xapi_admin", allow("admin", "outsider")),
    Case(
        "xapi_client_revoke",
        allow("admin"),
        kwargs=lambda w: {"client_id": w["xapi_client"].pk},
        method="post",
        ok_status=(302,),
    ),
    Case(
        "xapi_client_revoke",
        allow("outsider"),
        kwargs=lambda w: {"client_id": w["lakeside_xapi_client"].pk},
        method="post",
        ok_status=(302,),
        label="Lakeside's",
    ),
]


def populate(world: dict) -> None:
    world["xapi_client"], _ = xapi_client_issue(
        by=world["ada"], name="Moodle", scorer=world["erin"]
    )
    lakeside_teacher = User.objects.create_user(
        "xapi-lakeside-teacher", role=Role.EDUCATOR, organization=world["birch"]
    )
    world["lakeside_xapi_client"], _ = xapi_client_issue(
        by=world["otto"], name="Canvas", scorer=lakeside_teacher
    )
