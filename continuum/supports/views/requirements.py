"""The requirements editor (a school's leaders, a district's admins) and learners' choices
of certificates and pathways (the learner elects; their counselor or a leader decides)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.lib.access import requires
from continuum.lib.outcomes import attempted, submitted
from continuum.lib.per_request import per_request
from continuum.people.models import User
from continuum.supports import selectors
from continuum.supports.forms import (
    DecisionForm,
    ElectForm,
    RequirementForm,
    RetireForm,
    requirement_initial,
)
from continuum.supports.models import Requirement, RequirementElection
from continuum.supports.services import elections
from continuum.supports.services import requirements as services


def requirement_of(request, requirement_id: int, **kwargs) -> Requirement:
    return per_request(
        request,
        "_supports_requirement",
        lambda: get_object_or_404(
            Requirement.objects.select_related("organization"), pk=requirement_id
        ),
    )


def election_learner(request, election_id: int, **kwargs) -> User:
    return get_object_or_404(RequirementElection, pk=election_id).learner


def _form(request, requirement: Requirement | None = None) -> RequirementForm:
    schools = selectors.requirement_schools(request.user)
    initial = {"rule": "all_proficient", "school": schools.first()}
    if requirement is not None:
        schools = schools.model.objects.filter(pk=requirement.organization_id)
        initial = requirement_initial(requirement)
    return RequirementForm(
        request.POST or None,
        initial=initial,
        items=selectors.requirement_items(request.user),
        schools=schools,
        sections=selectors.requirement_sections(schools),
        editing=requirement is not None,
    )


@requires("supports.edit_requirements")
def requirement_list(request):
    context = {"requirements": selectors.requirement_list(request.user)}
    return render(request, "supports/requirement_list.html", context)


@requires("supports.edit_requirements")
def requirement_create(request):
    form = _form(request)
    if submitted(
        request,
        form,
        lambda: services.requirement_create(by=request.user, **form.cleaned_data),
        _("Requirement created; pace is being recomputed."),
    ):
        return redirect("requirement_list")
    return render(request, "supports/requirement_form.html", {"form": form})


@requires("supports.edit_requirement", fn=requirement_of)
def requirement_edit(request, requirement_id: int):
    requirement = requirement_of(request, requirement_id)
    form = _form(request, requirement)
    if submitted(
        request,
        form,
        lambda: services.requirement_update(
            requirement=requirement, by=request.user, **form.cleaned_data
        ),
        _("Requirement saved; pace is being recomputed."),
    ):
        return redirect("requirement_edit", requirement.pk)
    context = {
        "form": form,
        "requirement": requirement,
        "retire_form": RetireForm(),
        "history": requirement.history.select_related("history_user")[:20],
    }
    return render(request, "supports/requirement_form.html", context)


@requires("supports.edit_requirement", fn=requirement_of)
@require_POST
def requirement_retire(request, requirement_id: int):
    requirement = requirement_of(request, requirement_id)
    form = RetireForm(request.POST)
    if form.is_valid():
        attempted(
            request,
            lambda: services.requirement_retire(
                requirement=requirement, by=request.user, reason=form.cleaned_data["reason"]
            ),
            _("Requirement retired: it applies to no one now."),
        )
    else:
        messages.error(request, _("Say why the requirement is retired."))
    return redirect("requirement_edit", requirement.pk)


@requires("supports.elect_requirements")
def my_requirements(request):
    context = {
        "offers": selectors.offers(request.user),
        "applying": selectors.requirements_applying_to(request.user),
        "elect_form": ElectForm(),
    }
    return render(request, "supports/my_requirements.html", context)


@requires("supports.elect_requirements")
@require_POST
def election_create(request, requirement_id: int):
    requirement = get_object_or_404(
        selectors.requirements_on_offer(request.user), pk=requirement_id
    )
    form = ElectForm(request.POST)
    if form.is_valid():
        attempted(
            request,
            lambda: elections.election_create(
                learner=request.user, requirement=requirement, by=request.user, **form.cleaned_data
            ),
            _("Chosen: your counselor will confirm it with you."),
        )
    return redirect("my_requirements")


@requires("supports.elect_requirements")
@require_POST
def election_withdraw(request, election_id: int):
    election = get_object_or_404(RequirementElection, pk=election_id, learner=request.user)
    attempted(
        request,
        lambda: elections.election_withdraw(election=election, by=request.user),
        _("Withdrawn."),
    )
    return redirect("my_requirements")


@requires("supports.decide_election", fn=election_learner)
@require_POST
def election_decide(request, election_id: int):
    election = get_object_or_404(RequirementElection, pk=election_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        confirm = form.cleaned_data["decision"] == "confirm"
        attempted(
            request,
            lambda: elections.election_decide(
                election=election, by=request.user, confirm=confirm, note=form.cleaned_data["note"]
            ),
            _("Confirmed.") if confirm else _("Declined."),
        )
    else:
        messages.error(request, _("Choose confirm or decline."))
    if request.POST.get("back") == "caseload":
        return redirect("caseload")
    return redirect("learner_supports", election.learner_id)
