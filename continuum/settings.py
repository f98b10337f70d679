"""Continuum's one settings module, driven by the environment.

Development needs no configuration (SQLite under ``var/``, DEBUG on). Production is
selected by ``DEBUG=false`` and then refuses to start without ``SECRET_KEY``.
Every variable is documented in docs/settings.md (tests/test_docs.py checks that).
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from continuum.lib.env import envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CONTINUUM_VAR_DIR", BASE_DIR / "var"))

DEBUG = envbool("DEBUG", default=True)
CONTINUUM_DEMO = envbool("CONTINUUM_DEMO", default=DEBUG)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false.")
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "continuum.ops",
    "continuum.people",
    "continuum.frameworks",
    "continuum.evidence",
    "continuum.learning",
    "continuum.integrations",
    "continuum.family",
    "continuum.notifications",
    "continuum.pathways",
    "continuum.dashboard",
    "continuum.insights",
    "continuum.supports",
    "continuum.privacy",
    "continuum.credentials",
    "continuum.grading",
    "continuum.rostering",
    "continuum.xapi",
    "continuum.reports",
    "continuum.transcripts",
    "lti_tool",  # django-lti: LTI registrations, deployments, keys (continuum/lti)
    "continuum.lti",
    "continuum.sso",
    "continuum.calibration",
    # django-allauth for single sign-on and staff MFA (continuum/sso), after continuum.sso,
    # whose templates override allauth's.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.microsoft",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "continuum.home",
    "continuum.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "continuum.family.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "continuum.people.sessions.SessionPolicyMiddleware",  # after messages: it says why
    "allauth.account.middleware.AccountMiddleware",
    # Passwords off per district, and staff's second factor (continuum/sso/middleware.py).
    "continuum.sso.middleware.PasswordPolicyMiddleware",
    "continuum.sso.middleware.StaffMfaMiddleware",
    "continuum.sso.middleware.SignInButtonsMiddleware",  # buttons may redirect to providers
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After it, so it runs first on the way out: pages of an LTI-launched session may be
    # framed by that platform only (continuum/lti/middleware.py).
    "continuum.lti.middleware.LtiFramingMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Records who read which learner's record after each successful page (FERPA).
    "continuum.privacy.middleware.DisclosureMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the "try again at" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "continuum.urls"
WSGI_APPLICATION = "continuum.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "continuum" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "continuum.people.context_processors.navigation",
                "continuum.notifications.context_processors.unread_notifications",
                "continuum.home.context_processors.nav_badges",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the zero-configuration SQLite lives here
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'continuum.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", default=0),
    )
}

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "continuum.people.lockout.LockoutBackend",  # first: a locked-out sign-in stops here
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",  # single sign-on (continuum/sso)
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "continuum.people.passwords.DemoPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in throttling (django-axes): after this many wrong passwords for one username from one
# address, that pair is locked out for the cool-off period (each further try restarts it).
AXES_FAILURE_LIMIT = envint("CONTINUUM_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("CONTINUUM_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "continuum.people.lockout.locked_out"
# Behind proxies the client is the address the nearest trusted proxy saw, read from the right
# of X-Forwarded-For; with no trusted proxy every sign-in would count as the proxy's.
CONTINUUM_TRUSTED_PROXY_COUNT = envint("CONTINUUM_TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "continuum.people.lockout.client_address"
# Failures and lockouts are kept; a row per successful sign-in would only be noise.
AXES_DISABLE_ACCESS_LOG = True
# Password reset links stay valid for an hour (Django's default is three days).
PASSWORD_RESET_TIMEOUT = 60 * 60

# Sessions end after a while without activity, sooner for learners and guardians, who often
# share school or family devices, and always after CONTINUUM_SESSION_MAX_HOURS
# (continuum/people/sessions.py). Their cookies also end when the browser closes.
CONTINUUM_SESSION_IDLE_MINUTES_SHARED = envint("CONTINUUM_SESSION_IDLE_MINUTES_SHARED", default=30)
CONTINUUM_SESSION_IDLE_MINUTES_STAFF = envint("CONTINUUM_SESSION_IDLE_MINUTES_STAFF", default=120)
CONTINUUM_SESSION_MAX_HOURS = envint("CONTINUUM_SESSION_MAX_HOURS", default=12)
SESSION_COOKIE_AGE = CONTINUUM_SESSION_MAX_HOURS * 60 * 60

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "continuum" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "continuum" / "static"]
# Serve app static files straight from their folders too, so a fresh checkout (and the
# browser tests' live server) needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Email: the console in development, SMTP in production. Django 6.1 configures mailers
# through MAILERS; the SMTP server's details come from the environment.
_MAIL_BACKEND = "console" if DEBUG else "smtp"
MAILERS: dict[str, dict] = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND", f"django.core.mail.backends.{_MAIL_BACKEND}.EmailBackend"
        )
    }
}
if MAILERS["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": envint("EMAIL_PORT", default=25),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": envbool("EMAIL_USE_TLS", default=False),
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Continuum <continuum@localhost>")
# Makes links in notification emails absolute (e.g. https://continuum.example.org).
CONTINUUM_BASE_URL = os.environ.get("CONTINUUM_BASE_URL", "")

# Passphrase that encrypts each district's credential signing key in the database (the
# private keys never leave the server). Defaults to SECRET_KEY; set it apart so rotating
# SECRET_KEY does not orphan the keys (then run `continuum credential_key_rotate`).
CONTINUUM_CREDENTIAL_KEY_SECRET = os.environ.get("CONTINUUM_CREDENTIAL_KEY_SECRET", SECRET_KEY)

# Audit reasons (why a score or a framework changed) are free text, not capped at 100.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Upload limit for CASE packages sent through the web UI (the largest public ones are ~4 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", default=50 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# Largest learner portfolio upload; portfolio files live under VAR_DIR/portfolio, outside
# the web root, and are served only through a permission-checked download view.
CONTINUUM_PORTFOLIO_MAX_BYTES = envint("CONTINUUM_PORTFOLIO_MAX_BYTES", default=10 * 1024 * 1024)

# Seconds the background refresh of pace and flags waits after new evidence, a correction or
# an override, so a class scored in a minute is one refresh per learner, not one per score.
CONTINUUM_SUPPORTS_REFRESH_DELAY = envint("CONTINUUM_SUPPORTS_REFRESH_DELAY", default=60)

# Processes that lay out a batch of report-card PDFs in the background worker (one core each;
# WeasyPrint is pure Python). Default: one per core.
CONTINUUM_REPORT_PROCESSES = envint("CONTINUUM_REPORT_PROCESSES", default=os.cpu_count() or 1)

# How long the record of disclosures is kept (`continuum purge_disclosures` deletes older
# rows). FERPA wants it kept as long as the learner's record; five years covers a learner's
# stay in one school plus the usual window for a complaint. Raise it if records live longer.
CONTINUUM_DISCLOSURE_RETENTION_DAYS = envint("CONTINUUM_DISCLOSURE_RETENTION_DAYS", default=5 * 366)

# Largest OneRoster CSV package, unpacked (a zip that unpacks past it is refused: zip bombs).
# 200 MB holds a district of a few hundred thousand users and enrollments.
CONTINUUM_ONEROSTER_MAX_BYTES = envint("CONTINUUM_ONEROSTER_MAX_BYTES", default=200 * 1024 * 1024)

# LTI 1.3 (continuum/lti): a launched page lives in the LMS's iframe, where browsers send
# the session cookie only if it is SameSite=None and Secure (so HTTPS only). Off by default,
# so development and tests work over plain HTTP; turn it on where an LMS launches Continuum.
CONTINUUM_LTI_IFRAME_COOKIES = envbool("CONTINUUM_LTI_IFRAME_COOKIES", default=False)
if CONTINUUM_LTI_IFRAME_COOKIES:
    SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "None"
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# How long `continuum lti_key_rotate` keeps the previous signing key published, so platforms
# that cached the key set still verify what was signed just before the rotation.
CONTINUUM_LTI_KEY_GRACE_DAYS = envint("CONTINUUM_LTI_KEY_GRACE_DAYS", default=7)

# Single sign-on and staff MFA (django-allauth, continuum/sso). Providers are each district's
# (SignInProvider rows); no one signs up: a sign-in matches a rostered person or is refused.
ACCOUNT_ADAPTER = "continuum.sso.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "continuum.sso.adapter.SocialAccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "none"  # people come from the roster; allauth sends no mail
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False  # Continuum calls no provider API after sign-in
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Continuum"
# Setting up an authenticator app right after signing in needs no second password prompt.
MFA_REAUTHENTICATION_REQUIRED = False
# Key that encrypts providers' client secrets in the database (defaults to SECRET_KEY; set it
# apart so rotating SECRET_KEY does not make districts re-enter their secrets).
CONTINUUM_SSO_SECRET_KEY = os.environ.get("CONTINUUM_SSO_SECRET_KEY", SECRET_KEY)
# Break glass: usernames that keep their password where their district turned passwords
# off (superusers always do), e.g. the district IT account that fixes the providers.
CONTINUUM_SSO_PASSWORD_USERS = envlist("CONTINUUM_SSO_PASSWORD_USERS", default=[])

# CASE import by URL fetches public addresses only (no loopback, private or cloud-metadata
# address: server-side request forgery). Host names listed here, such as an on-premises
# CASE server, may be fetched whatever they resolve to and on any port.
CONTINUUM_CASE_FETCH_ALLOW_HOSTS = envlist("CONTINUUM_CASE_FETCH_ALLOW_HOSTS", default=[])

# No inline script or style and no plugins, framing, <base> or foreign form targets: a
# script that slips past escaping cannot run (docs/security.md).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Behind a TLS-terminating proxy, the header it sets to "https" (e.g. X-Forwarded-Proto), so
# HTTPS requests are not redirected forever. Only set it if the proxy strips that header
# from what clients send; otherwise anyone can claim a secure connection.
_PROXY_HEADER = os.environ.get("CONTINUUM_TRUSTED_PROXY_HEADER", "").strip()
if _PROXY_HEADER:
    if not re.fullmatch(r"[A-Za-z0-9-]+", _PROXY_HEADER):
        raise ImproperlyConfigured(
            f"CONTINUUM_TRUSTED_PROXY_HEADER={_PROXY_HEADER!r} is not a header name"
        )
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_HEADER.upper().replace("-", "_"), "https")

# Where tests and benchmarks find the read-only third-party data (never copied into the repo).
CONTINUUM_SHARED_DATA = Path(
    os.environ.get("CONTINUUM_SHARED_DATA", BASE_DIR.parent / "shared" / "data")
)

if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", default=True)
    # Health checks come over plain HTTP from the proxy, systemd or the container runtime.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", default=False)
    # Preloading HSTS is hard to undo, so it is each school's own choice, not a default.
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Production logs one JSON object per line (continuum/ops/logs.py) for a log collector;
# development keeps Django's plain lines.
CONTINUUM_LOG_FORMAT = os.environ.get("CONTINUUM_LOG_FORMAT", "text" if DEBUG else "json")
if CONTINUUM_LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"CONTINUUM_LOG_FORMAT={CONTINUUM_LOG_FORMAT!r} is not json or text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "continuum.ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if CONTINUUM_LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# `continuum serve` (continuum/ops): where gunicorn listens, how many processes it runs, how
# long a stop waits for requests and tasks in flight, and the worker's heartbeat, which
# /healthz wants to have seen within CONTINUUM_HEARTBEAT_MAX_AGE_SECONDS.
CONTINUUM_BIND = os.environ.get("CONTINUUM_BIND", "127.0.0.1:8000")
CONTINUUM_WEB_WORKERS = envint("CONTINUUM_WEB_WORKERS", default=2 * (os.cpu_count() or 1) + 1)
CONTINUUM_SHUTDOWN_SECONDS = envint("CONTINUUM_SHUTDOWN_SECONDS", default=30)
CONTINUUM_HEARTBEAT_SECONDS = envint("CONTINUUM_HEARTBEAT_SECONDS", default=30)
CONTINUUM_HEARTBEAT_MAX_AGE_SECONDS = envint("CONTINUUM_HEARTBEAT_MAX_AGE_SECONDS", default=120)
