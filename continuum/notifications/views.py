"""A person's notifications: the list, marking read, and how they want to be told."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.notifications import selectors, services
from continuum.notifications.forms import PreferencesForm


@requires("notifications.use")
def notification_list(request):
    context = {
        "notifications": selectors.notification_list(user=request.user),
        "unread": selectors.unread_count(user=request.user),
    }
    return render(request, "notifications/notification_list.html", context)


@require_POST
@requires("notifications.use")
def notification_read(request, notification_id: int):
    try:
        services.notification_mark_read(user=request.user, notification_id=notification_id)
    except ValidationError:
        raise Http404("No such notification among yours.") from None
    return redirect("notification_list")


@require_POST
@requires("notifications.use")
def notification_read_all(request):
    count = services.notification_mark_read(user=request.user)
    messages.success(request, _("Marked %(count)d notifications as read.") % {"count": count})
    return redirect("notification_list")


@requires("notifications.use")
def notification_preferences(request):
    initial = selectors.preferences_for(user=request.user)
    form = PreferencesForm(request.POST or None, initial_choices=initial)

    def save():
        services.preferences_update(user=request.user, choices=form.choices())

    if submitted(request, form, save, _("Your notification choices are saved.")):
        return redirect("notification_preferences")
    return render(request, "notifications/preferences.html", {"form": form})
