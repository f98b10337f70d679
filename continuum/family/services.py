"""The one thing the family view changes: the language a person reads Continuum in."""

from django.conf import settings
from django.core.exceptions import ValidationError

from continuum.people.models import User


def preferred_language_set(*, user: User, language: str) -> None:
    """Save the person's language (also used for their notifications and email)."""
    codes = [code for code, _name in settings.LANGUAGES]
    if language not in codes:
        raise ValidationError(
            f"Continuum is not available in {language!r}; choose one of {', '.join(codes)}."
        )
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
