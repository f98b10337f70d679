"""Credits and certificates under /credentials/.

"My credits and certificates" is each learner's own page: Lena alone may open it (it names
no one else; staff, families and Otto the outsider are refused with 403). Lena's staff page
is for the staff with a reason to see her — Erin teaches her, Cora counsels her, Leo leads
the school, Ada administers the district; Omar's for Leo and Ada only (Eli teaches him,
but Eli plays no role in the matrix). Revoking Lena's award is for Cora, Leo and Ada;
Erin sees the award but may not take it back. Lena, Gabe, Pat and Otto are refused all of
Lena's pages (Gabe reads her credits in the family view).
"""

from datetime import date

from continuum.credentials.models import Award
from continuum.supports.models import Requirement
from tests.access import Case, allow

STAFF = allow("educator", "counselor", "leader", "admin")
REVOKERS = allow("counselor", "leader", "admin")
OMARS = allow("leader", "admin")
DONE = (302,)


def populate(world: dict) -> None:
    requirement = Requirement.objects.create(
        title="Credentials access credit",
        kind=Requirement.Kind.GRADUATION,
        organization=world["school"],
        starts_on=date(2026, 9, 1),
        due_on=date(2027, 6, 1),
    )
    world["credentials_award"] = Award.objects.create(
        learner=world["lena"],
        requirement=requirement,
        kind=requirement.kind,
        awarded_on=date(2026, 11, 20),
    )


def _lena(w: dict) -> dict:
    return {"learner_id": w["lena"].pk}


CASES = [
    Case("my_credentials", allow("learner")),
    Case("learner_credentials", STAFF, kwargs=_lena, label="Lena"),
    Case("learner_credentials", OMARS, kwargs=lambda w: {"learner_id": w["omar"].pk}, label="Omar"),
    Case(
        "award_revoke",
        REVOKERS,
        kwargs=lambda w: {"award_id": w["credentials_award"].pk},
        method="post",
        data={"reason": "Recorded for the wrong learner"},
        ok_status=DONE,
    ),
]
