"""Secrets that let other systems use the API on a person's behalf.

The table was created by the evidence app and keeps its name (decision 0013).
"""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A secret for an integration. Only its SHA-256 digest is stored; the token itself
    is shown once, when created."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12, help_text="The first characters, to tell tokens apart")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "evidence_apitoken"  # the table predates the integrations app

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
