"""Privacy pages: the record of disclosures is every district admin's (each sees their own
district's rows); exporting or deleting a learner is for the admin of that learner's district."""

from tests.access import Case, allow


def _lena(world) -> dict:
    return {"learner_id": world["lena"].pk}


CASES = [
    Case("privacy_disclosures", allow("admin", "outsider")),
    Case(
        "privacy_disclosures",
        allow("admin", "outsider"),
        label="as CSV",
        data={"format": "csv"},
    ),
    Case("privacy_learner_export", allow("admin"), label="Lena", kwargs=_lena),
    Case(
        "privacy_learner_export",
        allow("admin"),
        label="Lena, exported",
        kwargs=_lena,
        method="post",
        data={"reason": "Parent's request"},
    ),
    Case(
        "privacy_learner_export",
        frozenset(),
        label="Erin is not a learner",
        kwargs=lambda w: {"learner_id": w["erin"].pk},
    ),
    Case("privacy_learner_delete", allow("admin"), label="Lena", kwargs=_lena),
    # A wrong confirmation: the admin gets the form back, everyone else is refused, and
    # no file on disk is touched (a savepoint cannot bring a deleted file back).
    Case(
        "privacy_learner_delete",
        allow("admin"),
        label="Lena, unconfirmed",
        kwargs=_lena,
        method="post",
        data={"reason": "Left", "confirm": "not-lena"},
    ),
]
