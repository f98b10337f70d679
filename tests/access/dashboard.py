"""The learner dashboard under /dashboard/.

Lena's dashboard is open to Lena, her guardian Gabe, her educator Erin, her counselor
Cora, the leader and the district admin. Pat hosts her placement but sees only that
placement's targets, so not the whole dashboard. Omar's dashboard is closed to all of
Lena's people (Erin does not teach him); only the leader and the admin may open it.
"""

from datetime import UTC, datetime

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from tests.access import Case, allow

LENAS_PEOPLE = allow("learner", "guardian", "educator", "counselor", "leader", "admin")
OMARS_PEOPLE = allow("leader", "admin")


def populate(world: dict) -> None:
    maths = sample_framework(title="Dashboard Access Mathematics")
    monday = datetime(2026, 9, 7, 9, tzinfo=UTC)
    for learner, educator in ((world["lena"], world["erin"]), (world["omar"], world["eli"])):
        evidence_record(
            learner=learner, target=maths["N.1.a"], scorer=educator, level=3, assessed_at=monday
        )


CASES = [
    Case(
        "learner_dashboard",
        LENAS_PEOPLE,
        kwargs=lambda w: {"learner_id": w["lena"].pk},
        label="Lena",
    ),
    Case(
        "learner_dashboard",
        OMARS_PEOPLE,
        kwargs=lambda w: {"learner_id": w["omar"].pk},
        label="Omar",
    ),
    Case(
        "learner_dashboard",
        frozenset(),
        kwargs=lambda w: {"learner_id": w["erin"].pk},
        label="an educator has no dashboard",
    ),
]
