"""Deploy checks: a production server runs neither in demo mode nor with demo logins.

Every demo account shares the published password, so every active account that still has
it is refused, not only the published usernames. Hashing every password would take minutes
on a district, so ``User.set_password`` keeps ``has_demo_password`` up to date and the check
reads that flag. Accounts saved before the flag existed were checked once by migration
people 0003 (see docs/user-guide/accounts.md for what that covers)."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.security, deploy=True)
def check_not_in_demo_mode(app_configs, **kwargs):
    if not settings.CONTINUUM_DEMO or settings.DEBUG:
        return []
    return [
        Error(
            "CONTINUUM_DEMO is on in production (DEBUG=false): the published demo password "
            "is accepted and the demo school can be built.",
            hint="Unset CONTINUUM_DEMO (it follows DEBUG) or set CONTINUUM_DEMO=false.",
            id="continuum.E002",
        )
    ]


@register(Tags.security, deploy=True)
def check_no_demo_passwords(app_configs, **kwargs):
    if settings.CONTINUUM_DEMO:
        return []
    from continuum.people.models import User

    try:
        demo = list(
            User.objects.filter(is_active=True, has_demo_password=True)
            .order_by("username")
            .values_list("username", flat=True)
        )
    except DatabaseError:
        return []  # no tables yet: nothing can hold the demo password
    if not demo:
        return []
    return [
        Error(
            f"{len(demo)} active account(s) use the published demo password: "
            f"{', '.join(demo[:10])}{', …' if len(demo) > 10 else ''}.",
            hint="Demo logins belong to the demo database only. Set new passwords, deactivate "
            "the accounts, or run with CONTINUUM_DEMO=true on a throwaway database.",
            id="continuum.E001",
        )
    ]
