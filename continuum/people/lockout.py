"""Sign-in throttling: django-axes counts wrong passwords per username and address.

After ``AXES_FAILURE_LIMIT`` wrong passwords for one username from one address, that pair is
refused, even with the right password, until ``AXES_COOLOFF_TIME`` has passed since the last
try. Axes logs each failure and the lockout (logger ``axes``) and keeps the attempts in the
database (Django admin → Axes → Access attempts). Single sign-on (continuum/sso) checks no
password here: the district's provider does, and throttles its own sign-ins.
"""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


class LockoutBackend(AxesStandaloneBackend):
    """Axes' gate, skipped when ``authenticate()`` is called without a request.

    Such calls come from code (the test client's ``login()``, a shell), never from a sign-in
    form, so no one can hammer them; every web sign-in (Django's LoginView, the admin's)
    passes its request and is counted.
    """

    def authenticate(self, request: HttpRequest | None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """A page (429) saying when to try again, instead of axes' bare text."""
    cool_off = get_cool_off(request)
    minutes = round(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "retry_at": timezone.now() + cool_off if cool_off else None},
        status=429,
    )


def client_address(request: HttpRequest) -> str | None:
    """The address a lockout counts: the peer, or behind trusted proxies the one they saw.

    Each of the ``CONTINUUM_TRUSTED_PROXY_COUNT`` proxies appends the address it was reached
    from to X-Forwarded-For, so the client is that many entries from the right; anything
    further left was written by the client and proves nothing. With no trusted proxy the
    header is ignored, so a client cannot dodge its lockout by forging it.
    """
    return forwarded_client(
        peer=request.META.get("REMOTE_ADDR"),
        forwarded_for=request.META.get("HTTP_X_FORWARDED_FOR", ""),
        trusted_proxies=settings.CONTINUUM_TRUSTED_PROXY_COUNT,
    )


def forwarded_client(*, peer: str | None, forwarded_for: str, trusted_proxies: int) -> str | None:
    if trusted_proxies <= 0:
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < trusted_proxies:
        return peer  # the request did not come through every proxy: count the peer
    return hops[-trusted_proxies]
