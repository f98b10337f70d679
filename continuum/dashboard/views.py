"""The learner dashboard: where a learner is on the continuum and what comes next."""

from django.shortcuts import render

from continuum.dashboard import selectors
from continuum.evidence.models import EstimateStatus
from continuum.lib.access import requires
from continuum.people.public import learner_of
from continuum.supports.public import learner_paces


@requires("dashboard.view_dashboard", fn=learner_of)
def learner_dashboard(request, learner_id: int):
    learner = learner_of(request, learner_id)
    context = {
        "learner": learner,
        "dashboard": selectors.dashboard_get(learner=learner),
        "is_self": request.user.pk == learner.pk,
        "statuses": list(EstimateStatus),
        "paces": learner_paces(learner)
        if request.user.has_perm("supports.view_pace", learner)
        else [],
    }
    return render(request, "dashboard/learner_dashboard.html", context)
