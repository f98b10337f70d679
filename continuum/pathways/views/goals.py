"""Goals: the learner (or their educator) sets one on targets with a date and a plan;
the learner reflects, educators, the counselor and guardians comment, and educators and
the counselor record check-ins."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.evidence.public import learner_map_get
from continuum.lib.access import requires
from continuum.lib.outcomes import attempted, submitted
from continuum.pathways import selectors, services
from continuum.pathways.forms import CheckInForm, CommentForm, GoalForm
from continuum.pathways.models import Goal
from continuum.pathways.views.common import goal_learner, goal_of
from continuum.people.public import learner_of


@requires("pathways.view_pathway", fn=learner_of)
def goal_list(request, learner_id: int):
    learner = learner_of(request, learner_id)
    can_set = request.user.has_perm("pathways.set_goal", learner)
    targets = learner_map_get(learner=learner).targets if can_set else []
    if request.method == "POST" and not can_set:
        raise PermissionDenied("Only the learner and their educators set goals.")
    form = GoalForm(request.POST if request.method == "POST" else None, targets=targets)

    def save():
        return services.goal_create(learner=learner, by=request.user, **form.cleaned_data)

    if submitted(request, form, save, _("Goal set.")):
        return redirect("goal_list", learner_id=learner.pk)
    context = {
        "learner": learner,
        "goals": selectors.goal_list(learner=learner),
        "form": form,
        "can_set": can_set,
        "is_self": request.user.pk == learner.pk,
    }
    return render(request, "pathways/goal_list.html", context)


def _goal_context(request, goal: Goal) -> dict:
    learner = goal.learner
    return {
        "learner": learner,
        "goal": goal,
        "is_self": request.user.pk == learner.pk,
        "can_comment": request.user.has_perm("pathways.comment_goal", learner),
        "can_check_in": request.user.has_perm("pathways.check_in_goal", learner),
        "can_set": request.user.has_perm("pathways.set_goal", learner),
        "comment_form": CommentForm(),
        "check_in_form": CheckInForm(initial={"on": timezone.localdate()}),
    }


@requires("pathways.view_pathway", fn=goal_learner)
def goal_detail(request, goal_id: int):
    goal = goal_of(request, goal_id)
    return render(request, "pathways/goal_detail.html", _goal_context(request, goal))


@require_POST
@requires("pathways.comment_goal", fn=goal_learner)
def goal_comment(request, goal_id: int):
    goal = goal_of(request, goal_id)
    form = CommentForm(request.POST)
    done = _("Reflection added.") if request.user.pk == goal.learner_id else _("Comment added.")
    if submitted(
        request,
        form,
        lambda: services.goal_comment_add(goal=goal, by=request.user, **form.cleaned_data),
        done,
    ):
        return redirect("goal_detail", goal_id=goal.pk)
    context = {**_goal_context(request, goal), "comment_form": form}
    return render(request, "pathways/goal_detail.html", context, status=400)


@require_POST
@requires("pathways.check_in_goal", fn=goal_learner)
def goal_check_in(request, goal_id: int):
    goal = goal_of(request, goal_id)
    form = CheckInForm(request.POST)

    def save():
        return services.goal_check_in(goal=goal, by=request.user, **form.cleaned_data)

    if submitted(request, form, save, _("Check-in recorded.")):
        return redirect("goal_detail", goal_id=goal.pk)
    context = {**_goal_context(request, goal), "check_in_form": form}
    return render(request, "pathways/goal_detail.html", context, status=400)


@require_POST
@requires("pathways.set_goal", fn=goal_learner)
def goal_status(request, goal_id: int):
    goal = goal_of(request, goal_id)
    status = request.POST.get("status", "")
    attempted(
        request,
        lambda: services.goal_status_set(goal=goal, by=request.user, status=status),
        _("Goal updated."),
    )
    return redirect("goal_detail", goal_id=goal.pk)
