"""Proposals: a learner says how they will show learning on a target; their educator
reviews it beside the target's level descriptors."""

from functools import partial

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuum.learning import forms
from continuum.learning.models import Proposal
from continuum.learning.services import proposals as services
from continuum.learning.views.anchors import target_anchor
from continuum.learning.views.learner import abilities, target_get
from continuum.lib.access import requires
from continuum.lib.outcomes import attempted, submitted
from continuum.lib.per_request import cached
from continuum.people.public import learner_of


def _proposal(request, proposal_id: int, **kwargs) -> Proposal:
    return cached(request, Proposal, proposal_id, "learner", "target", "reviewer")


def _learner(request, proposal_id: int, **kwargs):
    return _proposal(request, proposal_id).learner


def _descriptors(target):
    return target.descriptors.select_related("level").order_by("level__value")


@requires("evidence.propose_evidence", fn=learner_of)
@require_http_methods(["GET", "POST"])
def proposal_create(request, learner_id: int, target_id: int):
    learner, target = learner_of(request, learner_id), target_get(request, target_id)
    form = forms.ProposalForm(request.POST or None)
    save = partial(services.proposal_create, learner=learner, target=target, by=request.user)
    done = _("Your proposal is sent to your educator.")
    if submitted(request, form, lambda: save(**form.cleaned_data), done):
        return redirect(target_anchor(learner, target))
    context = {
        "learner": learner,
        "target": target,
        "form": form,
        "descriptors": _descriptors(target),
    }
    return render(request, "learning/proposal_create.html", context)


def _detail(request, proposal: Proposal, form=None):
    context = {
        "proposal": proposal,
        "learner": proposal.learner,
        "descriptors": _descriptors(proposal.target),
        "form": form or forms.ProposalReviewForm(),
        "can_review": request.user.has_perm("evidence.review_proposal", proposal.learner),
        **abilities(request.user, proposal.learner),
    }
    return render(request, "learning/proposal_detail.html", context)


@requires("evidence.view_record", fn=_learner)
def proposal_detail(request, proposal_id: int):
    return _detail(request, _proposal(request, proposal_id))


@requires("evidence.review_proposal", fn=_learner)
@require_POST
def proposal_review(request, proposal_id: int):
    proposal = _proposal(request, proposal_id)
    form = forms.ProposalReviewForm(request.POST)

    def save():
        approve = form.cleaned_data["decision"] == "approve"
        services.proposal_review(
            proposal=proposal, by=request.user, approve=approve, note=form.cleaned_data["note"]
        )

    if submitted(request, form, save, _("Your review is sent to the learner.")):
        return redirect("proposal_detail", proposal_id=proposal.pk)
    return _detail(request, proposal, form)


@requires("evidence.propose_evidence", fn=_learner)
@require_POST
def proposal_withdraw(request, proposal_id: int):
    proposal = _proposal(request, proposal_id)
    withdraw = partial(services.proposal_withdraw, proposal=proposal, by=request.user)
    attempted(request, withdraw, _("Proposal withdrawn."))
    return redirect("proposal_detail", proposal_id=proposal.pk)
