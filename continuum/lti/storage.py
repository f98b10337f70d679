"""pylti1p3's plumbing for Continuum: where its OIDC state, nonces and launch data live,
and how it finds a registration and a deployment.

- ``DatabaseLaunchStorage`` keeps them in ``LaunchValue`` rows, shared by every web
  process. Checking a nonce deletes it: pylti1p3 only checks that a nonce exists, so
  without that an id_token could be replayed.
- ``DistrictToolConfig`` finds only active registrations that a district registered, and
  only the deployment ids the district admin listed: django-lti's own configuration
  creates an unknown deployment on first sight, which would let any deployment of a
  platform in.
"""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from lti_tool.models import LtiDeployment, LtiRegistration
from pylti1p3.deployment import Deployment
from pylti1p3.launch_data_storage.base import LaunchDataStorage
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from continuum.lti.models import LaunchValue

_NONCE = "-nonce-"
_DEFAULT_LIFETIME = 60 * 60


class DatabaseLaunchStorage(LaunchDataStorage[Any]):
    def get_session_cookie_name(self) -> str | None:
        # Keys are random (state, nonce, launch id): no per-browser prefix, which would need
        # one more cookie that browsers drop inside iframes.
        return None

    def can_set_keys_expiration(self) -> bool:
        return True

    def get_value(self, key: str) -> Any:
        row = LaunchValue.objects.filter(
            key=self._prepare_key(key)[:255], expires_at__gt=timezone.now()
        ).first()
        return None if row is None else row.value

    def set_value(self, key: str, value: Any, exp: int | None = None) -> None:
        expires_at = timezone.now() + timedelta(seconds=exp or _DEFAULT_LIFETIME)
        LaunchValue.objects.update_or_create(
            key=self._prepare_key(key)[:255],
            defaults={"value": value, "expires_at": expires_at},
        )

    def check_value(self, key: str) -> bool:
        """Whether the value is there; a nonce is used up by the check (replay)."""
        key = self._prepare_key(key)[:255]
        live = LaunchValue.objects.filter(key=key, expires_at__gt=timezone.now())
        if _NONCE in key:
            with transaction.atomic():
                deleted, _ = live.delete()
            return deleted > 0
        return live.exists()


def launch_values_purge() -> int:
    """Delete expired state, nonces and launch data (each login does, so the table stays
    small); returns how many rows went."""
    deleted, _ = LaunchValue.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


class DistrictToolConfig(ToolConfAbstract):
    """Registrations that belong to a district (``Platform``), deployments that were listed."""

    registration: LtiRegistration | None = None
    deployment: LtiDeployment | None = None

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def find_registration_by_issuer(self, iss: str, *args, **kwargs) -> Registration:
        raise NotImplementedError("issuers may have several clients: see the next method")

    def find_registration_by_params(  # type: ignore[override]  # None: not registered
        self, iss: str, client_id: str | None, *args, **kwargs
    ) -> Registration | None:
        lookups: dict[str, Any] = {"issuer": iss, "continuum_platform__isnull": False}
        if client_id:
            lookups["client_id"] = client_id
        found = list(LtiRegistration.objects.active().filter(**lookups)[:2])
        if len(found) != 1:  # none, or a login that named no client of an issuer with two
            return None
        self.registration = found[0]
        return self.registration.to_registration()

    def find_deployment(self, iss: str, deployment_id: str) -> Deployment | None:
        return None

    def find_deployment_by_params(
        self, iss: str, deployment_id: str, client_id: str | None, *args, **kwargs
    ) -> Deployment | None:
        if self.registration is None:
            return None
        self.deployment = LtiDeployment.objects.filter(
            registration=self.registration, deployment_id=deployment_id, is_active=True
        ).first()
        if self.deployment is None:
            return None
        return Deployment().set_deployment_id(deployment_id)
