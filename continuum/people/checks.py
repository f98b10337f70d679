"""Deploy check: a production database must not hold the published demo logins.

Only the published demo usernames are checked: hashing every password would take
minutes on a district, and the password validator already refuses the demo password
for everyone else outside demo mode."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError

from continuum.people.passwords import DEMO_PASSWORD, DEMO_USERNAMES


@register(Tags.security, deploy=True)
def check_no_demo_passwords(app_configs, **kwargs):
    if settings.CONTINUUM_DEMO:
        return []
    from continuum.people.models import User

    try:
        users = list(
            User.objects.filter(is_active=True, username__in=DEMO_USERNAMES).only(
                "username", "password"
            )
        )
    except DatabaseError:
        return []  # no tables yet: nothing can hold the demo password
    demo = [user.username for user in users if user.check_password(DEMO_PASSWORD)]
    if not demo:
        return []
    return [
        Error(
            f"{len(demo)} account(s) use the published demo password: {', '.join(demo[:10])}.",
            hint="Demo logins belong to the demo database only. Set new passwords or run "
            "with CONTINUUM_DEMO=true on a throwaway database.",
            id="continuum.E001",
        )
    ]
