"""Reassessment pages: ask (learner or educator), see a request, and decide, schedule,
record or withdraw it. Decisions post to their own URLs and come back to the request."""

from functools import partial

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuum.frameworks.public import scales_for
from continuum.learning import forms
from continuum.learning.models import Reassessment
from continuum.learning.services import reassessment as services
from continuum.learning.views.anchors import target_anchor
from continuum.learning.views.learner import abilities, target_get
from continuum.lib.access import requires
from continuum.lib.outcomes import attempted, submitted
from continuum.lib.per_request import cached
from continuum.people.public import learner_of


def _reassessment(request, reassessment_id: int, **kwargs) -> Reassessment:
    return cached(request, Reassessment, reassessment_id, "learner", "target", "reviewer")


def _learner(request, reassessment_id: int, **kwargs):
    return _reassessment(request, reassessment_id).learner


@requires("evidence.request_reassessment", fn=learner_of)
@require_http_methods(["GET", "POST"])
def reassessment_request(request, learner_id: int, target_id: int):
    learner, target = learner_of(request, learner_id), target_get(request, target_id)
    form = forms.ReassessmentRequestForm(request.POST or None)
    save = partial(services.reassessment_request, learner=learner, target=target, by=request.user)
    done = _("Your request is sent. Your educator will approve and schedule it, or reply.")
    if submitted(request, form, lambda: save(**form.cleaned_data), done):
        return redirect(target_anchor(learner, target))
    context = {"learner": learner, "target": target, "form": form}
    return render(request, "learning/reassessment_request.html", context)


def _detail(request, reassessment: Reassessment, **forms_given):
    """The request page, with the decision forms the viewer may use. A refusal from a
    form the request's state now hides (e.g. completing a declined request) is shown at
    the top of the page instead."""
    scale = scales_for([reassessment.target])[reassessment.target_id]
    status = Reassessment.Status
    shown = {
        "schedule_form": reassessment.status in (status.REQUESTED, status.SCHEDULED),
        "decline_form": reassessment.status in (status.REQUESTED, status.SCHEDULED),
        "complete_form": reassessment.status == status.SCHEDULED,
    }
    refusals = [
        error
        for name, form in forms_given.items()
        if not shown[name]
        for error in form.non_field_errors()
    ]
    context = {
        "reassessment": reassessment,
        "learner": reassessment.learner,
        "refusals": refusals,
        "schedule_form": forms_given.get("schedule_form") or forms.ScheduleForm(),
        "decline_form": forms_given.get("decline_form") or forms.DeclineForm(),
        "complete_form": forms_given.get("complete_form") or forms.CompleteForm(scale=scale),
        **abilities(request.user, reassessment.learner),
    }
    return render(request, "learning/reassessment_detail.html", context)


@requires("evidence.view_record", fn=_learner)
def reassessment_detail(request, reassessment_id: int):
    return _detail(request, _reassessment(request, reassessment_id))


@requires("evidence.decide_reassessment", fn=_learner)
@require_POST
def reassessment_schedule(request, reassessment_id: int):
    reassessment = _reassessment(request, reassessment_id)
    form = forms.ScheduleForm(request.POST)
    save = partial(services.reassessment_schedule, reassessment=reassessment, by=request.user)
    if submitted(request, form, lambda: save(**form.cleaned_data), _("Approved and scheduled.")):
        return redirect("reassessment_detail", reassessment_id=reassessment.pk)
    return _detail(request, reassessment, schedule_form=form)


@requires("evidence.decide_reassessment", fn=_learner)
@require_POST
def reassessment_decline(request, reassessment_id: int):
    reassessment = _reassessment(request, reassessment_id)
    form = forms.DeclineForm(request.POST)
    save = partial(services.reassessment_decline, reassessment=reassessment, by=request.user)
    if submitted(request, form, lambda: save(**form.cleaned_data), _("Marked not yet approved.")):
        return redirect("learner_requests")
    return _detail(request, reassessment, decline_form=form)


@requires("evidence.decide_reassessment", fn=_learner)
@require_POST
def reassessment_complete(request, reassessment_id: int):
    reassessment = _reassessment(request, reassessment_id)
    scale = scales_for([reassessment.target])[reassessment.target_id]
    form = forms.CompleteForm(request.POST, scale=scale)
    save = partial(services.reassessment_complete, reassessment=reassessment, by=request.user)
    done = _("Recorded. The result joins the learner’s evidence and their estimate is updated.")
    if submitted(request, form, lambda: save(**form.cleaned_data), done):
        return redirect("reassessment_detail", reassessment_id=reassessment.pk)
    return _detail(request, reassessment, complete_form=form)


@requires("evidence.request_reassessment", fn=_learner)
@require_POST
def reassessment_withdraw(request, reassessment_id: int):
    reassessment = _reassessment(request, reassessment_id)
    withdraw = partial(services.reassessment_withdraw, reassessment=reassessment, by=request.user)
    attempted(request, withdraw, _("Request withdrawn."))
    return redirect("reassessment_detail", reassessment_id=reassessment.pk)
