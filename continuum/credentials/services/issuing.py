"""Issue, revoke and publish signed credentials (Open Badges 3.0 and CLR 2.0, as VC-JWT).

``badges_issue`` is called by ``awards_sync`` for every award it records, so an award and
its badge are written in one transaction; ``badges_revoke`` by ``award_revoke``. A CLR is
issued when its learner (or someone who may see them) asks for one, and reused while it
still lists exactly their live awards. Every credential takes the next bit of its
district's revocation status list; revoking sets the bit.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation

from continuum.credentials import badges
from continuum.credentials.models import Award, IssuedCredential, IssuerKey
from continuum.credentials.selectors import AwardView
from continuum.credentials.services.keys import issuer_key_active, payload_sign
from continuum.credentials.signals import credentials_exported
from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Organization, User
from continuum.supports.models import Requirement

# Stable UUIDs for learners and achievements, so the same learner is the same subject in
# every credential without the credential carrying an internal id or an email address.
_NAMESPACE = uuid.UUID("6c7f3a43-5a0e-4f7e-9b0a-0f3c2d1e8b55")


def public_url(path: str) -> str:
    """An absolute URL on this site (``CONTINUUM_BASE_URL``; localhost in development)."""
    return (settings.CONTINUUM_BASE_URL or "http://localhost:8000").rstrip("/") + path


def issuer_urls(district: Organization) -> dict[str, str]:
    return {
        name: public_url(reverse(f"credential_issuer{suffix}", args=[district.pk]))
        for name, suffix in (("profile", ""), ("keys", "_keys"), ("status", "_status"))
    }


def issuer_profile_of(district: Organization) -> dict:
    return badges.issuer_profile(issuer_id=issuer_urls(district)["profile"], name=district.name)


def district_of(learner: User) -> Organization:
    """The district that issues the learner's credentials."""
    if learner.organization is None:
        raise ValidationError(f"{learner} belongs to no school, so no district issues for them.")
    return learner.organization.district


def subject_id(learner: User) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'learner:{learner.pk}')}"


def _case_items(awards: Sequence[Award]) -> dict[int, list[badges.CaseItem]]:
    """award id → the CASE items it certifies: the rule's targets as snapshotted, then the
    requirement's competencies (one query for all the awards)."""
    competencies: dict[int, list[int]] = {}
    for requirement, item in Requirement.competencies.through.objects.filter(
        requirement_id__in={award.requirement_id for award in awards}
    ).values_list("requirement_id", "frameworkitem_id"):
        competencies.setdefault(requirement, []).append(item)
    wanted = {
        award.pk: list(
            dict.fromkeys(
                competencies.get(award.requirement_id, [])
                + [t["id"] for t in award.rule.get("targets", [])]
            )
        )
        for award in awards
    }
    rows = FrameworkItem.objects.filter(
        pk__in={pk for pks in wanted.values() for pk in pks}
    ).select_related("version__framework")
    items = {
        item.pk: badges.CaseItem(
            identifier=item.identifier,
            uri=item.uri,
            code=item.human_coding_scheme,
            statement=item.full_statement,
            framework=item.version.framework.title,
            kind=item.kind,
        )
        for item in rows
    }
    return {award: [items[pk] for pk in pks if pk in items] for award, pks in wanted.items()}


def _next_indices(district: Organization, count: int) -> range:
    last = IssuedCredential.objects.filter(district=district).aggregate(top=Max("status_index"))
    start = (last["top"] if last["top"] is not None else -1) + 1
    if start + count > badges.STATUS_LIST_BITS:
        raise ValidationError(f"The status list of {district} is full.")
    return range(start, start + count)


@dataclass(frozen=True)
class _Slot:
    """A new credential's identity: its UUID and its bit in the district's status list."""

    uuid: uuid.UUID
    status: dict

    @property
    def credential_id(self) -> str:
        return f"urn:uuid:{self.uuid}"


def _slot(district: Organization, index: int) -> _Slot:
    list_url = issuer_urls(district)["status"]
    return _Slot(uuid.uuid4(), badges.status_entry(list_url=list_url, index=index))


def _record(
    *,
    slot: _Slot,
    credential: dict,
    kind: str,
    learner: User,
    district: Organization,
    key: IssuerKey,
    now: datetime,
    award: Award | None = None,
) -> IssuedCredential:
    """Sign the credential (with the JWT claims OB 3.0 asks of a VC-JWT) and record it."""
    claims = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": int(now.timestamp()),
        "iat": int(now.timestamp()),
    }
    keys_url = issuer_urls(district)["keys"]
    return IssuedCredential.objects.create(
        uuid=slot.uuid,
        kind=kind,
        learner=learner,
        award=award,
        district=district,
        key=key,
        status_index=int(slot.status["statusListIndex"]),
        issued_at=now,
        token=payload_sign(key=key, payload={**credential, **claims}, key_url=keys_url),
    )


def _achievement(award: Award, items: list[badges.CaseItem], issuer: dict) -> dict:
    with translation.override("en"):
        rule = AwardView(award, []).rule_words
        kind = str(award.get_kind_display())
    return badges.achievement(
        achievement_id=f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'requirement:{award.requirement_id}')}",
        name=award.requirement.title,
        kind=award.kind,
        criteria=f"Awarded when the learner's evidence shows {rule}.",
        description=f"{kind}: {award.requirement.title}.",
        creator=issuer,
        items=items,
    )


@transaction.atomic
def badges_issue(*, awards: Sequence[Award], now: datetime | None = None) -> list[IssuedCredential]:
    """Issue an OpenBadgeCredential for each live award that has none yet."""
    now = now or timezone.now()
    had = set(
        IssuedCredential.objects.filter(
            award__in=awards, kind=IssuedCredential.Kind.OPEN_BADGE
        ).values_list("award_id", flat=True)
    )
    awards = [a for a in awards if a.live and a.pk not in had]
    items = _case_items(awards)
    districts: dict[int | None, Organization] = {}  # one lookup per school
    by_district: dict[Organization, list[Award]] = {}
    for award in awards:
        school = award.learner.organization_id
        if school not in districts:
            districts[school] = district_of(award.learner)
        by_district.setdefault(districts[school], []).append(award)
    issued = []
    for district, theirs in by_district.items():
        key, issuer = issuer_key_active(district=district), issuer_profile_of(district)
        for award, index in zip(theirs, _next_indices(district, len(theirs)), strict=True):
            slot = _slot(district, index)
            credential = badges.openbadge_credential(
                credential_id=slot.credential_id,
                issuer=issuer,
                valid_from=now,
                subject_id=subject_id(award.learner),
                subject_name=award.learner.display_name,
                achievement=_achievement(award, items[award.pk], issuer),
                status=slot.status,
            )
            issued.append(
                _record(
                    slot=slot,
                    credential=credential,
                    kind=IssuedCredential.Kind.OPEN_BADGE,
                    learner=award.learner,
                    district=district,
                    key=key,
                    now=now,
                    award=award,
                )
            )
    return issued


@transaction.atomic
def badges_revoke(*, award: Award, reason: str) -> int:
    """Revoke the award's badge and every CLR that lists it; returns how many."""
    found = IssuedCredential.objects.filter(revoked_at=None).filter(
        pk__in=IssuedCredential.objects.filter(award=award)
        .values("pk")
        .union(IssuedCredential.objects.filter(awards=award).values("pk"))
    )
    return found.update(revoked_at=timezone.now(), revoke_reason=reason)


@transaction.atomic
def clr_issue(*, learner: User, now: datetime | None = None) -> IssuedCredential:
    """The learner's ClrCredential of all their live awards: the latest one if it still
    lists exactly those awards and is not revoked, else a new one."""
    now = now or timezone.now()
    live = list(
        Award.objects.filter(learner=learner, state=Award.State.AWARDED)
        .select_related("requirement", "learner__organization")
        .prefetch_related("requirement__competencies")
        .order_by("awarded_on", "pk")
    )
    latest = (
        IssuedCredential.objects.filter(learner=learner, kind=IssuedCredential.Kind.CLR)
        .prefetch_related("awards")
        .first()
    )
    if (
        latest
        and not latest.revoked
        and {a.pk for a in latest.awards.all()} == {a.pk for a in live}
    ):
        return latest
    badges_issue(awards=live, now=now)
    held = {
        c.award_id: c
        for c in IssuedCredential.objects.filter(
            award__in=live, kind=IssuedCredential.Kind.OPEN_BADGE
        )
    }
    items = _case_items(live)
    district = district_of(learner)
    key, issuer = issuer_key_active(district=district), issuer_profile_of(district)
    pairs = [(held[a.pk].token, _achievement(a, items[a.pk], issuer)) for a in live]
    slot = _slot(district, _next_indices(district, 1)[0])
    credential = badges.clr_credential(
        credential_id=slot.credential_id,
        issuer=issuer,
        valid_from=now,
        subject_id=subject_id(learner),
        subject_name=learner.display_name,
        badges=pairs,
        status=slot.status,
    )
    record = _record(
        slot=slot,
        credential=credential,
        kind=IssuedCredential.Kind.CLR,
        learner=learner,
        district=district,
        key=key,
        now=now,
    )
    record.awards.set(live)
    return record


def status_list_sign(*, district: Organization, now: datetime | None = None) -> str:
    """The district's revocation list as a signed BitstringStatusListCredential (VC-JWT),
    made fresh for each request from the credentials' revoked flags."""
    now = now or timezone.now()
    district = district.district
    urls = issuer_urls(district)
    revoked = IssuedCredential.objects.filter(district=district).exclude(revoked_at=None)
    credential = badges.status_list_credential(
        list_url=urls["status"],
        issuer=issuer_profile_of(district),
        valid_from=now,
        encoded=badges.bitstring_encode(revoked.values_list("status_index", flat=True)),
    )
    claims = {"iss": credential["issuer"]["id"], "jti": urls["status"], "iat": int(now.timestamp())}
    key = issuer_key_active(district=district)
    return payload_sign(key=key, payload={**credential, **claims}, key_url=urls["keys"])


@transaction.atomic
def credentials_export(*, learner: User, actor: User | None = None) -> list[IssuedCredential]:
    """The learner's live signed badges for export (issuing any a live award lacks), and
    the announcement that they left the system (``credentials_exported``)."""
    live = list(
        Award.objects.filter(learner=learner, state=Award.State.AWARDED).select_related(
            "requirement", "learner__organization"
        )
    )
    badges_issue(awards=live)
    found = list(
        IssuedCredential.objects.filter(
            learner=learner, kind=IssuedCredential.Kind.OPEN_BADGE, revoked_at=None
        ).select_related("award__requirement")
    )
    credentials_exported.send(
        sender=IssuedCredential, learner=learner, actor=actor, credentials=found
    )
    return found
