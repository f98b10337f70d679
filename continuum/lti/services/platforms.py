"""Registering a district's LMS platform, and the tool's signing keys.

A registration belongs to one district (``Platform``): a launch through it matches people
and sections of that district only. Every change is audited (simple-history, with who
and why); the deployment ids the admin lists are the only ones a launch may name.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from lti_tool.models import Key, LtiDeployment, LtiRegistration

from continuum.lti.models import GradePassback, Platform
from continuum.people.models import User
from continuum.people.public import is_district_admin


@dataclass(frozen=True)
class PlatformDetails:
    """What the district admin copies from the LMS's developer key / tool registration."""

    name: str
    issuer: str
    client_id: str
    deployment_ids: tuple[str, ...]
    auth_url: str
    token_url: str
    keyset_url: str
    frame_origin: str
    grade_passback: str = GradePassback.OFF


def _admin_district(by: User):
    if not is_district_admin(by) or by.organization is None:
        raise PermissionDenied("LTI platforms are registered by district admins.")
    return by.organization.district


def _check(details: PlatformDetails, *, except_registration: int | None = None) -> None:
    clash = LtiRegistration.objects.filter(issuer=details.issuer, client_id=details.client_id)
    if except_registration is not None:
        clash = clash.exclude(pk=except_registration)
    if clash.exists():
        raise ValidationError(
            {
                "client_id": "This issuer and client id are already registered (in this or "
                "another district): one LMS registration serves one district."
            }
        )
    if not details.deployment_ids:
        raise ValidationError({"deployment_ids": "List at least one deployment id."})
    if details.grade_passback not in GradePassback.values:
        raise ValidationError({"grade_passback": "Choose off, level or fraction."})


def _audited(platform: Platform, by: User, reason: str) -> None:
    platform._change_reason = reason  # type: ignore[attr-defined]
    platform._history_user = by  # type: ignore[attr-defined]
    platform.save()


def _deployments_set(registration: LtiRegistration, deployment_ids: tuple[str, ...]) -> None:
    """The listed deployments are active; any other of the registration is not."""
    for deployment_id in deployment_ids:
        LtiDeployment.objects.update_or_create(
            registration=registration, deployment_id=deployment_id, defaults={"is_active": True}
        )
    registration.deployments.exclude(deployment_id__in=deployment_ids).update(is_active=False)


def _registration_fill(registration: LtiRegistration, details: PlatformDetails) -> None:
    registration.name = details.name
    registration.issuer = details.issuer
    registration.client_id = details.client_id
    registration.auth_url = details.auth_url
    registration.token_url = details.token_url
    registration.keyset_url = details.keyset_url
    registration.full_clean(validate_constraints=False)
    registration.save()


def platform_register(*, by: User, details: PlatformDetails) -> Platform:
    """A new platform of the admin's district, with its deployments; the tool gets a
    signing key if it has none yet. Audited as registered by ``by``."""
    district = _admin_district(by)
    _check(details)
    with transaction.atomic():
        registration = LtiRegistration()
        _registration_fill(registration, details)
        _deployments_set(registration, details.deployment_ids)
        platform = Platform(
            district=district,
            registration=registration,
            frame_origin=details.frame_origin,
            grade_passback=details.grade_passback,
            created_by=by,
        )
        platform.full_clean(exclude=["registration"])
        _audited(platform, by, "LTI platform registered")
        if not Key.objects.active().exists():
            Key.objects.generate()
    return platform


def platform_update(*, platform: Platform, by: User, details: PlatformDetails) -> Platform:
    """Change a platform of the admin's own district (audited, with the deployments)."""
    if _admin_district(by).pk != platform.district_id:
        raise PermissionDenied("That platform belongs to another district.")
    _check(details, except_registration=platform.registration_id)
    with transaction.atomic():
        _registration_fill(platform.registration, details)
        _deployments_set(platform.registration, details.deployment_ids)
        platform.frame_origin = details.frame_origin
        platform.grade_passback = details.grade_passback
        platform.full_clean(exclude=["registration"])
        deployments = ", ".join(details.deployment_ids)
        _audited(platform, by, f"LTI platform changed (deployments: {deployments})")
    return platform


def platform_set_active(*, platform: Platform, by: User, active: bool) -> Platform:
    """Turn launches through a platform off or back on (audited)."""
    if _admin_district(by).pk != platform.district_id:
        raise PermissionDenied("That platform belongs to another district.")
    with transaction.atomic():
        LtiRegistration.objects.filter(pk=platform.registration_id).update(is_active=active)
        platform.registration.is_active = active
        _audited(platform, by, "LTI platform turned " + ("on" if active else "off"))
    return platform


@dataclass(frozen=True)
class Rotation:
    new_kid: str
    retired: int


def key_rotate(*, now: datetime | None = None) -> Rotation:
    """A new signing key, used from now on. The keys it replaces stay published for
    ``CONTINUUM_LTI_KEY_GRACE_DAYS`` after they were replaced (platforms cache key sets),
    then leave the key set."""
    now = now or timezone.now()
    grace = timedelta(days=settings.CONTINUUM_LTI_KEY_GRACE_DAYS)
    with transaction.atomic():
        new = Key.objects.generate()
        Key.objects.filter(pk=new.pk).update(datetime_created=now)
        active = list(Key.objects.active().exclude(pk=new.pk).order_by("datetime_created"))
        # Each key was replaced when the next one was made; the newest of them, just now.
        replaced_at = [newer.datetime_created for newer in active[1:]] + [now] if active else []
        retired = [
            older.pk
            for older, replaced in zip(active, replaced_at, strict=True)
            if replaced <= now - grace
        ]
        Key.objects.filter(pk__in=retired).update(is_active=False)
    return Rotation(new_kid=str(new), retired=len(retired))
