"""Sessions end after a while without activity and after a maximum length, by role.

Learners and guardians often share devices (a classroom Chromebook cart, a family tablet),
so their sessions end sooner when left alone and their cookie ends when the browser closes.
Staff sessions tolerate a longer pause. Everyone signs in again after
``CONTINUUM_SESSION_MAX_HOURS``. An ended session is signed out before the view runs, so the
view answers as it does to anyone signed out (pages go to sign in, the API answers 401).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone
from django.utils.translation import gettext as _

from continuum.people.models import Role

SHARED_DEVICE_ROLES = frozenset({Role.LEARNER, Role.GUARDIAN})
_STARTED = "continuum_session_started"
_SEEN = "continuum_session_seen"
# Record activity at most once a minute, so a busy page does not write its session each time.
_TOUCH_SECONDS = 60


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta
    longest: timedelta
    ends_with_browser: bool


def session_policy(role: str) -> SessionPolicy:
    shared = role in SHARED_DEVICE_ROLES
    idle_minutes = (
        settings.CONTINUUM_SESSION_IDLE_MINUTES_SHARED
        if shared
        else settings.CONTINUUM_SESSION_IDLE_MINUTES_STAFF
    )
    return SessionPolicy(
        idle=timedelta(minutes=idle_minutes),
        longest=timedelta(hours=settings.CONTINUUM_SESSION_MAX_HOURS),
        ends_with_browser=shared,
    )


def session_end_reason(
    *, started: float, seen: float, now: float, policy: SessionPolicy
) -> str | None:
    """Why a session begun at ``started`` and last used at ``seen`` is over (epoch seconds)."""
    if now - started > policy.longest.total_seconds():
        return _("Your session reached its limit of %(hours)d hours; please sign in again.") % {
            "hours": round(policy.longest.total_seconds() / 3600)
        }
    if now - seen > policy.idle.total_seconds():
        return _("You were signed out after %(minutes)d minutes without activity.") % {
            "minutes": round(policy.idle.total_seconds() / 60)
        }
    return None


def session_begin(*, request, user, **kwargs) -> None:
    """Stamp a new session with its start; connected to ``user_logged_in``, so the
    sign-in's own session save carries it and the next request writes nothing."""
    session = request.session
    session[_STARTED] = session[_SEEN] = timezone.now().timestamp()
    if session_policy(user.role).ends_with_browser:
        session.set_expiry(0)


class SessionPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request) -> None:
        session, now = request.session, timezone.now().timestamp()
        policy = session_policy(request.user.role)
        if _STARTED not in session:  # a session from before this policy: it starts now
            session_begin(request=request, user=request.user)
            return
        reason = session_end_reason(
            started=session[_STARTED], seen=session.get(_SEEN, 0), now=now, policy=policy
        )
        if reason:
            logout(request)
            messages.info(request, reason)
        elif now - session.get(_SEEN, 0) >= _TOUCH_SECONDS:
            session[_SEEN] = now
