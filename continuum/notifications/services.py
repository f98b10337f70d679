"""Sending notifications, marking them read, and saving each person's preferences.

``notify`` writes each notice in its recipient's preferred language: pass lazy strings
(``gettext_lazy`` / ``format_lazy``) for the title and body and they are rendered once per
recipient. Email leaves only after the surrounding transaction commits, so a rolled-back
change never sends mail.
"""

import logging
from collections.abc import Iterable, Mapping
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from continuum.notifications.models import Kind, Notification, NotificationPreference
from continuum.notifications.selectors import preferences_of
from continuum.people.models import User

logger = logging.getLogger(__name__)


def _language(user: User) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def _absolute(url: str) -> str:
    base = getattr(settings, "CONTINUUM_BASE_URL", "").rstrip("/")
    return f"{base}{url}" if base and url.startswith("/") else url


def _email(notification_id: int | None, recipient: User, title: str, body: str, url: str) -> None:
    """Send one email; a mail server that refuses is logged, never a failed page for the
    educator whose action caused the notice (the in-app notice is already stored)."""
    link = _absolute(url)
    message = f"{body}\n\n{link}" if link else body
    try:
        send_mail(title, message, None, [recipient.email], fail_silently=False)
    except Exception:
        logger.exception(
            "Could not email notification %s to user %s", notification_id, recipient.pk
        )
        return
    if notification_id is not None:
        Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())


def notify(
    *, recipients: Iterable[User], kind: str, title, body, url: str = ""
) -> list[Notification]:
    """Tell each recipient (once, even if listed twice) in the app and/or by email, as
    their preferences for ``kind`` say. Returns the in-app notifications stored."""
    if kind not in Kind.values:
        raise ValidationError(f"Unknown kind of notification: {kind!r}.")
    if url and not url.startswith("/"):
        raise ValidationError("A notification links only to a page inside Continuum.")
    unique = {user.pk: user for user in recipients if user is not None and user.is_active}
    chosen = preferences_of(user_ids=unique.keys(), kind=kind)
    texts: dict[int, tuple[str, str]] = {}
    for pk, user in unique.items():
        with translation.override(_language(user)):
            texts[pk] = str(title)[:200], str(body)
    with transaction.atomic():
        stored = Notification.objects.bulk_create(
            [
                Notification(
                    recipient=user, kind=kind, title=texts[pk][0], body=texts[pk][1], url=url
                )
                for pk, user in unique.items()
                if chosen[pk][0]
            ]
        )
        ids = {notification.recipient_id: notification.pk for notification in stored}
        for pk, user in unique.items():
            if chosen[pk][1] and user.email:
                transaction.on_commit(partial(_email, ids.get(pk), user, *texts[pk], url))
    return stored


def notification_mark_read(*, user: User, notification_id: int | None = None) -> int:
    """Mark one of the person's notifications read (or all, when no id); returns how many
    changed. Someone else's notification is refused, not marked."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        if not Notification.objects.filter(pk=notification_id, recipient=user).exists():
            raise ValidationError("No such notification among yours.")
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())


def preferences_update(*, user: User, choices: Mapping[str, tuple[bool, bool]]) -> None:
    """Save ``{kind: (in_app, email)}`` for the kinds given."""
    unknown = set(choices) - set(Kind.values)
    if unknown:
        raise ValidationError(f"Unknown kinds of notification: {sorted(unknown)}.")
    with transaction.atomic():
        for kind, (in_app, email) in choices.items():
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"in_app": in_app, "email": email}
            )
