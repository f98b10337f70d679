"""Sessions end after idle time and a maximum length, sooner for shared-device roles."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from continuum.people import sessions
from continuum.people.sessions import SessionPolicy, session_end_reason, session_policy

HOUR = 3600
POLICY = SessionPolicy(
    idle=timedelta(minutes=30), longest=timedelta(hours=12), ends_with_browser=True
)


def test_a_session_used_within_its_idle_time_goes_on():
    assert session_end_reason(started=0, seen=10 * HOUR, now=10.4 * HOUR, policy=POLICY) is None


def test_a_session_left_alone_past_its_idle_time_ends():
    reason = session_end_reason(started=0, seen=HOUR, now=HOUR + 31 * 60, policy=POLICY)
    assert reason == "You were signed out after 30 minutes without activity."


def test_a_busy_session_still_ends_at_its_longest():
    reason = session_end_reason(started=0, seen=12 * HOUR, now=12 * HOUR + 1, policy=POLICY)
    assert reason == "Your session reached its limit of 12 hours; please sign in again."


@pytest.mark.parametrize(
    ("role", "idle_minutes", "ends_with_browser"),
    [
        ("learner", 30, True),
        ("guardian", 30, True),
        ("educator", 120, False),
        ("counselor", 120, False),
        ("leader", 120, False),
        ("district_admin", 120, False),
        ("partner", 120, False),
    ],
)
def test_learners_and_guardians_on_shared_devices_get_shorter_sessions(
    role, idle_minutes, ends_with_browser
):
    policy = session_policy(role)
    assert policy.idle == timedelta(minutes=idle_minutes)
    assert policy.longest == timedelta(hours=12)
    assert policy.ends_with_browser is ends_with_browser


def test_the_lengths_come_from_settings(settings):
    settings.CONTINUUM_SESSION_IDLE_MINUTES_SHARED = 10
    settings.CONTINUUM_SESSION_MAX_HOURS = 4
    assert session_policy("learner") == SessionPolicy(
        idle=timedelta(minutes=10), longest=timedelta(hours=4), ends_with_browser=True
    )


class Clock:
    """Stands in for django.utils.timezone in the middleware, moved by hand."""

    def __init__(self):
        self.at = timezone.now()

    def now(self):
        return self.at


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(sessions, "timezone", clock)
    return clock


def test_a_learner_idle_for_31_minutes_is_signed_out_and_told_why(client, world, clock):
    client.force_login(world["lena"])
    assert client.get(reverse("home")).status_code == 200
    clock.at += timedelta(minutes=31)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    assert "signed out after 30 minutes without activity" in response.content.decode()


def test_an_educator_idle_for_31_minutes_stays_signed_in(client, world, clock):
    client.force_login(world["erin"])
    client.get(reverse("home"))
    clock.at += timedelta(minutes=31)
    assert client.get(reverse("home")).status_code == 200
    clock.at += timedelta(minutes=121)
    assert client.get(reverse("home")).status_code == 302


def test_activity_keeps_a_learner_signed_in_until_the_longest_session(client, world, clock):
    client.force_login(world["lena"])
    client.get(reverse("home"))
    for _ in range(11 * 3):  # a request every 20 minutes for 11 hours
        clock.at += timedelta(minutes=20)
        assert client.get(reverse("home")).status_code == 200
    clock.at += timedelta(minutes=61)
    assert client.get(reverse("home")).status_code == 302


def test_a_learners_session_cookie_ends_with_the_browser(client, world, clock):
    client.force_login(world["lena"])
    client.get(reverse("home"))
    assert client.session.get_expire_at_browser_close()


def test_an_ended_session_answers_the_api_as_signed_out(client, world, clock):
    client.force_login(world["erin"])
    client.get(reverse("home"))
    clock.at += timedelta(hours=13)
    assert client.get("/api/v1/frameworks/").status_code == 401
