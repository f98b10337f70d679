"""Supports pages: the caseload by need (with the elections waiting for a decision), a
learner's flags, plans, pace and elections, plans themselves, the family summary, and the
background computation's progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import TARGET_ORDER
from continuum.lib.access import requires
from continuum.lib.outcomes import attempted
from continuum.lib.per_request import per_request
from continuum.people.models import Role, User
from continuum.people.public import learner_of
from continuum.supports import selectors
from continuum.supports.forms import ActionForm, FlagForm, NoteForm, PlanForm, ReviewForm
from continuum.supports.models import (
    Flag,
    RequirementElection,
    SupportAction,
    SupportPlan,
    SupportsRun,
)
from continuum.supports.services import plans as plan_services
from continuum.supports.services.compute import can_compute, supports_compute_request
from continuum.supports.services.pace_chart import pace_chart_list


def plan_of(request, plan_id: int, **kwargs) -> SupportPlan:
    return per_request(request, "_supports_plan", lambda: selectors.plan_get(plan_id))


def plan_learner(request, plan_id: int, **kwargs) -> User:
    return plan_of(request, plan_id).learner


def flag_learner(request, flag_id: int, **kwargs) -> User:
    return get_object_or_404(Flag, pk=flag_id).learner


def action_learner(request, action_id: int, **kwargs) -> User:
    return get_object_or_404(SupportAction, pk=action_id).plan.learner


def _freshness_context(user: User) -> dict:
    school = selectors.school_of(user)
    return {
        "fresh": selectors.freshness(school),
        "school": school,
        "can_compute": school is not None and can_compute(user, school),
    }


@requires("supports.view_caseload")
def caseload(request):
    everyone = selectors.caseload_list(request.user)
    name = request.GET.get("name", "")[:100]
    show = request.GET.get("show", "all")
    show = show if show in selectors.CASELOAD_SHOWS else "all"
    context = {
        "rows": selectors.caseload_filter(everyone, name=name, show=show),
        "total": len(everyone),
        "name": name,
        "show": show,
        "pending": selectors.pending_elections(request.user),
        **_freshness_context(request.user),
    }
    return render(request, "supports/caseload.html", context)


@login_required
@require_POST
def supports_compute(request):
    school = selectors.school_of(request.user)
    if school is None or not can_compute(request.user, school):
        raise PermissionDenied("Only the school's leaders and counselors can recompute supports.")
    supports_compute_request(school=school, by=request.user)
    messages.success(request, _("Flags and pace are being recomputed."))
    return redirect("caseload")


@requires("supports.view_caseload")
def supports_run(request, run_id: int):
    run = get_object_or_404(SupportsRun, pk=run_id, school_id=request.user.organization_id)
    context = {**_freshness_context(request.user), "fresh": selectors.freshness(run.school)}
    return render(request, "supports/caseload.html#freshness", context)


def _plan_targets(learner: User):
    return FrameworkItem.objects.filter(kind=ItemKind.TARGET, estimates__learner=learner).order_by(
        *TARGET_ORDER
    )


@requires("supports.view_supports", fn=learner_of)
def learner_supports(request, learner_id: int):
    learner = learner_of(request, learner_id)
    context = {
        "learner": learner,
        "flags": selectors.learner_flags(learner),
        "plans": selectors.learner_plans(learner),
        "paces": selectors.learner_paces(learner),
        "can_manage": request.user.has_perm("supports.manage_supports", learner),
        "elections": selectors.learner_elections(learner),
        "can_decide": request.user.has_perm("supports.decide_election", learner),
        **_freshness_context(request.user),
    }
    return render(request, "supports/learner.html", context)


@requires("supports.view_pace", fn=learner_of)
def learner_pace(request, learner_id: int):
    learner = learner_of(request, learner_id)
    context = {
        "learner": learner,
        "paces": selectors.learner_paces(learner),
        "pace_charts": pace_chart_list(learner=learner, today=timezone.localdate()),
        "chosen": selectors.learner_elections(learner).filter(
            state=RequirementElection.State.CONFIRMED
        ),
        "can_view_supports": request.user.has_perm("supports.view_supports", learner),
    }
    return render(request, "supports/pace.html", {**context, **_freshness_context(request.user)})


@requires("supports.manage_supports", fn=flag_learner)
@require_POST
def flag_update(request, flag_id: int):
    flag = get_object_or_404(Flag, pk=flag_id)
    form = FlagForm(request.POST)
    if form.is_valid():
        attempted(
            request,
            lambda: plan_services.flag_update(flag=flag, by=request.user, **form.cleaned_data),
            _("Flag updated."),
        )
    else:
        messages.error(request, _("Choose acknowledge or resolve."))
    return redirect("learner_supports", flag.learner_id)


@requires("supports.manage_supports", fn=learner_of)
def plan_create(request, learner_id: int):
    learner = learner_of(request, learner_id)
    flag = None
    if request.GET.get("flag") or request.POST.get("flag"):
        flag_id = request.GET.get("flag") or request.POST.get("flag")
        flag = get_object_or_404(Flag, pk=flag_id if str(flag_id).isdigit() else 0, learner=learner)
    initial = _prefill(flag)
    form = PlanForm(request.POST or None, initial=initial, targets=_plan_targets(learner))
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_services.plan_create(
                learner=learner, by=request.user, flag=flag, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Support plan opened."))
            return redirect("plan_detail", plan.pk)
    return render(
        request, "supports/plan_form.html", {"learner": learner, "form": form, "flag": flag}
    )


def _prefill(flag: Flag | None) -> dict:
    if flag is None:
        return {"tier": 2}
    return {
        "tier": 2,
        "concern": flag.explanation,
        "targets": [flag.target_id] if flag.target_id else [],
        "goal": (
            _("Reach proficient on %(target)s.") % {"target": flag.target.human_coding_scheme}
            if flag.target
            else ""
        ),
    }


def _owners(learner: User):
    return (
        User.objects.filter(
            Q(sections_taught__enrollments__learner=learner)
            | Q(caseload__learner=learner)
            | Q(role=Role.LEADER, organization_id=learner.organization_id)
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


@requires("supports.view_supports", fn=plan_learner)
def plan_detail(request, plan_id: int):
    plan = plan_of(request, plan_id)
    can_manage = request.user.has_perm("supports.manage_supports", plan.learner)
    review = ReviewForm(request.POST or None, initial=_review_initial(plan))
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied(
                "Only the learner's educators, counselor and leaders can do this."
            )
        if review.is_valid() and attempted(
            request,
            lambda: plan_services.plan_review(plan=plan, by=request.user, **review.cleaned_data),
            _("Plan saved."),
        ):
            return redirect("plan_detail", plan.pk)
    context = {
        "plan": plan,
        "learner": plan.learner,
        "can_manage": can_manage,
        "review": review,
        "action_form": ActionForm(owners=_owners(plan.learner), initial={"owner": request.user}),
        "note_form": NoteForm(),
        "history": plan.history.select_related("history_user")[:10],
    }
    return render(request, "supports/plan_detail.html", context)


def _review_initial(plan: SupportPlan) -> dict:
    return {
        "review_on": plan.review_on,
        "outcome": plan.outcome,
        "close": plan.status == SupportPlan.Status.CLOSED,
        "shared_with_family": plan.shared_with_family,
        "family_summary": plan.family_summary,
    }


@requires("supports.manage_supports", fn=plan_learner)
@require_POST
def plan_action_add(request, plan_id: int):
    plan = plan_of(request, plan_id)
    form = ActionForm(request.POST, owners=_owners(plan.learner))
    if form.is_valid():
        attempted(
            request,
            lambda: plan_services.action_add(plan=plan, by=request.user, **form.cleaned_data),
            _("Action added."),
        )
    else:
        messages.error(request, _("An action needs a description, an owner and a due date."))
    return redirect("plan_detail", plan.pk)


@requires("supports.manage_supports", fn=action_learner)
@require_POST
def plan_action_done(request, action_id: int):
    action = get_object_or_404(SupportAction, pk=action_id)
    attempted(
        request,
        lambda: plan_services.action_complete(action=action, by=request.user),
        _("Action marked done."),
    )
    return redirect("plan_detail", action.plan_id)


@requires("supports.manage_supports", fn=plan_learner)
@require_POST
def plan_note_add(request, plan_id: int):
    plan = plan_of(request, plan_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        attempted(
            request,
            lambda: plan_services.note_add(plan=plan, by=request.user, **form.cleaned_data),
            _("Note added."),
        )
    else:
        messages.error(request, _("A progress note needs some text."))
    return redirect("plan_detail", plan.pk)


@requires("supports.view_family_summary", fn=learner_of)
def family_summary(request, learner_id: int):
    learner = learner_of(request, learner_id)
    return render(
        request,
        "supports/family_summary.html",
        {"learner": learner, "plans": selectors.family_summary(learner)},
    )
