"""Sign-in, sections and learners (the home page is in tests/access/home.py).

Lists show each person the rows of their own district only, so Otto (Lakeside's admin)
opens them; every Riverside section or learner is refused to him, and Lakeside's are
refused to everyone in Riverside (decision 0009).
"""

from tests.access import EVERYONE_SIGNED_IN, RIVERSIDE, Case, allow

CASES = [
    Case("login", allow(*EVERYONE_SIGNED_IN, "anonymous"), ok_status=(200, 302)),
    Case("logout", allow(*EVERYONE_SIGNED_IN, "anonymous"), method="post", ok_status=(302,)),
    Case("section_list", allow("educator", "leader", "admin", "outsider")),
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
        RIVERSIDE,
        label="Lena, connected to everyone",
        kwargs=lambda w: {"learner_id": w["lena"].pk},
    ),
    Case(
        "learner_detail",
        allow("leader", "admin"),
        label="Omar, a stranger to most",
        kwargs=lambda w: {"learner_id": w["omar"].pk},
    ),
    Case(
        "learner_detail",
        allow("outsider"),
        label="Lara, Lakeside's",
        kwargs=lambda w: {"learner_id": w["lara"].pk},
    ),
    Case(
        "section_detail",
        allow("outsider"),
        label="Lakeside's section",
        kwargs=lambda w: {"section_id": w["birch_math"].pk},
    ),
]
