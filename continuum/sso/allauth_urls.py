"""The part of django-allauth Continuum serves under /accounts/: each provider's login and
callback, the social sign-in's cancelled and error pages, and the second-factor pages.

Not ``allauth.urls``: its account pages (sign-up, its own sign-in, password and email
management) would duplicate Django's sign-in that Continuum keeps. Two of allauth's names
its templates and stages link to, ``account_login`` and ``account_logout``, lead to ours.
"""

from allauth.mfa.base import views as mfa_views
from allauth.socialaccount import views as social_views
from allauth.socialaccount.providers.google.provider import GoogleProvider
from allauth.socialaccount.providers.microsoft.provider import MicrosoftGraphProvider
from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns
from django.contrib.auth.views import LogoutView
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path(
        "login/",
        RedirectView.as_view(pattern_name="login", query_string=True),
        name="account_login",
    ),
    path("logout/", LogoutView.as_view(), name="account_logout"),
    path(
        "3rdparty/login/cancelled/",
        social_views.login_cancelled,
        name="socialaccount_login_cancelled",
    ),
    path("3rdparty/login/error/", social_views.login_error, name="socialaccount_login_error"),
    # Not allauth.mfa.urls whole: its reauthenticate page needs allauth's account pages, and
    # Continuum asks for no second password before setting up an authenticator app.
    path("2fa/", mfa_views.index, name="mfa_index"),
    path("2fa/authenticate/", mfa_views.authenticate, name="mfa_authenticate"),
    path("2fa/totp/", include("allauth.mfa.totp.urls")),
    path("2fa/recovery-codes/", include("allauth.mfa.recovery_codes.urls")),
    *default_urlpatterns(GoogleProvider),
    *default_urlpatterns(MicrosoftGraphProvider),
    path("", include("allauth.socialaccount.providers.openid_connect.urls")),
]
