"""One gradebook cell: its scorer (inline with JavaScript, a page of its own without),
recording a level, missing or excused with feedback, and undoing it moments later. The
confirmation and the Undo button come back inside the cell, where the educator is looking."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuum.evidence.models import Evidence, EvidenceKind, EvidenceSource, Mark
from continuum.evidence.selectors import gradebook as selectors
from continuum.evidence.services.estimates import target_policy
from continuum.evidence.services.gradebook import gradebook_entry_record
from continuum.evidence.services.recording import UNDO_WINDOW, evidence_undo
from continuum.evidence.views.gradebook_lookup import (
    grid_view,
    learner_or_404,
    problem_response,
    section_or_404,
    target_or_404,
)
from continuum.frameworks.public import level_label, scales_for
from continuum.lib.access import requires
from continuum.people.models import Section, User

TEMPLATE = "evidence/gradebook_cell.html"
SECTION_TEMPLATE = "evidence/gradebook_section.html"


def _educator(request, section: Section) -> None:
    if not section.educators.filter(pk=request.user.pk).exists():
        raise PermissionDenied(_("Only the section's educators record evidence in it."))


def _what(evidence: Evidence) -> str:
    """What was recorded, in words: "3 Proficient", "Missing"."""
    if evidence.mark != Mark.SCORED:
        return str(evidence.get_mark_display())
    return level_label(evidence.level, scales_for([evidence.target])[evidence.target_id])


def _undoable(evidence: Evidence | None, user: User) -> bool:
    return bool(
        evidence
        and evidence.scorer_id == user.pk
        and evidence.mark != Mark.WITHDRAWN
        and timezone.now() - evidence.recorded_at <= UNDO_WINDOW
    )


def _grid_url(section: Section, target, learner) -> str:
    """Back to the grid, at the cell (the educator returns where they were)."""
    url = reverse("gradebook_section", args=[section.pk])
    return f"{url}?framework={target.version.framework_id}#cell-{learner.pk}-{target.pk}"


@require_http_methods(["GET", "POST"])
@requires("evidence.use_gradebook")
def gradebook_cell_record(request, section_id: int, learner_id: int, target_id: int):
    """GET: the scorer. POST: record it; refusals go to the live region (see _problem)."""
    section = section_or_404(request, section_id)
    if request.method == "GET":
        _educator(request, section)
        learner, target = learner_or_404(section, learner_id), target_or_404(request, target_id)
        return _scorer(request, section, learner, target)
    learner = get_object_or_404(User, pk=learner_id)
    target = target_or_404(request, target_id)
    try:
        evidence = gradebook_entry_record(
            section=section,
            learner=learner,
            target=target,
            scorer=request.user,
            text=request.POST.get("entry", ""),
            assessed_at=timezone.now(),
            kind=request.POST.get("kind", EvidenceKind.FORMATIVE),
            source=request.POST.get("source", EvidenceSource.ASSESSMENT),
            feedback=request.POST.get("feedback", ""),
        )
    except PermissionDenied as error:
        return problem_response(_("Nothing recorded: %(error)s") % {"error": error}, 403)
    except ValidationError as error:
        return problem_response(
            _("Nothing recorded: %(error)s") % {"error": " ".join(error.messages)}, 422
        )
    if not request.htmx:
        messages.success(request, _("Recorded: %(what)s.") % {"what": _what(evidence)})
        url = reverse("gradebook_cell_record", args=[section.pk, learner.pk, target.pk])
        return redirect(f"{url}?recorded={evidence.pk}")
    confirm = _("Recorded: %(what)s") % {"what": _what(evidence)}
    practice = evidence.kind == EvidenceKind.FORMATIVE and evidence.level is not None
    if practice and target_policy(learner, target).formative_weight == 0:
        confirm += ". " + _("Formative: shown and used for feedback, not counted in the estimate.")
    return _cell(request, section, learner, target, confirm, undo=evidence)


def _scorer(request, section: Section, learner: User, target):
    view = grid_view(request.GET.get("view"))
    recorded = None
    if request.GET.get("recorded", "").isdigit():
        recorded = Evidence.objects.filter(
            pk=request.GET["recorded"], learner=learner, target=target
        ).first()
    context = {
        "section": section,
        "learner": learner,
        "target": target,
        "view": view,
        "levels": selectors.scorer_level_list(scales_for([target])[target.pk]),
        "cell": selectors.gradebook_cell(
            learner=learner, target=target, view=view, section=section
        ),
        "kinds": EvidenceKind.choices,
        "recorded": recorded if _undoable(recorded, request.user) else None,
        "grid_url": _grid_url(section, target, learner),
    }
    if request.htmx:
        return render(request, f"{TEMPLATE}#scorer", context)
    return render(request, TEMPLATE, context)


def _cell(request, section, learner, target, confirm: str, undo: Evidence | None = None):
    view = grid_view(request.POST.get("view"))
    context = {
        "cell": selectors.gradebook_cell(
            learner=learner, target=target, view=view, section=section
        ),
        "section": section,
        "grid": {"view": view},
        "can_record": True,
        "confirm": confirm,
        "undo_url": reverse("gradebook_evidence_undo", args=[section.pk, undo.pk]) if undo else "",
    }
    return render(request, f"{SECTION_TEMPLATE}#cell", context)


@require_POST
@requires("evidence.use_gradebook")
def gradebook_evidence_undo(request, section_id: int, evidence_id: int):
    """Withdraw what was just recorded, as an audited correction ("Undone by the
    educator"); the estimate is recalculated and the cell shows it."""
    section = section_or_404(request, section_id)
    evidence = get_object_or_404(
        Evidence.objects.select_related("learner", "target"),
        pk=evidence_id,
        learner__enrollments__section=section,
    )
    what = _what(evidence)
    try:
        evidence_undo(evidence=evidence, by=request.user)
    except PermissionDenied as error:
        return problem_response(_("Not undone: %(error)s") % {"error": error}, 403)
    except ValidationError as error:
        return problem_response(
            _("Not undone: %(error)s") % {"error": " ".join(error.messages)}, 422
        )
    learner, target = evidence.learner, evidence.target
    confirm = _("Undone: %(what)s withdrawn") % {"what": what}
    if not request.htmx:
        messages.success(request, confirm + ".")
        return redirect(_grid_url(section, target, learner))
    return _cell(request, section, learner, target, confirm)
