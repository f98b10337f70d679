"""Reads for the integrations pages: a person's API tokens, and how fresh estimates are."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Min, QuerySet

from continuum.evidence.models import Estimate
from continuum.integrations.models import ApiToken
from continuum.people.models import Organization, Role, User


def token_list(*, user: User) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first (the digest is never shown)."""
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


@dataclass(frozen=True)
class Freshness:
    school: Organization
    estimates: int
    oldest: datetime | None
    newest: datetime | None


def recompute_schools(*, user: User) -> list[Organization]:
    """Schools whose estimates the user may recompute: a leader's own, an admin's district's."""
    if user.role == Role.LEADER and user.organization_id is not None:
        return list(Organization.objects.filter(pk=user.organization_id, kind="school"))
    if user.role == Role.DISTRICT_ADMIN and user.organization_id is not None:
        return list(
            Organization.objects.filter(parent_id=user.organization_id, kind="school").order_by(
                "name"
            )
        )
    return []


def estimate_freshness(*, schools: list[Organization]) -> list[Freshness]:
    """Per school: how many estimates, and when the oldest and newest were computed."""
    rows: dict[int, dict] = {
        row["learner__organization"]: dict(row)
        for row in Estimate.objects.filter(learner__organization__in=schools)
        .values("learner__organization")
        .annotate(count=Count("id"), oldest=Min("computed_at"), newest=Max("computed_at"))
    }
    found = []
    for school in schools:
        row = rows.get(school.pk, {})
        found.append(Freshness(school, row.get("count", 0), row.get("oldest"), row.get("newest")))
    return found
