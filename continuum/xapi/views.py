"""The LRS statements endpoint (HTTP Basic, per client) and the district admin's page.

The endpoint speaks xAPI 1.0.3's statements resource: POST one statement or a list, PUT
one with ``statementId``, GET one by ``statementId`` or a page ``since`` a time with a
``more`` link. Every answer carries ``X-Experience-API-Version``; a request without that
header (1.0.x) is refused, and one without valid credentials gets 401 and a Basic
challenge. A client sees only its own district's statements.
"""

import base64
import binascii
import json
import re
import uuid
from datetime import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from continuum.lib.text import REASON as NUL_REASON
from continuum.lib.text import nul_path
from continuum.people.public import is_district_admin
from continuum.xapi import selectors
from continuum.xapi.forms import ClientForm
from continuum.xapi.models import XapiClient
from continuum.xapi.services import (
    StatementConflictError,
    StatementsRefusedError,
    xapi_client_authenticate,
    xapi_client_issue,
    xapi_client_revoke,
    xapi_statements_receive,
)

VERSION = "1.0.3"
_ACCEPTED_VERSION = re.compile(r"^1\.0(\.\d+)?$")
DEFAULT_LIMIT = 100
MAX_LIMIT = 500


def _answer(body: object, status: int = 200) -> HttpResponse:
    response = (
        HttpResponse(status=status)
        if body is None
        else JsonResponse(
            body, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
        )
    )
    response["X-Experience-API-Version"] = VERSION
    return response


def _error(status: int, message: str) -> HttpResponse:
    return _answer({"error": message}, status)


def _client(request: HttpRequest) -> XapiClient | None:
    scheme, _space, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        key, _colon, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return xapi_client_authenticate(key=key, secret=secret)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST", "PUT"])
def statements(request: HttpRequest) -> HttpResponse:
    client = _client(request)
    if client is None:
        response = _error(401, "Send this client's key and secret with HTTP Basic.")
        response["WWW-Authenticate"] = 'Basic realm="Continuum xAPI", charset="UTF-8"'
        return response
    if not _ACCEPTED_VERSION.match(request.headers.get("X-Experience-API-Version", "")):
        return _error(400, "Send the X-Experience-API-Version header (1.0.x).")
    try:
        statement_id = _statement_id(request)
        if request.method in ("GET", "HEAD"):
            return _read(request, client, statement_id)
        body = json.loads(request.body)
        if (path := nul_path(body)) is not None:
            return _error(400, f"{path} {NUL_REASON}.")
        if request.method == "PUT":
            if statement_id is None or not isinstance(body, dict):
                return _error(400, "PUT takes one statement and a statementId parameter.")
            xapi_statements_receive(client=client, statements=[body], statement_id=statement_id)
            return _answer(None, 204)
        batch = body if isinstance(body, list) else [body]
        ids = xapi_statements_receive(client=client, statements=batch)
    except (ValueError, StatementsRefusedError) as error:
        return _error(400, str(error))
    except StatementConflictError as error:
        return _error(409, str(error))
    return _answer([str(stored) for stored in ids])


def _statement_id(request: HttpRequest) -> uuid.UUID | None:
    text = request.GET.get("statementId")
    if text is None:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ValueError(f"statementId {text!r} is not a UUID.") from None


def _read(request: HttpRequest, client: XapiClient, statement_id: uuid.UUID | None):
    if statement_id is not None:
        found = selectors.xapi_statement_get(district=client.district, statement_id=statement_id)
        return _answer(found) if found else _error(404, f"No statement {statement_id}.")
    since = _since(request.GET.get("since"))
    limit = request.GET.get("limit") or str(DEFAULT_LIMIT)
    if not limit.isdigit() or not 0 < int(limit) <= MAX_LIMIT:
        raise ValueError(f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    after = request.GET.get("after") or ""
    if after and not after.isdigit():
        raise ValueError("after must be the number a previous answer's more link gave.")
    page = selectors.xapi_statement_page(
        district=client.district, since=since, after=int(after) if after else None, limit=int(limit)
    )
    more = ""
    if page.after is not None:
        query = {key: value for key, value in request.GET.items() if key != "after"}
        more = f"{request.path}?{urlencode(query | {'after': page.after})}"
    return _answer({"statements": page.statements, "more": more})


def _since(text: str | None) -> datetime | None:
    if not text:
        return None
    when = parse_datetime(text)
    if when is None or when.tzinfo is None:
        raise ValueError("since must be an ISO 8601 time with a time zone.")
    return when


def _admin_only(view):
    def guarded(request, *args, **kwargs):
        if not is_district_admin(request.user) or request.user.organization is None:
            raise PermissionDenied("xAPI clients are managed by district admins.")
        return view(request, *args, **kwargs)

    return login_required(guarded)


@_admin_only
def xapi_admin(request):
    """Issue and revoke clients; see the statements not turned into evidence, and why."""
    district = request.user.organization.district
    form = ClientForm(request.POST or None, district=district)
    secret = key = None
    if request.method == "POST" and form.is_valid():
        try:
            client, secret = xapi_client_issue(
                by=request.user,
                name=form.cleaned_data["name"],
                scorer=form.cleaned_data["scorer"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            key = client.key
            form = ClientForm(district=district)
    context = {
        "form": form,
        "key": key,
        "secret": secret,
        "clients": selectors.xapi_client_list(district=district),
        "unused": selectors.xapi_unused_list(district=district),
    }
    return render(request, "xapi/xapi_admin.html", context)


@_admin_only
@require_POST
def xapi_client_revoke_view(request, client_id: int):
    district = request.user.organization.district
    client = get_object_or_404(XapiClient, pk=client_id, district=district)
    xapi_client_revoke(client=client, by=request.user)
    messages.success(request, _("xAPI client “%(name)s” revoked.") % {"name": client.name})
    return redirect("xapi_admin")
