"""Password change (everyone signed in, their own account) and reset by email (anyone).

These pages name no one else's record, so Otto of Lakeside District reaches them like
everyone; a reset link for someone else's account with a wrong token shows only that the
link does not work, to everyone."""

from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.access import EVERYONE_SIGNED_IN, Case, allow

ANYONE = allow(*EVERYONE_SIGNED_IN, "anonymous")

CASES = [
    Case("password_change", EVERYONE_SIGNED_IN),
    Case("password_change_done", EVERYONE_SIGNED_IN),
    Case("password_reset", ANYONE),
    Case(
        "password_reset",
        ANYONE,
        method="post",
        label="asking for a link",
        data={"email": "lena@example.org"},
        ok_status=(302,),
    ),
    Case("password_reset_done", ANYONE),
    Case(
        "password_reset_confirm",
        ANYONE,
        label="Lena's account, a forged token",
        kwargs=lambda w: {
            "uidb64": urlsafe_base64_encode(force_bytes(w["lena"].pk)),
            "token": "forged-token",
        },
    ),
    Case("password_reset_complete", ANYONE),
]
