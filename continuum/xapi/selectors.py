"""Reads: statements of one district only, clients of one district, a learner's
evidence as xAPI statements."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from continuum.evidence.models import Evidence
from continuum.frameworks.public import scales_for
from continuum.people.models import Organization, User
from continuum.xapi.models import XapiClient, XapiStatement

# ADL's verb for "given a score"; the export's statements all say it.
SCORED = {"id": "http://adlnet.gov/expapi/verbs/scored", "display": {"en-US": "scored"}}
_EXPORT_NAMESPACE = uuid.UUID("6f1c4b1e-7c1a-4f0e-9d1e-5c0b1a7e3d21")


def lrs_home_page() -> str:
    """The IRI accounts are named under (the LRS's ``authority``, exported learners):
    the site's address, or a reserved placeholder until ``CONTINUUM_BASE_URL`` is set."""
    return settings.CONTINUUM_BASE_URL or "https://continuum.invalid"


@dataclass(frozen=True)
class StatementPage:
    statements: list[dict[str, Any]]
    # The last row's id, to continue after (``more``), or None when this is the last page.
    after: int | None


def xapi_statement_get(*, district: Organization, statement_id: uuid.UUID) -> dict | None:
    row = XapiStatement.objects.filter(district=district, statement_id=statement_id).first()
    return row.statement if row else None


def xapi_statement_page(
    *, district: Organization, since: datetime | None, after: int | None, limit: int
) -> StatementPage:
    """Statements stored after ``since``, oldest first, ``limit`` at a time."""
    rows = XapiStatement.objects.filter(district=district).order_by("id")
    if since is not None:
        rows = rows.filter(stored_at__gt=since)
    if after is not None:
        rows = rows.filter(id__gt=after)
    page = list(rows.values_list("id", "statement")[: limit + 1])
    more = page[limit - 1][0] if len(page) > limit else None
    return StatementPage(statements=[statement for _, statement in page[:limit]], after=more)


def xapi_client_list(*, district: Organization) -> QuerySet[XapiClient]:
    return XapiClient.objects.filter(district=district).select_related("scorer", "created_by")


def xapi_unused_list(*, district: Organization, limit: int = 200) -> QuerySet[XapiStatement]:
    """The latest statements received and not turned into evidence, with their reasons."""
    rows = XapiStatement.objects.filter(district=district, evidence__isnull=True)
    return rows.select_related("client").order_by("-stored_at", "-id")[:limit]


def learner_statement_list(*, learner: User) -> list[dict[str, Any]]:
    """The learner's scored evidence as xAPI 1.0.3 statements: the learner's account,
    "scored", the target as an activity (its CASE URI), the level as the raw score on the
    scale's range, and ids stable across exports (derived from the evidence id)."""
    evidence = list(
        Evidence.objects.filter(learner=learner, level__isnull=False)
        .select_related("target")
        .order_by("assessed_at", "id")
    )
    scales = scales_for({row.target for row in evidence})
    actor: dict[str, Any] = {
        "objectType": "Agent",
        "name": learner.get_full_name() or learner.username,
        "account": {"homePage": lrs_home_page(), "name": learner.username},
    }
    return [_statement(row, actor, scales.get(row.target.pk)) for row in evidence]


def _statement(row: Evidence, actor: dict[str, Any], scale) -> dict[str, Any]:
    target = row.target
    values = sorted(level.value for level in scale.levels.all()) if scale else []
    score: dict[str, float] = {"raw": row.level}  # type: ignore[dict-item]  # scored: a level
    if len(values) > 1 and row.level is not None:
        low, high = values[0], values[-1]
        score |= {"min": low, "max": high, "scaled": round((row.level - low) / (high - low), 4)}
    return {
        "id": str(uuid.uuid5(_EXPORT_NAMESPACE, f"evidence:{row.pk}")),
        "actor": actor,
        "verb": SCORED,
        "object": {
            "objectType": "Activity",
            "id": target.uri or f"urn:continuum:{target.identifier}",
            "definition": {
                "name": {"en-US": target.human_coding_scheme or target.full_statement[:100]},
                "description": {"en-US": target.full_statement},
            },
        },
        "result": {"score": score},
        "timestamp": row.assessed_at.isoformat(),
        "version": "1.0.3",
    }
