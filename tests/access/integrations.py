"""Integrations pages (CSV import, API tokens, recompute) and the evidence API.

The API authenticates with a bearer token or, in the browser, the session: anonymous
calls get 401 (JSON), signed-in people see only learners they may see (404 otherwise).
Otto (Lakeside's admin) opens the pages, which show his own tokens and his district's
schools only; he may not recompute Maple Grove.
"""

from tests.access import EVERYONE_SIGNED_IN, Case, allow

STAFF = allow("educator", "counselor", "leader", "admin", "outsider")


def populate(world: dict) -> None:
    from continuum.integrations.services.tokens import api_token_create

    world["erin_token"], _ = api_token_create(user=world["erin"], name="Access matrix")


CASES = [
    Case("integrations", STAFF),
    Case("integrations_import", allow("educator")),
    Case("integrations_import_template", allow("educator")),
    Case("integrations_tokens", STAFF),
    Case(
        "integrations_token_revoke",
        allow("educator"),
        label="own token (others: 404)",
        method="post",
        kwargs=lambda w: {"token_id": w["erin_token"].pk},
        ok_status=(302,),
    ),
    Case("integrations_recompute", allow("leader", "admin", "outsider")),
    Case(
        "integrations_recompute",
        allow("leader", "admin"),
        label="Maple Grove",
        method="post",
        data=lambda w: {"school": w["school"].pk},
        ok_status=(302,),
    ),
    Case("api-v1:evidence", EVERYONE_SIGNED_IN, label="all I may see"),
    Case("api-v1:evidence", allow(), label="no such learner", data={"learner": 999_999}),
    Case("api-v1:estimates", allow(), label="no such learner", data={"learner": 999_999}),
    Case("api-v1:estimates", EVERYONE_SIGNED_IN, label="all I may see"),
]
