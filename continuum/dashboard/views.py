"""The learner dashboard: where a learner is on the continuum and what comes next."""

from django.shortcuts import render
from django.utils import timezone

from continuum.dashboard import selectors
from continuum.dashboard.pace import pace_lines
from continuum.evidence.models import EstimateStatus
from continuum.lib.access import requires
from continuum.people.public import learner_of
from continuum.supports.public import learner_paces


@requires("dashboard.view_dashboard", fn=learner_of)
def learner_dashboard(request, learner_id: int):
    learner = learner_of(request, learner_id)
    is_self = request.user.pk == learner.pk
    paces = (
        pace_lines(
            list(learner_paces(learner)),
            today=timezone.localdate(),
            you=is_self,
            name=learner.first_name or learner.display_name,
        )
        if request.user.has_perm("supports.view_pace", learner)
        else []
    )
    context = {
        "learner": learner,
        "dashboard": selectors.dashboard_get(learner=learner),
        "is_self": is_self,
        "statuses": list(EstimateStatus),
        "paces": paces,
    }
    return render(request, "dashboard/learner_dashboard.html", context)
