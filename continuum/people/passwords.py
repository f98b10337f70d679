"""The demo password is for the demo database only."""

from django.conf import settings
from django.core.exceptions import ValidationError

DEMO_PASSWORD = "continuum-demo"
DEMO_USERNAMES = ("learner", "guardian", "educator", "counselor", "leader", "admin", "partner")


class DemoPasswordValidator:
    """Refuse the published demo password anywhere but a demo database."""

    def validate(self, password: str, user: object = None) -> None:
        if password == DEMO_PASSWORD and not settings.CONTINUUM_DEMO:
            raise ValidationError(
                "This is Continuum's published demo password; choose another.",
                code="demo_password",
            )

    def get_help_text(self) -> str:
        return "Your password cannot be the published demo password."
