"""Reading notifications and preferences."""

from collections.abc import Collection

from django.db.models import QuerySet

from continuum.notifications.models import Kind, Notification, NotificationPreference
from continuum.people.models import User


def notification_list(*, user: User, limit: int = 100) -> QuerySet[Notification]:
    """The person's own notifications, newest first."""
    return Notification.objects.filter(recipient=user)[:limit]


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def preferences_for(*, user: User) -> dict[str, tuple[bool, bool]]:
    """``{kind: (in_app, email)}`` for every kind; kinds without a row are both on."""
    chosen = {p.kind: (p.in_app, p.email) for p in NotificationPreference.objects.filter(user=user)}
    return {kind: chosen.get(kind, (True, True)) for kind in Kind.values}


def preferences_of(*, user_ids: Collection[int], kind: str) -> dict[int, tuple[bool, bool]]:
    """``{user id: (in_app, email)}`` for one kind, for many people in one query (a flag
    computation notifies hundreds); people without a row get both on."""
    chosen = {
        user_id: (in_app, email)
        for user_id, in_app, email in NotificationPreference.objects.filter(
            user_id__in=user_ids, kind=kind
        ).values_list("user_id", "in_app", "email")
    }
    return {user_id: chosen.get(user_id, (True, True)) for user_id in user_ids}
