"""The continuum browser: frameworks, their tree, items and the prerequisite graph.

Everyone signed in browses the frameworks they may read (selectors answer 404 for
another district's); the owning district's admins also edit and share, through
services.py, checked against the framework itself (decision 0009).
"""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from continuum.frameworks import forms, scales, selectors, services
from continuum.frameworks.models import (
    Association,
    AssociationType,
    Framework,
    FrameworkItem,
    FrameworkVersion,
    ProficiencyScale,
)
from continuum.lib.access import requires
from continuum.lib.per_request import per_request


@requires("frameworks.view_framework")
def framework_list(request):
    summaries = selectors.framework_list(user=request.user)
    return render(request, "frameworks/framework_list.html", {"summaries": summaries})


@requires("frameworks.view_framework")
@vary_on_headers("HX-Request")
def framework_detail(request, framework_id: int):
    summary, version = _current(request, framework_id)
    query = request.GET.get("q", "")
    results = selectors.item_search(version=version, query=query)
    context = {
        "summary": summary,
        "query": query,
        "results": results,
        "can_change": request.user.has_perm("frameworks.change_framework", summary.framework),
    }
    if request.htmx:
        return render(request, "frameworks/framework_detail.html#search_results", context)
    context["areas"] = selectors.item_tree(version=version)
    context["scales"] = scales.scale_list(version=version)
    return render(request, "frameworks/framework_detail.html", context)


@requires("frameworks.view_framework")
def framework_graph(request, framework_id: int):
    summary, version = _current(request, framework_id)
    form = forms.GraphScopeForm(request.GET or None, version=version)
    competency = form.cleaned_data["competency"] if form.is_valid() else None
    graph = selectors.framework_graph(
        version=version, competency_id=competency.pk if competency else None
    )
    context = {"summary": summary, "form": form, "competency": competency, "graph": graph}
    return render(request, "frameworks/framework_graph.html", context)


@requires("frameworks.view_framework")
def item_detail(request, item_id: int):
    detail = _item_detail(request, item_id)
    context = {
        "detail": detail,
        "can_change": request.user.has_perm("frameworks.change_framework", detail.item),
        "graph": selectors.item_neighbourhood_graph(item=detail.item),
        "history": selectors.item_history(item=detail.item),
    }
    return render(request, "frameworks/item_detail.html", context)


def _framework_object(request, framework_id: int, **_) -> Framework:
    """The object a framework edit is checked against: 404 unless the user may read it."""
    return _current(request, framework_id)[0].framework


def _item_object(request, item_id: int, **_) -> FrameworkItem:
    """The object an item edit is checked against: 404 unless the user may read it."""
    return _item_detail(request, item_id).item


@requires("frameworks.change_framework", fn=_framework_object)
@require_http_methods(["GET", "POST"])
def framework_sharing(request, framework_id: int):
    framework = _framework_object(request, framework_id)
    form = forms.SharingForm(request.POST or None, framework=framework)
    if _submitted(request, form, partial(services.framework_share, framework=framework)):
        return redirect("framework_detail", framework_id=framework.pk)
    context = {"framework": framework, "form": form}
    return render(request, "frameworks/framework_sharing.html", context)


@requires("frameworks.change_framework", fn=_item_object)
@require_http_methods(["GET", "POST"])
def item_edit(request, item_id: int):
    item = _item_object(request, item_id)
    form = forms.ItemForm(request.POST or None, item=item)
    if _submitted(request, form, partial(services.item_update, item=item)):
        return redirect("item_detail", item_id=item.pk)
    return render(request, "frameworks/item_edit.html", {"item": item, "form": form})


@requires("frameworks.change_framework", fn=_item_object)
@require_http_methods(["GET", "POST"])
def descriptor_edit(request, item_id: int):
    detail = _item_detail(request, item_id)
    form = forms.DescriptorForm(request.POST or None, detail=detail)
    if _submitted(request, form, partial(services.descriptor_set, item=detail.item)):
        return redirect("item_detail", item_id=item_id)
    return render(request, "frameworks/descriptor_edit.html", {"detail": detail, "form": form})


@requires("frameworks.change_framework", fn=_item_object)
@require_http_methods(["GET", "POST"])
def prerequisite_edit(request, item_id: int):
    detail = _item_detail(request, item_id)
    form = forms.PrerequisiteAddForm(request.POST or None, item=detail.item)
    if _submitted(request, form, partial(services.prerequisite_add, destination=detail.item)):
        return redirect("prerequisite_edit", item_id=item_id)
    return render(request, "frameworks/prerequisite_edit.html", {"detail": detail, "form": form})


@requires("frameworks.change_framework", fn=_item_object)
@require_http_methods(["GET", "POST"])
def prerequisite_remove(request, item_id: int, association_id: int):
    association = get_object_or_404(
        Association.objects.select_related("origin", "destination"),
        pk=association_id,
        destination=_item_object(request, item_id),
        association_type=AssociationType.PRECEDES,
    )
    form = forms.ReasonForm(request.POST or None)
    if _submitted(request, form, partial(services.prerequisite_remove, association=association)):
        return redirect("prerequisite_edit", item_id=item_id)
    context = {"association": association, "form": form}
    return render(request, "frameworks/prerequisite_remove.html", context)


def _scale_object(request, scale_id: int, **_) -> FrameworkVersion:
    """The object a scale is checked against, its version: 404 unless the user may read it."""
    return _scale_detail(request, scale_id).scale.version


@requires("frameworks.view_framework", fn=_scale_object)
def scale_detail(request, scale_id: int):
    detail = _scale_detail(request, scale_id)
    context = {
        "detail": detail,
        "can_change": request.user.has_perm("frameworks.change_framework", detail.scale.version),
    }
    return render(request, "frameworks/scale_detail.html", context)


@requires("frameworks.change_framework", fn=_scale_object)
@require_http_methods(["GET", "POST"])
def scale_edit(request, scale_id: int):
    detail = _scale_detail(request, scale_id)
    form = forms.ScaleBandsForm(request.POST or None, detail=detail)
    if _submitted(request, form, partial(services.scale_bands_set, scale=detail.scale)):
        return redirect("scale_detail", scale_id=scale_id)
    return render(request, "frameworks/scale_edit.html", {"detail": detail, "form": form})


def _current(request, framework_id: int) -> tuple[selectors.FrameworkSummary, FrameworkVersion]:
    """The framework (if the user may read it) and its current version, loaded once per
    request: the permission check and the view both ask."""
    try:
        summary = per_request(
            request,
            f"_frameworks_framework_{framework_id}",
            lambda: selectors.framework_get(framework_id=framework_id, user=request.user),
        )
    except Framework.DoesNotExist:
        raise Http404("No such framework.") from None
    if summary.version is None:
        raise Http404("This framework has no version to browse yet.")
    return summary, summary.version


def _item_detail(request, item_id: int) -> selectors.ItemDetail:
    """The item (if the user may read its framework), loaded once per request."""
    try:
        return per_request(
            request,
            f"_frameworks_item_{item_id}",
            lambda: selectors.item_get(item_id=item_id, user=request.user),
        )
    except FrameworkItem.DoesNotExist:
        raise Http404("No such item.") from None


def _scale_detail(request, scale_id: int) -> scales.ScaleDetail:
    """The scale (if the user may read its framework), loaded once per request."""
    try:
        return per_request(
            request,
            f"_frameworks_scale_{scale_id}",
            lambda: scales.scale_get(scale_id=scale_id, user=request.user),
        )
    except ProficiencyScale.DoesNotExist:
        raise Http404("No such scale.") from None


def _submitted(request, form: Form, save: Callable[..., object]) -> bool:
    """Validate a POSTed form and hand its data, with the editor, to a service.

    A refusal from the service (a cycle, a duplicate) lands on the form, not in a 500.
    """
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save(**form.cleaned_data, editor=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, _("Saved. The change and its reason are in the history."))
    return True
