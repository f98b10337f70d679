"""Signed badges, the CLR, the issuer's public pages and verification, under /credentials/.

Lena's badges page, her badge download and her CLR are for whoever may see her record:
Lena herself, Gabe her guardian, and the staff who see her credentials (Erin teaches her,
Cora counsels her, Leo leads the school, Ada administers the district). Pat the partner
and Otto the outsider are refused. The issuer's profile, keys and status list and the
verification page and links are public: anyone, signed in or not, Otto included, since
employers and colleges verify without an account.
"""

from datetime import date

from continuum.credentials.models import Award
from continuum.credentials.services.issuing import badges_issue
from continuum.supports.models import Requirement
from tests.access import ROLES, Case, allow

LENAS = allow("learner", "guardian", "educator", "counselor", "leader", "admin")
ANYONE = frozenset(ROLES)


def populate(world: dict) -> None:
    requirement = Requirement.objects.create(
        title="Badges access certificate",
        kind=Requirement.Kind.CTE_CERTIFICATION,
        organization=world["school"],
        starts_on=date(2026, 9, 1),
        due_on=date(2027, 6, 1),
    )
    award = Award.objects.create(
        learner=world["lena"],
        requirement=requirement,
        kind=requirement.kind,
        awarded_on=date(2026, 11, 20),
    )
    world["badges_award"] = award
    world["badges_badge"] = badges_issue(awards=[award])[0]


def _lena(w: dict) -> dict:
    return {"learner_id": w["lena"].pk}


def _district(w: dict) -> dict:
    return {"district_id": w["district"].pk}


CASES = [
    Case("learner_badges", LENAS, kwargs=_lena),
    Case("learner_clr", LENAS, kwargs=_lena),
    Case("award_badge", LENAS, kwargs=lambda w: {"award_id": w["badges_award"].pk}),
    Case("credential_issuer", ANYONE, kwargs=_district),
    Case("credential_issuer_keys", ANYONE, kwargs=_district),
    Case("credential_issuer_status", ANYONE, kwargs=_district),
    Case("credential_verify", ANYONE),
    Case(
        "credential_verify",
        ANYONE,
        method="post",
        label="paste",
        data=lambda w: {"credential": w["badges_badge"].token},
    ),
    Case(
        "credential_verify_link",
        ANYONE,
        kwargs=lambda w: {"credential_uuid": w["badges_badge"].uuid},
    ),
]
