"""The notifications page lists only one's own notices, marks them read, and saves
preferences; the badge count comes from the context processor."""

from django.urls import reverse

from continuum.notifications.models import Kind, Notification
from continuum.notifications.selectors import preferences_for
from continuum.notifications.services import notify


def test_the_list_shows_ones_own_notices_and_the_unread_count(client, world):
    notify(recipients=[world["lena"]], kind=Kind.FEEDBACK, title="For Lena", body="Body")
    notify(recipients=[world["omar"]], kind=Kind.FEEDBACK, title="For Omar", body="Body")
    client.force_login(world["lena"])
    response = client.get(reverse("notification_list"))
    assert "For Lena" in response.content.decode()
    assert "For Omar" not in response.content.decode()
    assert response.context["unread_notifications"]() == 1


def test_marking_one_and_all_read(client, world):
    first, _second = (
        notify(recipients=[world["lena"]], kind=Kind.OTHER, title=t, body="")[0] for t in "AB"
    )
    client.force_login(world["lena"])
    client.post(reverse("notification_read", args=[first.pk]))
    assert Notification.objects.filter(read_at__isnull=True).count() == 1
    client.post(reverse("notification_read_all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_someone_elses_notice_is_not_found(client, world):
    (notice,) = notify(recipients=[world["lena"]], kind=Kind.OTHER, title="T", body="")
    client.force_login(world["omar"])
    assert client.post(reverse("notification_read", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_preferences_are_saved_from_the_form(client, world):
    client.force_login(world["gabe"])
    page = client.get(reverse("notification_preferences")).content.decode()
    assert "New feedback: by email" in page
    data = {f"{kind}_in_app": "on" for kind in Kind.values} | {"feedback_email": "on"}
    response = client.post(reverse("notification_preferences"), data)
    assert response.status_code == 302
    choices = preferences_for(user=world["gabe"])
    assert choices[Kind.FEEDBACK] == (True, True)
    assert choices[Kind.GOAL_CHECKIN] == (True, False)


def test_the_nav_badge_names_the_unread_count(rf, world):
    from django.template.loader import render_to_string

    notify(recipients=[world["lena"]], kind=Kind.OTHER, title="T", body="")
    request = rf.get("/")
    request.user = world["lena"]
    html = render_to_string("notifications/_nav_badge.html", request=request)
    assert '<span class="nav-badge">1<span class="sr-only"> unread</span></span>' in html
