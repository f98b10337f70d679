"""The personalized learning plan: Continuum drafts next steps and says why; the learner
and an educator edit and agree it. Any edit after agreement clears the agreement."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.evidence.public import learner_map_get
from continuum.lib.access import requires
from continuum.lib.outcomes import attempted, submitted
from continuum.pathways import selectors, services
from continuum.pathways.forms import PlanItemAddForm, PlanItemScheduleForm
from continuum.pathways.views.common import item_learner, item_of
from continuum.people.public import learner_of


def _context(request, learner, add_form=None) -> dict:
    can_edit = request.user.has_perm("pathways.edit_plan", learner)
    targets = learner_map_get(learner=learner).targets if can_edit else []
    return {
        "learner": learner,
        "view": selectors.plan_get(learner=learner),
        "is_self": request.user.pk == learner.pk,
        "can_edit": can_edit,
        "can_agree": request.user.has_perm("pathways.agree_plan", learner),
        "add_form": add_form
        or PlanItemAddForm(targets=targets, experiences=selectors.experience_visible(user=learner)),
    }


@requires("pathways.view_pathway", fn=learner_of)
def plan_detail(request, learner_id: int):
    learner = learner_of(request, learner_id)
    return render(request, "pathways/plan.html", _context(request, learner))


@require_POST
@requires("pathways.edit_plan", fn=learner_of)
def plan_draft(request, learner_id: int):
    learner = learner_of(request, learner_id)
    attempted(
        request,
        lambda: services.plan_draft(learner=learner, by=request.user),
        _("Continuum drafted next steps. Accept the ones you want, drop the rest."),
    )
    return redirect("learning_plan", learner_id=learner.pk)


@require_POST
@requires("pathways.edit_plan", fn=learner_of)
def plan_item_add(request, learner_id: int):
    learner = learner_of(request, learner_id)
    targets = learner_map_get(learner=learner).targets
    form = PlanItemAddForm(
        request.POST, targets=targets, experiences=selectors.experience_visible(user=learner)
    )

    def save():
        return services.plan_item_add(learner=learner, by=request.user, **form.cleaned_data)

    if submitted(request, form, save, _("Step added to the plan.")):
        return redirect("learning_plan", learner_id=learner.pk)
    return render(request, "pathways/plan.html", _context(request, learner, form), status=400)


@require_POST
@requires("pathways.edit_plan", fn=item_learner)
def plan_item_change(request, item_id: int):
    item = item_of(request, item_id)
    action = request.POST.get("action", "")
    extra = {}
    if action == "schedule":
        form = PlanItemScheduleForm(
            request.POST, experiences=selectors.experience_visible(user=item.plan.learner)
        )
        if not form.is_valid():
            messages.error(request, _("Enter a valid date, like 2026-12-01."))
            return redirect(_plan_url(item.plan.learner_id))
        extra = form.cleaned_data
    attempted(
        request,
        lambda: services.plan_item_change(item=item, by=request.user, action=action, **extra),
        _("Plan updated."),
    )
    return redirect(f"{_plan_url(item.plan.learner_id)}#item-{item.pk}")


def _plan_url(learner_id: int) -> str:
    return reverse("learning_plan", kwargs={"learner_id": learner_id})


@require_POST
@requires("pathways.agree_plan", fn=learner_of)
def plan_agree(request, learner_id: int):
    learner = learner_of(request, learner_id)
    attempted(
        request,
        lambda: services.plan_agree(learner=learner, by=request.user),
        _("You agreed the plan."),
    )
    return redirect("learning_plan", learner_id=learner.pk)
