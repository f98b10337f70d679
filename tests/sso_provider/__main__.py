"""Start the provider: a fresh database, an RSA signing key, Continuum's registration as a
client, then serve on a free port of 127.0.0.1 and print ``PORT <n>`` (the fixture waits
for that line)."""

import os
import sys
import tempfile
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "continuum-test"
CLIENT_SECRET = "continuum-test-secret"
# Continuum's callbacks the tests use: the test client's host is "testserver"; the browser
# tests' live server is 127.0.0.1 on a port chosen at start, which a loopback redirect URI
# registered without a port accepts (RFC 8252 section 7.3, as django-oauth-toolkit does).
REDIRECT_URIS = " ".join(
    f"http://{host}/accounts/oidc/{key}/login/callback/"
    for host in ("testserver", "127.0.0.1")
    for key in ("clever-test", "classlink-test")
)


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def main() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    os.environ["SSO_PROVIDER_RSA_KEY"] = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    os.environ["SSO_PROVIDER_DB"] = os.path.join(tempfile.mkdtemp(), "provider.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.sso_provider.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    Application.objects.create(
        name="Continuum",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=REDIRECT_URIS,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), server_class=_Server, handler_class=_QuietHandler
    )
    print(f"PORT {server.server_port}", flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
