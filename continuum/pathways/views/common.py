"""The objects pathways views and their permission getters share, each loaded once per
request."""

from django.shortcuts import get_object_or_404

from continuum.lib.per_request import per_request
from continuum.pathways import selectors
from continuum.pathways.models import Goal, LearningExperience, PlanItem
from continuum.people.models import User


def goal_of(request, goal_id: int, **kwargs) -> Goal:
    return per_request(
        request,
        f"_pathways_goal_{goal_id}",
        lambda: selectors.goal_get(goal_id=goal_id),
    )


def goal_learner(request, goal_id: int, **kwargs) -> User:
    return goal_of(request, goal_id).learner


def item_of(request, item_id: int, **kwargs) -> PlanItem:
    return per_request(
        request,
        f"_pathways_item_{item_id}",
        lambda: get_object_or_404(PlanItem.objects.select_related("plan__learner"), pk=item_id),
    )


def item_learner(request, item_id: int, **kwargs) -> User:
    return item_of(request, item_id).plan.learner


def experience_of(request, experience_id: int, **kwargs) -> LearningExperience:
    return per_request(
        request,
        f"_pathways_experience_{experience_id}",
        lambda: selectors.experience_get(experience_id=experience_id, user=request.user),
    )
