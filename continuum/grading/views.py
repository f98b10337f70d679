"""The grading policy pages (thin views): a scope's policy and versions, the editor, a
draft's replay with adopt and discard, the adoption's progress, and one learner-target
explained under the policy in force and under the draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.evidence.public import estimate_explain, policy_for, target_policy
from continuum.frameworks.public import framework_visible, target_visible
from continuum.grading import selectors
from continuum.grading.forms import DecisionForm, PolicyForm
from continuum.grading.rules import can_edit_policy
from continuum.grading.services.policies import policy_adopt, policy_discard, policy_draft_create
from continuum.mastery import METHODS, policy_from_dict
from continuum.people.models import Organization, Role, User

State = selectors.State
WHAT_IF_LEVELS = [1.0, 2.0, 3.0, 4.0]


def _scope(request, organization_id: int) -> Organization:
    for scope in selectors.policy_scopes(request.user):
        if scope.pk == organization_id:
            return scope
    raise Http404


def _record(request, record_id: int):
    record = selectors.policy_record_get(user=request.user, record_id=record_id)
    if record is None:
        raise Http404
    return record


@login_required
def grading_home(request):
    scopes = selectors.policy_scopes(request.user)
    if not scopes:
        raise PermissionDenied(_("Only school leaders and district admins set grading policy."))
    pages = [selectors.scope_policies(user=request.user, scope=scope) for scope in scopes]
    return render(request, "grading/home.html", {"pages": pages})


@login_required
def grading_scope(request, organization_id: int):
    page = selectors.scope_policies(user=request.user, scope=_scope(request, organization_id))
    return render(request, "grading/scope.html", {"page": page})


def _framework_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
def grading_draft_new(request, organization_id: int):
    scope = _scope(request, organization_id)
    if not can_edit_policy(request.user, scope):
        raise PermissionDenied
    frameworks = framework_visible(user=request.user).order_by("title")
    data = request.POST if request.method == "POST" else request.GET
    chosen = _framework_id(data.get("framework"))
    framework = frameworks.filter(pk=chosen).first() if chosen is not None else None
    current = policy_for(organization=scope, framework_id=framework.pk if framework else None)
    if request.method == "POST":
        form = PolicyForm(
            request.POST, method=request.POST.get("method", ""), frameworks=frameworks
        )
        if form.is_valid():
            try:
                record = policy_draft_create(
                    by=request.user,
                    organization=scope,
                    body=form.body(),
                    note=form.cleaned_data["note"],
                    framework=form.cleaned_data["framework"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("grading_record", record_id=record.pk)
    else:
        method = request.GET.get("method", current.method)
        initial = {**PolicyForm.initial_from(current), "framework": framework}
        if method in METHODS and method != current.method:
            initial["method"] = method
        form = PolicyForm(initial=initial, method=initial["method"], frameworks=frameworks)
    template = "grading/draft_form.html"
    if request.htmx and request.GET.get("method"):
        template += "#parameters"
    context = {"form": form, "scope": scope, "current": current, "framework": framework}
    return render(request, template, context)


@login_required
def grading_record(request, record_id: int):
    record = _record(request, record_id)
    context = {
        "today": timezone.localdate(),
        "record": record,
        "policy": policy_from_dict(record.body),
        "editable": can_edit_policy(request.user, record.organization),
    }
    template = "grading/record.html"
    if record.state == State.DRAFT:
        context["decision"] = DecisionForm()
        # The replay reads every estimate the draft would touch (seconds for a large
        # school), so the page comes first and the replay follows (HTMX, or a link).
        if request.GET.get("replay") == "now":
            context["replay"] = selectors.draft_replay(record)
            if request.htmx:
                template += "#replay"
    return render(request, template, context)


@login_required
def grading_progress(request, record_id: int):
    record = _record(request, record_id)
    return render(
        request, "grading/record.html#progress", {"record": record, "today": timezone.localdate()}
    )


def _decide(request, record_id: int, decide, done: str):
    record = _record(request, record_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            decide(record, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
    else:
        messages.error(request, _("Say why; the reason is kept with the policy's history."))
    return redirect("grading_record", record_id=record.pk)


@login_required
@require_POST
def grading_adopt(request, record_id: int):
    def adopt(record, data):
        policy_adopt(
            record=record,
            by=request.user,
            reason=data["reason"],
            effective_on=data["effective_on"],
        )

    return _decide(request, record_id, adopt, _("Adopted. Estimates are being recomputed."))


@login_required
@require_POST
def grading_discard(request, record_id: int):
    def discard(record, data):
        policy_discard(record=record, by=request.user, reason=data["reason"])

    return _decide(request, record_id, discard, _("The draft was discarded."))


@login_required
def grading_compare(request, record_id: int, learner_id: int, target_id: int):
    record = _record(request, record_id)
    if record.state != State.DRAFT:
        raise Http404
    schools = selectors.replay_schools(record.organization)
    learner = get_object_or_404(User, pk=learner_id, role=Role.LEARNER, organization__in=schools)
    targets = target_visible(user=request.user).select_related("version")
    if record.framework_id is not None:
        targets = targets.filter(version__framework_id=record.framework_id)
    target = get_object_or_404(targets, pk=target_id)
    explained = {
        "now": estimate_explain(learner=learner, target=target, levels=WHAT_IF_LEVELS),
        "draft": estimate_explain(
            learner=learner,
            target=target,
            levels=WHAT_IF_LEVELS,
            policy=policy_from_dict(record.body),
        ),
    }
    return render(
        request,
        "grading/compare.html",
        {
            "record": record,
            "learner": learner,
            "target": target,
            "explained": explained,
            "current": target_policy(learner, target),
            "draft": policy_from_dict(record.body),
        },
    )
