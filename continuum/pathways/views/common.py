"""Shared helpers for pathways views: one lookup per request, and form handling that
turns a service's refusal into a message on the page."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.shortcuts import get_object_or_404

from continuum.pathways.models import Goal, LearningExperience, PlanItem
from continuum.people.models import Role, User


def _cached(request, key: str, load: Callable[[], object]):
    if not hasattr(request, key):
        setattr(request, key, load())
    return getattr(request, key)


def learner_of(request, learner_id: int, **kwargs) -> User:
    learner = _cached(
        request,
        f"_pathways_learner_{learner_id}",
        lambda: get_object_or_404(User.objects.select_related("organization"), pk=learner_id),
    )
    if learner.role != Role.LEARNER:
        raise PermissionDenied("Only learners have a pathway.")
    return learner


def goal_of(request, goal_id: int, **kwargs) -> Goal:
    return _cached(
        request,
        f"_pathways_goal_{goal_id}",
        lambda: get_object_or_404(Goal.objects.select_related("learner"), pk=goal_id),
    )


def goal_learner(request, goal_id: int, **kwargs) -> User:
    return goal_of(request, goal_id).learner


def item_of(request, item_id: int, **kwargs) -> PlanItem:
    return _cached(
        request,
        f"_pathways_item_{item_id}",
        lambda: get_object_or_404(PlanItem.objects.select_related("plan__learner"), pk=item_id),
    )


def item_learner(request, item_id: int, **kwargs) -> User:
    return item_of(request, item_id).plan.learner


def experience_of(request, experience_id: int, **kwargs) -> LearningExperience:
    return _cached(
        request,
        f"_pathways_experience_{experience_id}",
        lambda: get_object_or_404(LearningExperience, pk=experience_id),
    )


def saved(request, form: BaseForm, save: Callable[[], object], done: str) -> bool:
    """Validate a POSTed form and call the service; a refusal lands on the form."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save()
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, done)
    return True


def attempted(request, action: Callable[[], object], done: str) -> bool:
    """Run a one-button action; a refusal becomes an error message, not a 500."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, done)
    return True
