"""Assessment pages: list, create, align, add questions, score a section, take, results.

Staff pages need ``evidence.create_assessment`` (educators and leaders) and then the
assessment must be in the user's scope (404 otherwise); changing one needs its creator or
an educator of its section. Learners take only the assessments of their own sections.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from continuum.evidence.forms_assessments import (
    AlignmentsForm,
    AssessmentForm,
    QuestionForm,
    TakeForm,
)
from continuum.evidence.models import Assessment
from continuum.evidence.selectors import assessments as selectors
from continuum.evidence.services import assessment_responses, assessments
from continuum.lib.access import requires
from continuum.lib.paging import paged
from continuum.people.models import Role
from continuum.people.public import section_list

STAFF = "evidence.create_assessment"
PAGE_SIZE = 50  # a school's list runs to hundreds; a page of 50 reads on a phone


def _get(request, assessment_id: int) -> Assessment:
    try:
        return selectors.assessment_get(user=request.user, assessment_id=assessment_id)
    except Assessment.DoesNotExist:
        raise Http404("No such assessment among yours.") from None


def _editable(request, assessment_id: int) -> Assessment:
    assessment = _get(request, assessment_id)
    if not assessments.assessment_editable(user=request.user, assessment=assessment):
        raise PermissionDenied("Only its creator or its section's educators change it.")
    return assessment


def _errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


@login_required
def assessment_list(request):
    if request.user.role not in {Role.EDUCATOR, Role.LEADER, Role.LEARNER}:
        raise PermissionDenied("Assessments are for educators, leaders and learners.")
    title = request.GET.get("title", "")[:100]
    sections = list(section_list(user=request.user))
    section = next((s for s in sections if str(s.pk) == request.GET.get("section")), None)
    found = selectors.assessment_list_matching(
        user=request.user, title=title, section_id=section.pk if section else None
    )
    listed = paged(request, found, size=PAGE_SIZE)
    return render(
        request,
        "evidence/assessment_list.html",
        {
            "assessments": listed.page,
            "paged": listed,
            "title": title,
            "sections": sections,
            "section": section,
        },
    )


@requires(STAFF)
@require_http_methods(["GET", "POST"])
def assessment_create(request):
    frameworks = list(selectors.framework_choices())
    chosen = next((f for f in frameworks if str(f.pk) == request.GET.get("framework")), None)
    chosen = chosen or (frameworks[0] if frameworks else None)
    version = chosen.current if chosen else None
    form = AssessmentForm(
        request.POST or None,
        sections=section_list(user=request.user),
        targets=selectors.target_choices(version=version),
        section_required=request.user.role == Role.EDUCATOR,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = assessments.assessment_create(
                creator=request.user,
                title=data["title"],
                kind=data["kind"],
                section=data["section"],
                description=data["description"],
                evidence_kind=data["evidence_kind"],
            )
            specs = [
                assessments.AlignmentSpec(t, weight=data["weight"], due_on=data["due_on"])
                for t in data["targets"]
            ]
            assessments.alignment_set(assessment=assessment, by=request.user, alignments=specs)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Assessment created."))
            return redirect("assessment_detail", assessment_id=assessment.pk)
    context = {
        "form": form,
        "frameworks": frameworks,
        "framework": chosen,
    }
    return render(request, "evidence/assessment_form.html", context)


@requires(STAFF)
def assessment_detail(request, assessment_id: int):
    assessment = _get(request, assessment_id)
    return render(
        request,
        "evidence/assessment_detail.html",
        {
            "assessment": assessment,
            "views": selectors.alignment_views(assessment=assessment),
            "editable": assessments.assessment_editable(user=request.user, assessment=assessment),
            "history": assessment.history.select_related("history_user")[:10],
        },
    )


def _alignment_specs(form: AlignmentsForm, addable) -> list[assessments.AlignmentSpec]:
    data = form.cleaned_data
    specs = []
    for row in form.rows():
        view = row["view"]
        pk = view.alignment.pk
        if data[f"remove_{pk}"]:
            continue
        rubric = {level.key: data[f"rubric_{pk}_{level.key}"] for level in view.levels}
        specs.append(
            assessments.AlignmentSpec(
                view.alignment.target, data[f"weight_{pk}"], data[f"due_{pk}"], rubric
            )
        )
    specs += [assessments.AlignmentSpec(t) for t in data["add_targets"]]
    return specs


@requires(STAFF)
@require_http_methods(["GET", "POST"])
def assessment_alignments(request, assessment_id: int):
    assessment = _editable(request, assessment_id)
    views = selectors.alignment_views(assessment=assessment)
    version = views[0].alignment.target.version if views else None
    aligned = [v.alignment.target_id for v in views]
    addable = selectors.target_choices(version=version).exclude(pk__in=aligned)
    form = AlignmentsForm(request.POST or None, views=views, addable=addable)
    if request.method == "POST" and form.is_valid():
        try:
            assessments.alignment_set(
                assessment=assessment, by=request.user, alignments=_alignment_specs(form, addable)
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Alignments saved."))
            return redirect("assessment_detail", assessment_id=assessment.pk)
    context = {"assessment": assessment, "form": form, "addable": addable.exists()}
    return render(request, "evidence/assessment_alignments.html", context)


@requires(STAFF)
@require_http_methods(["GET", "POST"])
def question_add(request, assessment_id: int):
    assessment = _editable(request, assessment_id)
    form = QuestionForm(
        request.POST or None,
        alignments=assessment.alignments.select_related("target", "assessment"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessments.question_add(
                alignment=data["alignment"],
                by=request.user,
                prompt=data["prompt"],
                kind=data["kind"],
                answer=data["answer"],
                choices=data["choices"].splitlines(),
                tolerance=data["tolerance"] or 0.0,
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Question added."))
            if "another" in request.POST:
                return redirect("question_add", assessment_id=assessment.pk)
            return redirect("assessment_detail", assessment_id=assessment.pk)
    return render(
        request, "evidence/assessment_question_form.html", {"assessment": assessment, "form": form}
    )


@requires(STAFF)
@require_http_methods(["GET", "POST"])
def assessment_score(request, assessment_id: int):
    assessment = _get(request, assessment_id)
    if (
        not assessment.section
        or not assessment.section.educators.filter(pk=request.user.pk).exists()
    ):
        raise PermissionDenied("Only the section's educators score it.")
    alignments = list(assessment.alignments.select_related("target", "assessment"))
    only = request.GET.get("alignment")
    if only:
        alignments = [a for a in alignments if str(a.pk) == only] or alignments
    rows = selectors.section_sheet(assessment=assessment, alignments=alignments)
    levels = selectors.level_options(targets=[a.target for a in alignments])
    grid = _score_grid(rows, request.POST, levels)
    errors: list = []
    if request.method == "POST":
        cells = [
            assessments.ScoreCell(row["learner"], cell["alignment"], cell["value"], row["feedback"])
            for row in grid
            for cell in row["cells"]
        ]
        try:
            recorded = assessments.assessment_score(
                assessment=assessment, scorer=request.user, cells=cells, assessed_at=timezone.now()
            )
        except assessments.ScoringRefusedError as refused:
            errors = refused.errors
            reasons = {(e.learner.pk, e.target.pk): e.reason for e in errors}
            for row in grid:
                for cell in row["cells"]:
                    cell["error"] = reasons.get((row["learner"].pk, cell["alignment"].target_id))
        else:
            messages.success(request, _("%(n)d scores recorded.") % {"n": len(recorded)})
            return redirect("assessment_detail", assessment_id=assessment.pk)
    context = {
        "assessment": assessment,
        "alignments": alignments,
        "set_all": [(a, levels.get(a.target_id, [])) for a in alignments],
        "grid": grid,
        "errors": errors,
    }
    return render(request, "evidence/assessment_score.html", context)


def _score_grid(rows: list[selectors.SheetRow], posted, levels: dict) -> list[dict]:
    """The sheet as posted; a blank cell takes its column's "set all to" (the no-JavaScript
    path of filling every empty row), a chosen cell keeps its choice."""
    return [
        {
            "learner": row.learner,
            "feedback": posted.get(f"feedback-{row.learner.pk}", ""),
            "cells": [
                {
                    "alignment": cell.alignment,
                    "latest": cell.latest,
                    "options": levels.get(cell.alignment.target_id, []),
                    "name": f"cell-{row.learner.pk}-{cell.alignment.pk}",
                    "value": posted.get(f"cell-{row.learner.pk}-{cell.alignment.pk}", "")
                    or posted.get(f"set_all-{cell.alignment.pk}", ""),
                }
                for cell in row.cells
            ],
        }
        for row in rows
    ]


@requires(STAFF)
def assessment_results(request, assessment_id: int):
    assessment = _get(request, assessment_id)
    alignments = list(assessment.alignments.select_related("target"))
    return render(
        request,
        "evidence/assessment_results.html",
        {
            "assessment": assessment,
            "alignments": alignments,
            "rows": selectors.section_sheet(assessment=assessment, alignments=alignments),
        },
    )


def _for_learner(request, assessment_id: int) -> Assessment:
    if request.user.role != Role.LEARNER:
        raise PermissionDenied("Only learners take assessments.")
    try:
        return selectors.assessment_get(user=request.user, assessment_id=assessment_id)
    except Assessment.DoesNotExist:
        raise Http404("No such assessment in your sections.") from None


@login_required
@require_http_methods(["GET", "POST"])
def assessment_take(request, assessment_id: int):
    assessment = _for_learner(request, assessment_id)
    form = TakeForm(
        request.POST or None, questions=selectors.questions_to_take(assessment=assessment)
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment_responses.response_submit(
                assessment=assessment, learner=request.user, answers=form.answers()
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Your answers are in. Here is how you did."))
            return redirect("assessment_my_results", assessment_id=assessment.pk)
    return render(
        request, "evidence/assessment_take.html", {"assessment": assessment, "form": form}
    )


@login_required
def assessment_my_results(request, assessment_id: int):
    assessment = _for_learner(request, assessment_id)
    attempts = selectors.learner_attempts(assessment=assessment, learner=request.user)
    targets = [e.target for attempt in attempts for e in attempt.evidence]
    names = {t: dict(options) for t, options in selectors.level_options(targets=targets).items()}
    for attempt in attempts:
        for evidence in attempt.evidence:
            level = f"{evidence.level:g}" if evidence.level is not None else ""
            evidence.level_label = names.get(evidence.target_id, {}).get(level, level)  # type: ignore[attr-defined]
    return render(
        request,
        "evidence/assessment_my_results.html",
        {"assessment": assessment, "attempts": attempts},
    )
