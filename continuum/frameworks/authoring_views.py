"""The authoring pages: a framework's competencies and targets with up/down, move, add
and retire, for those who may change the framework (its district's admins, decision 0009).
Views parse the form and call one service in authoring.py; refusals land on the form."""

from functools import partial

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuum.frameworks import authoring, changes, selectors
from continuum.frameworks.authoring_forms import ItemCreateForm, ItemMoveForm, ReorderForm
from continuum.frameworks.forms import ReasonForm
from continuum.frameworks.views import _current, _framework_object, _item_object, _submitted
from continuum.lib.access import requires


@requires("frameworks.change_framework", fn=_framework_object)
def framework_author(request, framework_id: int):
    summary, version = _current(request, framework_id)
    context = {
        "summary": summary,
        "areas": selectors.item_tree(version=version),
        "history": changes.framework_history(framework=summary.framework),
        "focus": request.GET.get("focus", ""),
    }
    return render(request, "frameworks/framework_author.html", context)


@requires("frameworks.change_framework", fn=_framework_object)
@require_http_methods(["GET", "POST"])
def item_create(request, framework_id: int):
    summary, version = _current(request, framework_id)
    initial = {key: request.GET[key] for key in ("kind", "parent") if key in request.GET}
    form = ItemCreateForm(request.POST or None, version=version, initial=initial)
    if _submitted(request, form, authoring.item_create):
        return redirect("framework_author", framework_id=framework_id)
    context = {"summary": summary, "form": form}
    return render(request, "frameworks/item_create.html", context)


@requires("frameworks.change_framework", fn=_item_object)
@require_http_methods(["GET", "POST"])
def item_move(request, item_id: int):
    item = _item_object(request, item_id)
    form = ItemMoveForm(request.POST or None, item=item)
    if _submitted(request, form, partial(authoring.item_move, item=item)):
        return _back_to(item)
    return render(request, "frameworks/item_move.html", {"item": item, "form": form})


@requires("frameworks.change_framework", fn=_item_object)
@require_POST
def item_reorder(request, item_id: int):
    """After the step the page comes back with focus on the same button, so a keyboard user
    presses it again to keep moving the item."""
    item = _item_object(request, item_id)
    form = ReorderForm(request.POST)
    if not _submitted(request, form, partial(authoring.item_reorder, item=item)):
        errors = " ".join(str(error) for error in form.non_field_errors())
        messages.error(request, errors or _("Choose up or down."))
    # No #fragment here: browsers skip autofocus on a page opened at a fragment.
    url = reverse("framework_author", args=[item.version.framework_id])
    return redirect(f"{url}?focus={item.pk}-{request.POST.get('direction', '')}")


@requires("frameworks.change_framework", fn=_item_object)
@require_http_methods(["GET", "POST"])
def item_retire(request, item_id: int):
    """Retire an item in use, or restore a retired one: the same page, the other service."""
    item = _item_object(request, item_id)
    form = ReasonForm(request.POST or None)
    save = authoring.item_restore if item.retired_at else authoring.item_retire
    if _submitted(request, form, partial(save, item=item)):
        return _back_to(item)
    return render(request, "frameworks/item_retire.html", {"item": item, "form": form})


def _back_to(item):
    url = reverse("framework_author", args=[item.version.framework_id])
    return redirect(f"{url}#item-{item.pk}")
