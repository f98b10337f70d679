"""Correcting a recorded score: the learner's educator changes what was recorded, with a
reason; the estimate is recomputed and the correction is shown on the estimate page."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from continuum.evidence.forms_corrections import CorrectionForm
from continuum.evidence.models import Evidence
from continuum.evidence.selectors.corrections import correction_list
from continuum.evidence.services.recording import evidence_update
from continuum.frameworks.public import scales_for
from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.lib.per_request import cached


def _evidence(request, evidence_id: int) -> Evidence:
    return cached(request, Evidence, evidence_id, "learner", "target", "assessment", "scorer")


def _learner(request, evidence_id: int, **kwargs):
    return _evidence(request, evidence_id).learner


@requires("evidence.record_evidence", fn=_learner)
@require_http_methods(["GET", "POST"])
def evidence_correct(request, evidence_id: int):
    evidence = _evidence(request, evidence_id)
    scale = scales_for([evidence.target])[evidence.target_id]
    form = CorrectionForm(request.POST or None, evidence=evidence, scale=scale)

    def save():
        evidence_update(evidence=evidence, by=request.user, **form.values())

    if submitted(request, form, save, _("Score corrected; the estimate is recalculated.")):
        return redirect("learner_estimate", evidence.learner_id, evidence.target_id)
    corrections = correction_list(
        learner=evidence.learner, target=evidence.target, scale=scale, evidence=evidence
    )
    context = {
        "evidence": evidence,
        "learner": evidence.learner,
        "target": evidence.target,
        "form": form,
        "corrections": corrections,
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "evidence/evidence_correct.html", context, status=status)
