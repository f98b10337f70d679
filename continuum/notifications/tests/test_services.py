"""notify() stores and emails by preference, in each recipient's language; marking read
and preferences touch only the person's own rows."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from continuum.notifications.models import Kind, Notification
from continuum.notifications.selectors import preferences_for, unread_count
from continuum.notifications.services import notification_mark_read, notify, preferences_update


def test_each_recipient_is_told_once_even_when_listed_twice(world):
    lena, gabe = world["lena"], world["gabe"]
    stored = notify(recipients=[lena, gabe, lena], kind=Kind.FEEDBACK, title="Hi", body="B")
    assert len(stored) == 2
    assert unread_count(user=lena) == 1
    assert unread_count(user=gabe) == 1


def test_email_leaves_after_commit_and_is_recorded(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    lena = world["lena"]
    lena.email = "lena@example.org"
    lena.save()
    with django_capture_on_commit_callbacks(execute=True):
        (notice,) = notify(
            recipients=[lena], kind=Kind.FEEDBACK, title="New feedback", body="Well done", url="/x/"
        )
    assert [m.subject for m in mailoutbox] == ["New feedback"]
    assert mailoutbox[0].to == ["lena@example.org"]
    assert "Well done" in mailoutbox[0].body
    notice.refresh_from_db()
    assert notice.emailed_at is not None


def test_preferences_turn_off_the_app_or_the_email(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    gabe = world["gabe"]
    gabe.email = "gabe@example.org"
    gabe.save()
    preferences_update(user=gabe, choices={Kind.FEEDBACK: (False, True), Kind.OTHER: (True, False)})
    with django_capture_on_commit_callbacks(execute=True):
        assert notify(recipients=[gabe], kind=Kind.FEEDBACK, title="F", body="") == []
        assert len(notify(recipients=[gabe], kind=Kind.OTHER, title="O", body="")) == 1
    assert [m.subject for m in mailoutbox] == ["F"]


def test_people_without_an_email_address_are_told_in_the_app_only(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[world["lena"]], kind=Kind.FEEDBACK, title="T", body="")
    assert mailoutbox == []


def test_a_notice_is_written_in_its_recipients_language(world):
    gabe, lena = world["gabe"], world["lena"]
    gabe.preferred_language = "es"
    gabe.save()
    notify(recipients=[gabe, lena], kind=Kind.OTHER, title=_("Notifications"), body="")
    assert Notification.objects.get(recipient=gabe).title == "Notificaciones"
    assert Notification.objects.get(recipient=lena).title == "Notifications"


def test_unknown_kinds_and_outside_links_are_refused(world):
    with pytest.raises(ValidationError, match="Unknown kind"):
        notify(recipients=[world["lena"]], kind="gossip", title="T", body="")
    with pytest.raises(ValidationError, match="inside Continuum"):
        notify(recipients=[world["lena"]], kind="other", title="T", body="", url="https://x.org/")
    assert not Notification.objects.exists()


def test_marking_read_touches_only_ones_own_notifications(world):
    (lenas,) = notify(recipients=[world["lena"]], kind=Kind.OTHER, title="T", body="")
    notify(recipients=[world["omar"]], kind=Kind.OTHER, title="T", body="")
    with pytest.raises(ValidationError):
        notification_mark_read(user=world["omar"], notification_id=lenas.pk)
    assert unread_count(user=world["lena"]) == 1
    assert notification_mark_read(user=world["lena"], notification_id=lenas.pk) == 1
    assert notification_mark_read(user=world["omar"]) == 1
    assert unread_count(user=world["lena"]) == unread_count(user=world["omar"]) == 0


def test_every_kind_is_on_both_ways_until_changed(world):
    lena = world["lena"]
    assert set(preferences_for(user=lena).values()) == {(True, True)}
    preferences_update(user=lena, choices={Kind.GOAL_CHECKIN: (True, False)})
    assert preferences_for(user=lena)[Kind.GOAL_CHECKIN] == (True, False)
    with pytest.raises(ValidationError):
        preferences_update(user=lena, choices={"gossip": (True, True)})


def test_a_refusing_mail_server_leaves_the_notice_in_the_app(
    world, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    lena = world["lena"]
    lena.email = "lena@example.org"
    lena.save()

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("continuum.notifications.services.send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        (notice,) = notify(recipients=[lena], kind=Kind.FEEDBACK, title="T", body="B")
    notice.refresh_from_db()
    assert notice.emailed_at is None
    assert "Could not email notification" in caplog.text


def test_telling_many_people_costs_the_queries_of_telling_one(world, django_assert_num_queries):
    """A flag computation notifies hundreds: preferences are read and notices written in
    one query each, whoever and however many the recipients are."""
    people = [world[name] for name in ("lena", "omar", "gabe", "erin", "eli", "cora", "leo")]
    preferences_update(user=world["cora"], choices={Kind.FLAG: (False, True)})
    with django_assert_num_queries(4):  # the preferences, the notices, and a savepoint's two
        stored = notify(recipients=people, kind=Kind.FLAG, title="Flag", body="")
    assert sorted(n.recipient.username for n in stored) == sorted(
        p.username for p in people if p.username != "cora"
    )
    assert all(n.pk for n in stored)
