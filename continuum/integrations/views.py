"""Integrations: CSV import of scores, API tokens, and the batch recompute (thin views)."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.evidence.public import estimates_recompute_request
from continuum.integrations import selectors
from continuum.integrations.forms import ScoresUploadForm, TokenForm
from continuum.integrations.models import ApiToken
from continuum.integrations.services.csv_import import (
    ImportRefusedError,
    scores_csv_import,
    scores_csv_parse,
    template_csv,
)
from continuum.integrations.services.tokens import api_token_create, api_token_revoke
from continuum.people.public import is_district_admin, is_educator, is_leader, is_staff_member

# Who may use each page (object rules are checked again by the services).
can_import = is_educator
can_manage_tokens = is_staff_member
can_recompute = is_leader | is_district_admin


def _only(predicate, message: str) -> Callable:
    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorate


@_only(is_staff_member, "Integrations are for staff.")
def integrations_home(request):
    user = request.user
    return render(
        request,
        "integrations/integrations_home.html",
        {
            "can_import": can_import(user),
            "can_manage_tokens": can_manage_tokens(user),
            "can_recompute": can_recompute(user),
        },
    )


@_only(can_import, "Only educators import scores, for the learners in their sections.")
def scores_import(request):
    form = ScoresUploadForm()
    context: dict = {"form": form}
    if request.method == "POST" and request.POST.get("confirm"):
        payload = request.POST.get("payload", "")
        try:
            recorded = scores_csv_import(data=payload, user=request.user)
        except ImportRefusedError as refused:
            context["errors"] = refused.errors
        else:
            learners = len({evidence.learner_id for evidence in recorded})
            messages.success(
                request,
                _("Imported %(count)d scores for %(learners)d learners.")
                % {"count": len(recorded), "learners": learners},
            )
            return redirect("integrations_import")
    elif request.method == "POST":
        form = ScoresUploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            plan = scores_csv_parse(data=data, user=request.user)
            if plan.errors:
                context["errors"] = plan.errors
            else:
                context["plan"] = plan
                context["payload"] = data.decode("utf-8-sig")
    return render(request, "integrations/integrations_import.html", context)


@_only(can_import, "Only educators import scores.")
def scores_template(request):
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="continuum-scores-template.csv"'
    return response


@_only(can_manage_tokens, "API tokens are for staff.")
def token_list(request):
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    return render(
        request,
        "integrations/integrations_tokens.html",
        {"form": form, "secret": secret, "tokens": selectors.token_list(user=request.user)},
    )


@require_POST
@_only(can_manage_tokens, "API tokens are for staff.")
def token_revoke(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    api_token_revoke(token=token, by=request.user)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("integrations_tokens")


@_only(can_recompute, "Only school leaders and district admins recompute estimates.")
def recompute(request):
    schools = selectors.recompute_schools(user=request.user)
    if request.method == "POST":
        school = next((s for s in schools if str(s.pk) == request.POST.get("school")), None)
        if school is None:
            raise PermissionDenied("You cannot recompute that school's estimates.")
        estimates_recompute_request(school=school, by=request.user)
        messages.success(
            request,
            _("Recompute of %(school)s queued; it runs in the background in a moment.")
            % {"school": school},
        )
        return redirect("integrations_recompute")
    return render(
        request,
        "integrations/integrations_recompute.html",
        {"freshness": selectors.estimate_freshness(schools=schools)},
    )
