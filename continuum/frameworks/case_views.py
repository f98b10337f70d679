"""CASE import pages (district admins) and the CASE REST endpoint (signed-in people).

An admin sees their own district's imports only, and the endpoint serves only the
frameworks the reader may browse (decision 0009); anything else is 404.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from continuum.frameworks.case.forms import CaseImportForm
from continuum.frameworks.case.selectors import (
    case_import_get,
    case_import_list,
    case_package_get,
    case_version_get,
)
from continuum.frameworks.case.services import case_import_request
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
    try:
        case_import = case_import_get(import_id=import_id, user=request.user)
    except CaseImport.DoesNotExist:
        raise Http404("No such import in your district.") from None
    template = "frameworks/case_import_status.html"
    if request.htmx:
        template += "#status"
    return render(request, template, {"case_import": case_import})


@require_GET
def case_package(request, identifier: str):
    """``GET /ims/case/v1p1/CFPackages/<identifier>``: JSON errors, never a login page."""
    if not request.user.is_authenticated:
        return _error(401, "unauthorized", "Sign in to read CASE packages.")
    if not request.user.has_perm("frameworks.view_framework"):
        return _error(403, "forbidden", "You may not read CASE packages.")
    version = case_version_get(identifier, user=request.user)
    if version is None:
        return _error(404, "unknownobject", f"No CFPackage with identifier {identifier}.")
    package = case_package_get(version)  # the privacy middleware records the read
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False})


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
