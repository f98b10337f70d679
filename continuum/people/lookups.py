"""The learner a page's URL names, shared by every app's learner pages.

The permission check (``lib.access.requires``) and the view both need the learner, so it is
loaded once per request. Only learners have learner pages: any other account answers 404,
as a refused object does everywhere (docs/security.md).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from continuum.lib.per_request import per_request
from continuum.people.models import Role, User


def learner_of(request, learner_id: int, **_) -> User:
    learner = per_request(
        request,
        f"_learner_{learner_id}",
        lambda: get_object_or_404(User.objects.select_related("organization"), pk=learner_id),
    )
    if learner.role != Role.LEARNER:
        raise Http404("Only learners have learner pages.")
    return learner
