"""CASE import pages (district admins) and the CASE 1.1 REST endpoints (signed-in people).

An admin sees their own district's imports only, and the endpoints serve only the
frameworks the reader may browse (decision 0009); anything else is 404.
"""

from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from continuum.frameworks.case import provider
from continuum.frameworks.case.forms import CaseImportForm
from continuum.frameworks.case.selectors import (
    case_import_get,
    case_import_list,
    case_package_get,
    case_version_get,
)
from continuum.frameworks.case.services import case_import_confirm, case_import_request
from continuum.frameworks.models import CaseImport
from continuum.lib.access import requires


@requires("frameworks.import_framework")
def case_import(request):
    posted = request.method == "POST"
    form = CaseImportForm(request.POST, request.FILES) if posted else CaseImportForm()
    if posted and form.is_valid():
        case_import = case_import_request(
            source=form.source(),
            payload=form.cleaned_data["payload"],
            keep_first=form.cleaned_data["keep_first"],
            user=request.user,
        )
        return redirect("case_import_status", import_id=case_import.pk)
    context = {"form": form, "imports": case_import_list(user=request.user)}
    return render(request, "frameworks/case_import.html", context)


@requires("frameworks.import_framework")
def case_import_status(request, import_id: int):
    case_import = _district_import(request, import_id)
    template = "frameworks/case_import_status.html"
    if request.htmx:
        template += "#status"
    return render(request, template, {"case_import": case_import})


@requires("frameworks.import_framework")
@require_POST
def case_import_confirm_view(request, import_id: int):
    """Run the import whose preview is on the status page."""
    case_import = _district_import(request, import_id)
    try:
        case_import_confirm(case_import=case_import, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("case_import_status", import_id=case_import.pk)


def _district_import(request, import_id: int) -> CaseImport:
    try:
        return case_import_get(import_id=import_id, user=request.user)
    except CaseImport.DoesNotExist:
        raise Http404("No such import in your district.") from None


@require_GET
def case_package(request, identifier: str):
    """``GET /ims/case/v1p1/CFPackages/<identifier>``: JSON errors, never a login page."""
    if refused := _refused(request):
        return refused
    version = case_version_get(identifier, user=request.user)
    if version is None:
        return _error(404, "unknownobject", f"No CFPackage with identifier {identifier}.")
    return _json(case_package_get(version))  # the privacy middleware records the read


# CASE 1.1's paging: ``limit`` (default 100) and ``offset`` (default 0).
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


@require_GET
def case_documents(request):
    """``GET CFDocuments``: a page of documents, with ``X-Total-Count`` and a ``Link``
    header (first, prev, next, last) as the binding asks."""
    if refused := _refused(request):
        return refused
    try:
        limit = _whole(request, "limit", DEFAULT_LIMIT, low=1, high=MAX_LIMIT)
        offset = _whole(request, "offset", 0, low=0, high=None)
    except ValueError as error:
        return _error(400, "invalid_selection_field", str(error))
    page = provider.case_document_page(
        user=request.user, limit=limit, offset=offset, package_uri=_package_uri(request)
    )
    response = _json({"CFDocuments": page.documents})
    response["X-Total-Count"] = str(page.total)
    response["Link"] = _links(request, limit=limit, offset=offset, total=page.total)
    return response


def _whole(request: HttpRequest, name: str, default: int, *, low: int, high: int | None) -> int:
    text = request.GET.get(name, str(default))
    if not text.isdigit() or int(text) < low or (high is not None and int(text) > high):
        bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
        raise ValueError(f"{name} must be a whole number {bounds}, not {text!r}.")
    return int(text)


def _links(request: HttpRequest, *, limit: int, offset: int, total: int) -> str:
    base = request.build_absolute_uri(request.path)
    last = max(total - 1, 0) // limit * limit
    pages = {"first": 0, "last": last}
    if offset > 0:
        pages["prev"] = max(offset - limit, 0)
    if offset + limit < total:
        pages["next"] = offset + limit
    return ", ".join(
        f'<{base}?{urlencode({"limit": limit, "offset": at})}>; rel="{rel}"'
        for rel, at in pages.items()
    )


@require_GET
def case_document(request, identifier: str):
    find = partial(provider.case_document_get, package_uri=_package_uri(request))
    return _one(request, "CFDocument", identifier, find)


@require_GET
def case_item(request, identifier: str):
    return _one(request, "CFItem", identifier, provider.case_item_get)


@require_GET
def case_association(request, identifier: str):
    return _one(request, "CFAssociation", identifier, provider.case_association_get)


@require_GET
def case_item_associations(request, identifier: str):
    return _one(request, "CFItem", identifier, provider.case_item_associations_get)


@require_GET
def case_rubric(request, identifier: str):
    return _one(request, "CFRubric", identifier, provider.case_rubric_get)


@require_GET
def case_definition(request, identifier: str, part: str):
    """``CFConcepts``, ``CFSubjects``, ``CFLicenses``, ``CFItemTypes`` and
    ``CFAssociationGroupings`` by identifier (``part`` comes from the URL pattern)."""
    find = partial(provider.case_definition_get, part)
    return _one(request, part.removesuffix("s"), identifier, find)


def _one(
    request: HttpRequest, kind: str, identifier: str, find: Callable[..., dict[str, Any] | None]
) -> JsonResponse:
    """``find(identifier, user=...)``'s object, or CASE's 404 naming what was not found."""
    if refused := _refused(request):
        return refused
    found = find(identifier, user=request.user)
    if found is None:
        return _error(404, "unknownobject", f"No {kind} with identifier {identifier}.")
    return _json(found)


def _package_uri(request: HttpRequest) -> provider.PackageURI:
    return lambda identifier: request.build_absolute_uri(reverse("case_package", args=[identifier]))


def _refused(request: HttpRequest) -> JsonResponse | None:
    """The CASE endpoints' one reader rule: signed in, allowed to view frameworks."""
    if not request.user.is_authenticated:
        return _error(401, "unauthorized", "Sign in to read CASE data.")
    if not request.user.has_perm("frameworks.view_framework"):
        return _error(403, "forbidden", "You may not read CASE data.")
    return None


def _json(body: dict[str, Any]) -> JsonResponse:
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _error(status: int, code: str, description: str) -> JsonResponse:
    """A CASE-style imsx_StatusInfo body."""
    return JsonResponse(
        {
            "imsx_codeMajor": "failure",
            "imsx_severity": "error",
            "imsx_description": description,
            "imsx_CodeMinor": {
                "imsx_codeMinorField": [
                    {"imsx_codeMinorFieldName": "sourcedId", "imsx_codeMinorFieldValue": code}
                ]
            },
        },
        status=status,
    )
