"""The learner's evidence page, the explanation of one estimate, and the educator's queue
of learner requests, decided row by row. Shared helpers for the learner-side views live
here too."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.forms import BaseForm
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.evidence.models import Artifact
from continuum.evidence.public import (
    correction_list,
    estimate_explain,
    in_partner_slice,
    mastery_chance_get,
    target_policy,
)
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import scales_for, target_visible
from continuum.learning import forms
from continuum.learning.models import Proposal, Reassessment
from continuum.learning.selectors import learner_requests as requests_selectors
from continuum.learning.selectors import progress, trend
from continuum.learning.services import portfolio, proposals, reassessment
from continuum.lib.access import requires
from continuum.people.models import Role, User
from continuum.people.public import learner_of


def target_get(request, target_id: int) -> FrameworkItem:
    return get_object_or_404(target_visible(user=request.user), pk=target_id)


def abilities(user: User, learner: User) -> dict[str, bool]:
    """What the viewer may do for this learner, so pages show only usable actions."""
    return {
        "is_self": user.pk == learner.pk,
        "can_request": user.has_perm("evidence.request_reassessment", learner),
        "can_decide": user.has_perm("evidence.decide_reassessment", learner),
        "can_propose": user.has_perm("evidence.propose_evidence", learner),
        "can_upload": user.has_perm("evidence.upload_artifact", learner),
        "can_correct": user.has_perm("evidence.record_evidence", learner),
    }


@requires("evidence.view_evidence", fn=learner_of)
def learner_evidence(request, learner_id: int):
    learner = learner_of(request, learner_id)
    rows = progress.learner_progress(learner=learner, viewer=request.user)
    areas = progress.progress_grouped(rows, scales=scales_for(row.target for row in rows))
    whole_record = request.user.has_perm("evidence.view_record", learner)
    reassessments, proposals = (
        progress.learner_requests_of(learner=learner) if whole_record else ([], [])
    )
    context = {
        "learner": learner,
        "whole_record": whole_record,
        "areas": [area for area in areas if area.frameworks],
        "reassessments": reassessments,
        "proposals": proposals,
        **abilities(request.user, learner),
    }
    return render(request, "learning/learner_evidence.html", context)


@requires("evidence.view_evidence", fn=learner_of)
def learner_estimate(request, learner_id: int, target_id: int):
    learner, target = learner_of(request, learner_id), target_get(request, target_id)
    if not in_partner_slice(user=request.user, target=target):
        raise Http404("No such target among those you may see for this learner.")
    scale = scales_for([target])[target.pk]
    levels = [level.value for level in scale.levels.all()] if scale else []
    explained = estimate_explain(learner=learner, target=target, levels=levels)
    story = progress.estimate_story(
        learner=learner,
        target=target,
        scale=scale,
        policy=target_policy(learner, target),
        **vars(explained),
        with_requests=request.user.has_perm("evidence.view_record", learner),
    )
    corrections = correction_list(learner=learner, target=target, scale=scale)
    context = {"learner": learner, "story": story, **abilities(request.user, learner)}
    context |= {"corrections": corrections, "corrected": {c.evidence_id for c in corrections}}
    context["chance"] = mastery_chance_get(learner=learner, target=target)
    context["trend"] = trend.estimate_trend(
        learner=learner, target=target, evidence=explained.evidence, levels=levels
    )
    return render(request, "learning/learner_estimate.html", context)


def _educator(request) -> None:
    if request.user.role != Role.EDUCATOR:
        raise PermissionDenied("The queue of learner requests is for educators.")


@login_required
def learner_requests(request):
    _educator(request)
    pending = requests_selectors.learner_requests(educator=request.user)
    scales = scales_for([t for a in pending.artifacts for t in a.targets.all()])
    for artifact in pending.artifacts:
        artifact.validate_form = _validate_form(artifact, scales)  # type: ignore[attr-defined]
    return render(request, "learning/learner_requests.html", {"pending": pending})


def _validate_form(artifact: Artifact, scales) -> forms.ArtifactValidateForm:
    """The row's "accept at a level" form, its ids unique among the queue's rows."""
    form = forms.ArtifactValidateForm(
        artifact=artifact, targets=list(artifact.targets.all()), scales=scales
    )
    form.auto_id = f"artifact-{artifact.pk}-%s"
    return form


@dataclass(frozen=True)
class Kind:
    """A kind of request in the queue: its model, and who may decide it."""

    model: type[Model]
    permission: str


KINDS = {
    "reassessment": Kind(Reassessment, "evidence.decide_reassessment"),
    "proposal": Kind(Proposal, "evidence.review_proposal"),
    "artifact": Kind(Artifact, "evidence.validate_artifact"),
}


def _decision(request, kind: str, item, action: str):
    """The form of the decision, the existing service that makes it, and what to say."""
    post, by = request.POST, request.user
    form: BaseForm
    if (kind, action) == ("reassessment", "schedule"):
        form = forms.ScheduleForm(post)

        def done():
            decided = reassessment.reassessment_schedule(
                reassessment=item, by=by, **form.cleaned_data
            )
            when = formats.date_format(timezone.localtime(decided.scheduled_for), "D j M, H:i")
            return _("Approved and scheduled for %(when)s.") % {"when": when}

    elif (kind, action) == ("reassessment", "decline"):
        form = forms.DeclineForm(post)

        def done():
            reassessment.reassessment_decline(reassessment=item, by=by, **form.cleaned_data)
            return _("Declined: not yet approved, with your note.")

    elif (kind, action) == ("proposal", "review"):
        form = forms.ProposalReviewForm(post)

        def done():
            approve = form.cleaned_data["decision"] == "approve"
            proposals.proposal_review(
                proposal=item, by=by, approve=approve, note=form.cleaned_data["note"]
            )
            return _("Approved.") if approve else _("Declined: a revision is asked for.")

    elif (kind, action) == ("artifact", "accept"):
        targets = list(item.targets.all())
        form = validate = forms.ArtifactValidateForm(
            post, artifact=item, targets=targets, scales=scales_for(targets)
        )

        def done():
            portfolio.artifact_validate(
                artifact=item,
                by=by,
                levels=validate.levels(),
                feedback=form.cleaned_data["feedback"],
            )
            return _("Accepted as evidence; the estimates are updated.")

    elif (kind, action) == ("artifact", "return"):
        form = forms.NoteForm(post)

        def done():
            portfolio.artifact_return(artifact=item, by=by, **form.cleaned_data)
            return _("Returned to the learner with your note.")

    else:
        raise Http404("No such decision.")
    return form, done


@login_required
@require_POST
def learner_request_decide(request, kind: str, request_id: int):
    """Approve, schedule or decline one request from the queue through the services the
    request's own page uses; with HTMX the row is replaced by its new state (focused),
    without it the queue comes back with a message, at the row."""
    _educator(request)
    if kind not in KINDS:
        raise Http404("No such kind of request.")
    manager = KINDS[kind].model._default_manager
    # A Reassessment, Proposal or Artifact: each has a learner, and the forms know the rest.
    item: Any = get_object_or_404(manager.select_related("learner"), pk=request_id)
    if not request.user.has_perm(KINDS[kind].permission, item.learner):
        raise PermissionDenied(
            _("%(learner)s is not in any of your sections.") % {"learner": item.learner}
        )
    form, decide = _decision(request, kind, item, request.POST.get("action", ""))
    said, problems = "", []
    if form.is_valid():
        try:
            said = decide()
        except ValidationError as error:
            problems = error.messages
    else:
        problems = [
            f"{form[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
            for name, errors in form.errors.items()
        ]
    if not request.htmx:
        (messages.success if said else messages.error)(request, said or " ".join(problems))
        return redirect(reverse("learner_requests") + f"#request-{kind}-{item.pk}")
    if kind == "artifact":
        item.validate_form = _validate_form(item, scales_for(list(item.targets.all())))
    context = {"kind": kind, "item": item, "said": said, "problems": problems}
    return render(request, "learning/learner_requests.html#decided", context)
