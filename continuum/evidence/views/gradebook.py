"""The educator gradebook: a section's learners × learning targets, scored from the
keyboard, one class at a time on a target, and explained cell by cell."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.evidence.forms_gradebook import ClassScoreForm, OverrideForm
from continuum.evidence.models import EvidenceKind
from continuum.evidence.selectors import gradebook as selectors
from continuum.evidence.selectors.learner_model import mastery_chance_get
from continuum.evidence.services.estimates import estimate_explain, estimate_override, target_policy
from continuum.evidence.services.gradebook import gradebook_class_score
from continuum.evidence.services.policy import policy_for
from continuum.evidence.views.gradebook_lookup import (
    grid_view,
    learner_or_404,
    section_or_404,
    target_or_404,
)
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import scales_for
from continuum.lib.access import requires
from continuum.people.models import Section, User

TEMPLATE = "evidence/gradebook_section.html"


@requires("evidence.use_gradebook")
def gradebook_home(request):
    sections = selectors.gradebook_section_list(user=request.user)
    return render(request, "evidence/gradebook_home.html", {"sections": sections})


@requires("evidence.use_gradebook")
def gradebook_section(request, section_id: int):
    section = section_or_404(request, section_id)
    frameworks = selectors.gradebook_framework_list(section=section)
    chosen = request.GET.get("framework")
    framework = next((f for f in frameworks if str(f.pk) == chosen), None)
    framework = framework or (frameworks[0] if frameworks else None)
    view = grid_view(request.GET.get("view"))
    targets = selectors.gradebook_targets(framework=framework) if framework else []
    scales = scales_for(targets)
    grid = selectors.gradebook_grid(section=section, targets=targets, view=view, scales=scales)
    context = {
        "section": section,
        "frameworks": frameworks,
        "framework": framework,
        "grid": grid,
        "kinds": EvidenceKind.choices,
        "view_choices": [("estimate", _("Estimates")), ("evidence", _("Latest evidence"))],
        "legend": selectors.LEGEND,
        "first_lifelong": len(grid.academic) + 2 if grid.lifelong else 0,
        "scale": next(iter(scale for scale in scales.values() if scale), None),
        "can_record": section.educators.filter(pk=request.user.pk).exists(),
        "counts_formative": policy_for(
            organization=section.school, framework_id=framework.pk if framework else None
        ).formative_weight
        > 0,
    }
    if request.htmx and request.htmx.target == "gb-grid":
        return render(request, f"{TEMPLATE}#grid", context)
    return render(request, TEMPLATE, context)


def _explain_context(request, section: Section, learner: User, target: FrameworkItem, form=None):
    scale = scales_for([target])[target.pk]
    levels = [level.value for level in scale.levels.all()] if scale else []
    explained = estimate_explain(learner=learner, target=target, levels=levels)
    policy = target_policy(learner, target)
    estimate = explained.estimate
    can_override = request.user.has_perm("evidence.override_estimate", learner)
    if form is None and can_override:
        form = OverrideForm(scale=scale, overridden=bool(estimate and estimate.is_overridden))
    history = (
        estimate.history.exclude(history_change_reason="Recalculated from evidence")
        .select_related("history_user")
        .order_by("-history_date")[:5]
        if estimate
        else []
    )
    return {
        "section": section,
        "learner": learner,
        "target": target,
        "explained": explained,
        "estimate": estimate,
        "rows": selectors.contribution_rows(explained),
        "policy": policy,
        "method_label": policy.method.replace("_", " "),
        "what_if": sorted(explained.what_if.items()),
        "chance": mastery_chance_get(learner=learner, target=target),
        "form": form,
        "history": history,
        "can_correct": request.user.has_perm("evidence.record_evidence", learner),
        "view": grid_view(request.GET.get("view") or request.POST.get("view")),
    }


@requires("evidence.use_gradebook")
def gradebook_explain(request, section_id: int, learner_id: int, target_id: int):
    section = section_or_404(request, section_id)
    learner, target = learner_or_404(section, learner_id), target_or_404(request, target_id)
    context = _explain_context(request, section, learner, target)
    if request.htmx:
        return render(request, f"{TEMPLATE}#explain", context)
    return render(request, "evidence/gradebook_explain.html", context)


@require_POST
@requires("evidence.use_gradebook")
def gradebook_override(request, section_id: int, learner_id: int, target_id: int):
    section = section_or_404(request, section_id)
    learner, target = learner_or_404(section, learner_id), target_or_404(request, target_id)
    if not request.user.has_perm("evidence.override_estimate", learner):
        raise PermissionDenied(
            _("Only an educator of %(learner)s may override.") % {"learner": learner}
        )
    scale = scales_for([target])[target.pk]
    estimate = learner.estimates.filter(target=target).first()
    form = OverrideForm(
        request.POST, scale=scale, overridden=bool(estimate and estimate.is_overridden)
    )
    if form.is_valid():
        estimate_override(
            learner=learner,
            target=target,
            level=form.level_value(),
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
        if not request.htmx:
            messages.success(request, _("Override saved."))
            url = reverse("gradebook_explain", args=[section.pk, learner.pk, target.pk])
            return redirect(url)
        context = _explain_context(request, section, learner, target)
        view = context["view"]
        context["cell"] = selectors.gradebook_cell(
            learner=learner,
            target=target,
            view=view,
            section=section,
        )
        context["grid"] = {"view": view}
        context["can_record"] = section.educators.filter(pk=request.user.pk).exists()
        context["announce"] = _("Override saved for %(learner)s on %(target)s.") % {
            "learner": learner,
            "target": target.human_coding_scheme,
        }
        return render(request, f"{TEMPLATE}#override_saved", context)
    context = _explain_context(request, section, learner, target, form=form)
    template = f"{TEMPLATE}#explain" if request.htmx else "evidence/gradebook_explain.html"
    return render(request, template, context, status=422)


@requires("evidence.use_gradebook")
def gradebook_class_score_view(request, section_id: int, target_id: int):
    section = section_or_404(request, section_id)
    if not section.educators.filter(pk=request.user.pk).exists():
        raise PermissionDenied(_("Only the section's educators score its class."))
    target = target_or_404(request, target_id)
    learners = selectors.gradebook_learners(section=section)
    scale = scales_for([target])[target.pk]
    form = ClassScoreForm(request.POST or None, learners=learners, scale=scale)
    errors: dict[str, list[str]] = {}
    if request.method == "POST" and form.is_valid():
        try:
            recorded = gradebook_class_score(
                section=section,
                target=target,
                scorer=request.user,
                entries=form.entries(),
                assessed_at=timezone.now(),
                kind=form.cleaned_data["kind"],
                source=form.cleaned_data["source"],
                feedback=form.feedback(),
            )
        except PermissionDenied as error:
            errors = {"": [str(error)]}
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        else:
            messages.success(
                request,
                _("Recorded %(n)d scores on %(target)s.")
                % {"n": len(recorded), "target": target.human_coding_scheme},
            )
            return redirect(
                reverse("gradebook_section", args=[section.pk])
                + f"?framework={target.version.framework_id}"
            )
    context = {"section": section, "target": target, "form": form, "errors": errors}
    status = 422 if request.method == "POST" else 200
    return render(request, "evidence/gradebook_class_score.html", context, status=status)
