"""Rostering pages for district admins (thin views): upload a OneRoster package, its
preview, the import started in the background with its progress, and the history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.rostering import selectors
from continuum.rostering.forms import PackageUploadForm
from continuum.rostering.services.imports import roster_import_preview, roster_import_start


def _district(request):
    district = selectors.roster_district_get(user=request.user)
    if district is None:
        raise PermissionDenied(_("Only district admins import rosters, into their district."))
    return district


def _import(request, import_id: int):
    _district(request)
    found = selectors.roster_import_get(user=request.user, import_id=import_id)
    if found is None:
        raise Http404
    return found


@login_required
def rostering_home(request):
    district = _district(request)
    form = PackageUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["package"]
        record = roster_import_preview(
            district=district, by=request.user, file_name=upload.name, data=upload.read()
        )
        return redirect("rostering_import", import_id=record.pk)
    imports = selectors.roster_import_list(user=request.user)[:50]
    return render(
        request,
        "rostering/home.html",
        {"form": form, "district": district, "imports": imports},
    )


@login_required
def rostering_import(request, import_id: int):
    return render(request, "rostering/import.html", {"record": _import(request, import_id)})


@login_required
def rostering_progress(request, import_id: int):
    return render(
        request, "rostering/import.html#progress", {"record": _import(request, import_id)}
    )


@require_POST
@login_required
def rostering_start(request, import_id: int):
    record = _import(request, import_id)
    try:
        roster_import_start(roster_import=record)
    except ValueError:
        messages.error(request, _("This import has already been started or was refused."))
    return redirect("rostering_import", import_id=record.pk)
