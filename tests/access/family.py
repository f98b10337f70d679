from tests.access import EVERYONE_SIGNED_IN, Case, allow

CASES = [
    Case("family_home", allow("learner", "guardian")),
    Case(
        "family_learner",
        allow("learner", "guardian", "educator", "counselor", "leader", "admin"),
        label="Lena: herself, her guardian and staff with a reason",
        kwargs=lambda w: {"learner_id": w["lena"].pk},
    ),
    Case(
        "family_learner",
        allow("leader", "admin"),
        label="Omar, a stranger to most",
        kwargs=lambda w: {"learner_id": w["omar"].pk},
    ),
    Case(
        "family_learner",
        frozenset(),
        label="a guardian is not a learner",
        kwargs=lambda w: {"learner_id": w["gabe"].pk},
    ),
    Case(
        "family_language",
        EVERYONE_SIGNED_IN,
        method="post",
        data={"language": "es", "next": "/family/"},
        ok_status=(302,),
    ),
]
