from tests.access import EVERYONE_SIGNED_IN, Case, allow

CASES = [
    Case("home", EVERYONE_SIGNED_IN),
    Case("login", allow(*EVERYONE_SIGNED_IN, "anonymous"), ok_status=(200, 302)),
    Case("logout", allow(*EVERYONE_SIGNED_IN, "anonymous"), method="post", ok_status=(302,)),
    Case("section_list", allow("educator", "leader", "admin")),
    Case(
        "section_detail",
        allow("educator", "leader", "admin"),
        label="own section",
        kwargs=lambda w: {"section_id": w["math_a"].pk},
    ),
    Case(
        "section_detail",
        allow("leader", "admin"),
        label="another educator's section",
        kwargs=lambda w: {"section_id": w["math_b"].pk},
    ),
    Case("learner_list", EVERYONE_SIGNED_IN - {"learner"}),
    Case(
        "learner_detail",
        EVERYONE_SIGNED_IN,
        label="Lena, connected to everyone",
        kwargs=lambda w: {"learner_id": w["lena"].pk},
    ),
    Case(
        "learner_detail",
        allow("leader", "admin"),
        label="Omar, a stranger to most",
        kwargs=lambda w: {"learner_id": w["omar"].pk},
    ),
]
