"""The learner's evidence page, the explanation of one estimate, and the educator's queue
of learner requests. Shared helpers for the learner-side views live here too."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from continuum.evidence.public import (
    correction_list,
    estimate_explain,
    in_partner_slice,
    target_policy,
)
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import scales_for, target_visible
from continuum.learning.selectors import learner_requests as requests_selectors
from continuum.learning.selectors import progress
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
    return render(request, "learning/learner_estimate.html", context)


@login_required
def learner_requests(request):
    if request.user.role != Role.EDUCATOR:
        raise PermissionDenied("The queue of learner requests is for educators.")
    pending = requests_selectors.learner_requests(educator=request.user)
    return render(request, "learning/learner_requests.html", {"pending": pending})
