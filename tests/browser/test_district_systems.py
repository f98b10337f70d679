"""A district's own systems, used in Chromium as their people would (issue 13).

Ada, Riverside's district admin, adds a Clever sign-in (the test OpenID Connect provider of
tests/sso_provider, in its own process), asks staff for a second factor, turns local
passwords off and registers the district's LMS. Erin (educator) signs in through Clever and
sets up an authenticator app; a person the roster does not know is refused. Lena (learner)
and Erin arrive from the LMS by an LTI 1.3 launch: the test LMS's authorization endpoint, a
small web server of its own, answers with the form an LMS posts (a really signed id_token
carrying the nonce and state of the request), so the state cookie and the nonce are checked
in the browser as in a real launch.

Continuum is opened at 127.0.0.1 and the provider at "localhost": cookies do not tell ports
apart, and both Django projects name their session cookie "sessionid".
"""

import html
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.socialaccount.models import SocialAccount

from continuum.frameworks.tests.factories import sample_framework
from continuum.lti.models import LaunchOutcome, LaunchRecord
from continuum.lti.tests.platform import INSTRUCTOR, LTI, Platform, serve
from continuum.people.models import User
from continuum.rostering.models import RosterKind, RosterRecord
from continuum.sso.models import SignInAttempt, SignInSettings
from continuum.sso.tests.conftest import oidc_provider  # noqa: F401  (a session fixture)
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, Visit
from tests.sso_provider.__main__ import CLIENT_ID, CLIENT_SECRET

LIS = "https://purl.imsglobal.org/spec/lti/claim/lis"


@pytest.fixture
def site(live_server) -> str:
    """Continuum's address: the loopback IP, whose callback the provider accepts on any port."""
    return live_server.url.replace("localhost", "127.0.0.1")


@pytest.fixture
def person(browser, site, page_sizes):
    """``person()``: a browser of its own (cookies and all) for each person of a journey."""
    contexts = []

    def open_browser() -> Visit:
        context = browser.new_context(base_url=site, viewport=DESKTOP)
        contexts.append(context)
        return Visit(context.new_page(), page_sizes)

    yield open_browser
    for context in contexts:
        context.close()


def _look(visit: Visit, name: str) -> None:
    """Axe, no sideways scroll, and a screenshot at desktop width and one at phone width."""
    visit.check(name)
    visit.page.set_viewport_size(PHONE)
    visit.page.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"), full_page=True)
    visit.page.set_viewport_size(DESKTOP)


def _provider_sign_in(visit: Visit, provider, username: str, email: str) -> None:
    """Signs in at the provider as ``username`` (the provider's own sign-in, outside the test)."""
    query = urlencode({"email": email, "verified": "1"})
    base = provider.base.replace("127.0.0.1", "localhost")
    visit.page.goto(f"{base}/as/{username}/?{query}")
    assert visit.page.get_by_text("signed in").is_visible()


# --- single sign-on -----------------------------------------------------------------------


def _add_clever(ada: Visit, provider) -> None:
    """Fill the provider form as the integrations guide says, for the test provider."""
    ada.page.get_by_label(re.compile(r"^Provider:?$")).select_option(label="Clever")
    ada.page.get_by_label("Button label").fill("Clever")
    ada.page.get_by_label(re.compile(r"^Key:?$")).fill("clever-test")
    ada.page.get_by_label("Client id").fill(CLIENT_ID)
    ada.page.get_by_label("Client secret").fill(CLIENT_SECRET)
    ada.page.get_by_label("Issuer URL").fill(provider.issuer.replace("127.0.0.1", "localhost"))
    ada.page.get_by_role("button", name="Save provider").click()


@pytest.mark.django_db(transaction=True)
def test_ada_adds_clever_and_erin_signs_in_with_it_then_sets_up_her_second_factor(
    person,
    world,
    site,
    oidc_provider,  # noqa: F811
):
    User.objects.filter(pk=world["erin"].pk).update(email="erin@riverside.example")
    ada = person()
    ada.login("ada")
    ada.page.goto("/integrations/")
    ada.page.get_by_role("link", name="Single sign-on").click()
    _look(ada, "sso-settings-empty")
    ada.page.get_by_role("link", name="Add a provider").click()
    _look(ada, "sso-provider-add")
    _add_clever(ada, oidc_provider)
    assert ada.page.get_by_text("Provider saved.").is_visible()
    ada.page.get_by_label("Staff must use a second factor").check()
    ada.page.get_by_role("button", name="Save settings").click()
    assert ada.page.get_by_text("Sign-in settings saved.").is_visible()
    callback = f"{site}/accounts/oidc/clever-test/login/callback/"
    assert ada.page.get_by_text(callback).is_visible()  # what Ada gives Clever
    assert ada.page.get_by_role("button", name="Remove Clever").is_visible()
    _look(ada, "sso-settings")
    assert SignInSettings.objects.get(district=world["district"]).staff_mfa_required

    erin = person()
    _provider_sign_in(erin, oidc_provider, "clever-erin", "erin@riverside.example")
    erin.page.goto("/login/")
    _look(erin, "sign-in-with-providers")
    erin.page.get_by_role("button", name="Sign in with Clever").click()
    erin.page.wait_for_url(re.compile(r".*/accounts/2fa/totp/activate/"))
    assert erin.page.get_by_text("Signed in as Erin Walsh.").is_visible()
    erin.page.get_by_role("link", name="Gradebook").click()  # not before the second factor
    assert urlsplit(erin.page.url).path == "/accounts/2fa/totp/activate/"
    _look(erin, "mfa-activate")
    secret = erin.page.locator("code").first.inner_text().strip()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    erin.page.get_by_role("textbox", name="Code").fill(code)
    erin.page.get_by_role("button", name="Turn on two-step sign-in").click()
    assert erin.page.get_by_role("heading", name="Save your recovery codes").is_visible()
    _look(erin, "mfa-recovery-codes")
    erin.page.get_by_role("link", name="Continue to Continuum").click()
    assert urlsplit(erin.page.url).path == "/"
    assert erin.page.get_by_role("link", name="Math 6A").first.is_visible()
    _look(erin, "home-educator-after-sso")
    assert Authenticator.objects.filter(user=world["erin"], type="totp").exists()
    assert SocialAccount.objects.get(user=world["erin"]).uid == "clever-erin"


@pytest.mark.django_db(transaction=True)
def test_a_person_the_roster_does_not_know_is_refused_and_nothing_is_created(
    person,
    world,
    oidc_provider,  # noqa: F811
):
    ada = person()
    ada.login("ada")
    ada.page.goto("/sso/providers/new/")
    _add_clever(ada, oidc_provider)
    people = User.objects.count()

    stranger = person()
    _provider_sign_in(stranger, oidc_provider, "stranger", "stranger@example.com")
    stranger.page.goto("/login/")
    with stranger.page.expect_response(re.compile(r".*/login/callback/.*")) as callback:
        stranger.page.get_by_role("button", name="Sign in with Clever").click()
    assert callback.value.status == 403
    assert stranger.page.get_by_role("heading", name="We could not sign you in").is_visible()
    assert stranger.page.get_by_text("not in the roster of Riverside District").is_visible()
    _look(stranger, "sso-refused")
    assert User.objects.count() == people
    assert not SocialAccount.objects.exists()
    assert SignInAttempt.objects.get().outcome == "not_in_roster"
    ada.page.goto("/sso/")
    assert ada.page.get_by_role("cell", name="stranger@example.com").is_visible()
    _look(ada, "sso-settings-audit")


@pytest.mark.django_db(transaction=True)
def test_with_local_passwords_off_the_password_form_sends_erin_to_her_school_account(
    person,
    world,
    oidc_provider,  # noqa: F811
):
    ada = person()
    ada.login("ada")
    ada.page.goto("/sso/providers/new/")
    _add_clever(ada, oidc_provider)
    ada.page.get_by_label("Local passwords").uncheck()
    ada.page.get_by_role("button", name="Save settings").click()
    assert not SignInSettings.objects.get(district=world["district"]).passwords_enabled

    erin = person()
    erin.page.goto("/login/")
    erin.page.get_by_label("Username").fill("erin")
    erin.page.get_by_label("Password").fill("a-long-test-password")
    with erin.page.expect_response(re.compile(r".*/login/$")) as refused:
        erin.page.get_by_role("button", name="Sign in", exact=True).click()
    assert refused.value.status == 403
    assert erin.page.get_by_role("heading", name="Use your school account").is_visible()
    assert erin.page.get_by_text(
        "Riverside District signs in through its school accounts, not Continuum passwords."
    ).is_visible()
    assert erin.page.get_by_role("button", name="Sign in with Clever").is_visible()
    _look(erin, "sso-passwords-off")
    erin.page.goto("/")
    assert "/login/" in erin.page.url  # not signed in


# --- LTI 1.3 ------------------------------------------------------------------------------


class _AuthorizationEndpoint(ThreadingHTTPServer):
    """The LMS's OIDC authorization endpoint, a web server of its own on "localhost" (another
    site than Continuum's 127.0.0.1, as an LMS is). For the person the LMS knows by the
    request's ``login_hint`` it answers what an LMS answers: a page whose form posts a signed
    id_token, with the request's nonce and state, to the redirect URI. ``/replay`` posts the
    first id_token again. (``page.route`` cannot play it: Playwright does not intercept the
    hop of a redirect, and the login initiation answers with one.)"""

    daemon_threads = True

    def __init__(self, platform: Platform, people: dict[str, dict]) -> None:
        self.platform, self.people, self.posted = platform, people, []
        super().__init__(("127.0.0.1", 0), _AuthorizationPage)

    @property
    def url(self) -> str:
        return f"http://localhost:{self.server_port}/api/lti/authorize_redirect"


class _AuthorizationPage(BaseHTTPRequestHandler):
    server: _AuthorizationEndpoint

    def do_GET(self) -> None:
        if self.path == "/replay":
            return self._answer(self.server.posted[0])
        params = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        person = dict(self.server.people[params["login_hint"]])
        claims = {LTI + "target_link_uri": params["redirect_uri"], **person.pop("claims", {})}
        token = self.server.platform.id_token(params["nonce"], person.pop("sub"), **claims)
        form = {"action": params["redirect_uri"], "id_token": token, "state": params["state"]}
        self.server.posted.append(form)
        self._answer(form)

    def _answer(self, form: dict) -> None:
        fields = "".join(
            f'<input type="hidden" name="{name}" value="{html.escape(form[name])}">'
            for name in ("id_token", "state")
        )
        body = (
            f'<!doctype html><html lang="en"><title>LMS</title><form method="post" '
            f'action="{html.escape(form["action"])}">{fields}</form>'
            "<script>document.forms[0].submit()</script></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


def _launch(visit: Visit, platform: Platform, site: str, login_hint: str) -> None:
    """The LMS opens the tool's login initiation (third-party initiated login) in the browser."""
    query = urlencode(
        {
            "iss": platform.issuer,
            "login_hint": login_hint,
            "target_link_uri": f"{site}/lti/launch/",
            "client_id": platform.client_id,
            "lti_message_hint": "message-hint",
        }
    )
    visit.page.goto(f"/lti/login/?{query}")


@pytest.fixture
def lms(world, monkeypatch):
    """Riverside's Canvas: its authorization endpoint serving in a thread, the rest (its key
    set) answered in this process, where the live server runs. Lena is ``stu-lena`` in the
    roster; Math 6A is ``class-math6a``; Erin's LMS account has her e-mail address."""
    sample_framework()  # targets for the gradebook
    platform = Platform()
    serve(monkeypatch, platform)
    people = {
        "lena": {"sub": "lms-user-17", "claims": {LIS: {"person_sourcedid": "stu-lena"}}},
        "erin": {
            "sub": "lms-user-3",
            "claims": {
                "email": "erin@schools.example",
                LTI + "roles": [INSTRUCTOR],
                LIS: {"course_section_sourcedid": "class-math6a"},
            },
        },
    }
    endpoint = _AuthorizationEndpoint(platform, people)
    threading.Thread(target=endpoint.serve_forever, daemon=True).start()
    district = world["district"]
    RosterRecord.objects.create(
        district=district, kind=RosterKind.USER, sourced_id="stu-lena", person=world["lena"]
    )
    RosterRecord.objects.create(
        district=district,
        kind=RosterKind.CLASS,
        sourced_id="class-math6a",
        object_id=world["math_a"].pk,
    )
    User.objects.filter(pk=world["erin"].pk).update(email="erin@schools.example")
    yield platform, endpoint
    endpoint.shutdown()
    endpoint.server_close()


def _register(ada: Visit, platform: Platform, auth_url: str) -> None:
    ada.page.goto("/integrations/")
    ada.page.get_by_role("link", name="LMS platforms (LTI 1.3)").click()
    _look(ada, "lti-platforms-empty")
    details = platform.details
    ada.page.get_by_label("Name").fill(details["name"])
    ada.page.get_by_label("Issuer").fill(details["issuer"])
    ada.page.get_by_label("Client id").fill(details["client_id"])
    ada.page.get_by_label("Deployment ids").fill(details["deployment_ids"])
    ada.page.get_by_label("OIDC authorization URL").fill(auth_url)
    ada.page.get_by_label("Access token URL").fill(details["token_url"])
    ada.page.get_by_label("Platform key set (JWKS) URL").fill(details["keyset_url"])
    ada.page.get_by_label("LMS address").fill(details["frame_origin"])
    ada.page.get_by_role("button", name="Register").click()
    assert ada.page.get_by_text("Platform registered.").is_visible()
    _look(ada, "lti-platforms")


@pytest.mark.django_db(transaction=True)
def test_ada_registers_the_lms_and_lena_and_erin_arrive_from_it(person, world, lms, site):
    platform, endpoint = lms
    ada = person()
    ada.login("ada")
    _register(ada, platform, endpoint.url)

    lena = person()
    _launch(lena, platform, site, login_hint="lena")
    lena.page.wait_for_url(re.compile(rf".*/dashboard/learners/{world['lena'].pk}/$"))
    _look(lena, "lti-learner-dashboard")

    # The same id_token and state, posted again from the LMS's page: the nonce is used up.
    with lena.page.expect_response(re.compile(r".*/lti/launch/$")) as replayed:
        lena.page.goto(endpoint.url.replace("/api/lti/authorize_redirect", "/replay"))
    assert replayed.value.status == 400
    assert lena.page.get_by_role(
        "heading", name="This launch from your LMS was refused"
    ).is_visible()
    assert lena.page.get_by_text("an id_token is good for one launch only").is_visible()
    _look(lena, "lti-launch-refused")

    erin = person()
    _launch(erin, platform, site, login_hint="erin")
    erin.page.wait_for_url(re.compile(rf".*/gradebook/sections/{world['math_a'].pk}/$"))
    _look(erin, "lti-educator-gradebook")

    outcomes = list(LaunchRecord.objects.order_by("at", "pk").values_list("outcome", flat=True))
    assert outcomes == [LaunchOutcome.LANDED, LaunchOutcome.REFUSED, LaunchOutcome.LANDED]
    ada.page.get_by_role("link", name="Canvas").click()
    assert ada.page.get_by_role("cell", name=re.compile("nonce was already used")).is_visible()
    _look(ada, "lti-platform-edit")
    assert ada.page.get_by_role("link", name=re.compile("Math 6A")).is_visible()
