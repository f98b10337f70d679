"""Issuing xAPI clients, and receiving statements: all kept, the aligned ones as evidence.

A batch is checked whole before anything is written (xAPI 1.0.3 §2.1.3: a batch with one
bad statement is refused entirely). A statement that is valid but cannot become evidence
(no known learner, no aligned target, no score, not the scorer's learner) is stored with
the reason, never dropped.
"""

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from pydantic import ValidationError as PydanticError
from ralph.models.xapi.base.statements import BaseXapiStatement

from continuum.evidence.models import EvidenceSource
from continuum.evidence.public import evidence_record
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import scales_for, target_visible
from continuum.people.models import Organization, Role, User
from continuum.people.public import is_district_admin
from continuum.xapi import alignment
from continuum.xapi.models import XapiClient, XapiStatement
from continuum.xapi.selectors import lrs_home_page

KEY_PREFIX = "xapi_"
# What the LRS sets on a stored statement; a statement sent again is compared without them.
_LRS_FIELDS = frozenset({"id", "stored", "authority"})


class StatementsRefusedError(Exception):
    """The batch is not valid xAPI (400); nothing was stored."""


class StatementConflictError(Exception):
    """A statement id is already stored with different content (409); nothing was stored."""


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _audited(client: XapiClient, by: User, reason: str) -> None:
    client._change_reason = reason  # type: ignore[attr-defined]
    client._history_user = by  # type: ignore[attr-defined]
    client.save()


def district_educators(district: Organization):
    """The educators a client of ``district`` may record as."""
    return User.objects.filter(role=Role.EDUCATOR, is_active=True).filter(
        Q(organization=district) | Q(organization__parent=district)
    )


def xapi_client_issue(*, by: User, name: str, scorer: User) -> tuple[XapiClient, str]:
    """New credentials for the admin's district; returns the client and its secret (shown
    once, never kept). Audited as issued by ``by``."""
    if not is_district_admin(by) or by.organization is None:
        raise PermissionDenied("Only district admins issue xAPI clients.")
    district = by.organization.district
    if not district_educators(district).filter(pk=scorer.pk).exists():
        raise ValidationError({"scorer": "Choose an educator of your district."})
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Name the system that will send statements."})
    secret = secrets.token_urlsafe(32)
    client = XapiClient(
        district=district,
        name=name[:100],
        key=KEY_PREFIX + secrets.token_hex(10),
        secret_digest=_digest(secret),
        scorer=scorer,
        created_by=by,
    )
    with transaction.atomic():
        _audited(client, by, "xAPI client issued")
    return client, secret


def xapi_client_revoke(*, client: XapiClient, by: User) -> XapiClient:
    """Revoke for good (audited); only an admin of the client's district may."""
    if not is_district_admin(by) or by.organization is None:
        raise PermissionDenied("Only district admins revoke xAPI clients.")
    if by.organization.district.pk != client.district_id:
        raise PermissionDenied("That client belongs to another district.")
    if client.revoked_at is None:
        client.revoked_at = timezone.now()
        with transaction.atomic():
            _audited(client, by, "xAPI client revoked")
    return client


def xapi_client_authenticate(*, key: str, secret: str) -> XapiClient | None:
    """The unrevoked client with these credentials (noting its use), else None."""
    client = (
        XapiClient.objects.select_related("scorer", "district")
        .filter(key=key, revoked_at__isnull=True)
        .first()
    )
    if client is None or not hmac.compare_digest(client.secret_digest, _digest(secret)):
        return None
    XapiClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
    return client


@dataclass(frozen=True)
class _Checked:
    statement: dict[str, Any]
    statement_id: uuid.UUID
    timestamp: datetime | None


def _check(statements: list[Any], statement_id: uuid.UUID | None) -> list[_Checked]:
    checked = []
    for place, statement in enumerate(statements):
        where = f"statement {place + 1}" if len(statements) > 1 else "the statement"
        if not isinstance(statement, dict):
            raise StatementsRefusedError(f"{where} is not a JSON object.")
        try:
            model = BaseXapiStatement.model_validate(statement)
        except PydanticError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "statement"
            raise StatementsRefusedError(f"{where}: {field}: {first['msg']}") from None
        if statement_id and model.id and model.id != statement_id:
            raise StatementsRefusedError(
                "The statement's id differs from the statementId parameter."
            )
        chosen = statement_id or model.id or uuid.uuid4()
        timestamp = model.timestamp
        if timestamp is not None and timezone.is_naive(timestamp):
            timestamp = timezone.make_aware(timestamp)
        checked.append(_Checked(statement, chosen, timestamp))
    ids = [entry.statement_id for entry in checked]
    if len(set(ids)) != len(ids):
        raise StatementsRefusedError("The batch repeats a statement id.")
    return checked


def _authority(client: XapiClient) -> dict[str, Any]:
    """The client as an Agent account under the LRS's home page."""
    return {"objectType": "Agent", "account": {"homePage": lrs_home_page(), "name": client.key}}


def xapi_statements_receive(
    *, client: XapiClient, statements: list[Any], statement_id: uuid.UUID | None = None
) -> list[uuid.UUID]:
    """Store every statement (or none, raising ``StatementsRefusedError`` or
    ``StatementConflictError``) and turn the aligned ones into evidence. A statement already
    stored with the same content is accepted again and changes nothing."""
    checked = _check(statements, statement_id)
    stored = {
        row.statement_id: row
        for row in XapiStatement.objects.filter(
            district=client.district, statement_id__in=[entry.statement_id for entry in checked]
        )
    }
    new = []
    for entry in checked:
        row = stored.get(entry.statement_id)
        if row is None:
            new.append(entry)
            continue
        sent = {key: value for key, value in entry.statement.items() if key != "id"}
        kept = {key: value for key, value in row.statement.items() if key not in _LRS_FIELDS}
        if sent != kept:
            raise StatementConflictError(f"Statement {entry.statement_id} is already stored.")
    now = timezone.now()
    with transaction.atomic():
        for entry in new:
            _store(client, entry, now)
    return [entry.statement_id for entry in checked]


def _store(client: XapiClient, entry: _Checked, now: datetime) -> XapiStatement:
    statement = {
        **entry.statement,
        "id": str(entry.statement_id),
        "stored": now.isoformat(),
        "authority": _authority(client),
    }
    row = XapiStatement(
        district=client.district,
        client=client,
        statement_id=entry.statement_id,
        statement=statement,
        stored_at=now,
        activity_id=(alignment.activity_ids(statement) or [""])[0][:2000],
        activity_name=alignment.activity_name(statement)[:500],
    )
    row.not_evidence_because = _as_evidence(row, client, entry.timestamp or now)
    row.save()
    return row


def _learner(client: XapiClient, statement: dict[str, Any]) -> tuple[User | None, str]:
    """The one learner of the district the actor names, or why there is none. An address
    two learners share (siblings under a parent's e-mail) names nobody: a guess could put
    evidence on the wrong child's record."""
    email = alignment.actor_email(statement)
    account = alignment.actor_account_name(statement)
    if not (email or account):
        return None, "The actor has neither an mbox nor an account name."
    learners = User.objects.filter(role=Role.LEARNER, is_active=True).filter(
        Q(organization=client.district) | Q(organization__parent=client.district)
    )
    named = list(learners.filter(Q(email__iexact=email) if email else Q(username=account))[:2])
    if not named:
        return (
            None,
            "The actor is not a learner of this district (matched by mbox or account name).",
        )
    if len(named) > 1:
        return None, "The actor's address belongs to more than one learner; use an account name."
    return named[0], ""


def _target(client: XapiClient, statement: dict[str, Any]) -> FrameworkItem | None:
    ids = alignment.activity_ids(statement)
    identifiers = alignment.item_identifiers(ids)
    if not ids:
        return None
    return (
        target_visible(user=client.scorer)
        .filter(Q(uri__in=ids) | Q(identifier__in=identifiers))
        .order_by("-version__number", "id")
        .first()
    )


def _as_evidence(row: XapiStatement, client: XapiClient, assessed_at: datetime) -> str:
    """Record the statement as evidence (setting ``row``'s learner, target and evidence);
    returns why it did not become evidence, or '' when it did."""
    statement = row.statement
    row.learner, unknown = _learner(client, statement)
    if row.learner is None:
        return unknown
    row.target = _target(client, statement)
    if row.target is None:
        return "No activity of the statement is a learning target's CASE URI."
    fraction = alignment.score_fraction(statement)
    if fraction is None:
        return "The statement has no score (result.score.scaled, or raw with min and max)."
    scale = scales_for([row.target])[row.target.pk]
    if scale is None:
        return f"{row.target.human_coding_scheme} has no proficiency scale to score on."
    level = alignment.level_reached(fraction, [level.value for level in scale.levels.all()])
    source = row.activity_name or row.activity_id
    try:
        row.evidence = evidence_record(
            learner=row.learner,
            target=row.target,
            scorer=client.scorer,
            assessed_at=assessed_at,
            level=level,
            source=EvidenceSource.API,
            reason=f"xAPI activity: {source}"[:100],
        )
    except (PermissionDenied, ValidationError) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        return " ".join(messages)[:300]
    return ""
