"""The portfolio: a learner's uploaded work, its permission-checked download, and the
educator's review (accept as evidence at a level, or return with a note)."""

from functools import partial

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuum.evidence.models import Artifact
from continuum.frameworks.public import scales_for
from continuum.learning import forms
from continuum.learning.selectors.portfolio import portfolio_target_list
from continuum.learning.services import portfolio as services
from continuum.learning.views.anchors import artifact_anchor
from continuum.learning.views.learner import abilities
from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.lib.per_request import cached
from continuum.people.public import learner_of


def _artifact(request, artifact_id: int, **kwargs) -> Artifact:
    return cached(request, Artifact, artifact_id, "learner", "reviewed_by")


def _learner(request, artifact_id: int, **kwargs):
    return _artifact(request, artifact_id).learner


@requires("evidence.view_record", fn=learner_of)
def portfolio(request, learner_id: int):
    learner = learner_of(request, learner_id)
    artifacts = Artifact.objects.filter(learner=learner).prefetch_related("targets")
    context = {"learner": learner, "artifacts": artifacts, **abilities(request.user, learner)}
    return render(request, "learning/portfolio_list.html", context)


@requires("evidence.upload_artifact", fn=learner_of)
@require_http_methods(["GET", "POST"])
def artifact_upload(request, learner_id: int):
    learner = learner_of(request, learner_id)
    chosen = request.GET.get("target")
    form = forms.ArtifactUploadForm(
        request.POST or None,
        request.FILES or None,
        targets=portfolio_target_list(learner=learner, chosen=chosen),
        initial={"targets": [chosen]} if chosen else None,
    )

    saved = []

    def save():
        data = form.cleaned_data
        saved.append(
            services.artifact_upload(
                learner=learner,
                by=request.user,
                upload=data["file"],
                title=data["title"],
                targets=data["targets"],
                reflection=data["reflection"],
            )
        )

    if submitted(request, form, save, _("Your work is in your portfolio, waiting for review.")):
        # Back to the portfolio, at the new work's row rather than the top of the list.
        return redirect(artifact_anchor(saved[0]))
    return render(request, "learning/portfolio_upload.html", {"learner": learner, "form": form})


def _detail(request, artifact: Artifact, validate_form=None, return_form=None):
    targets = list(artifact.targets.all())
    scales = scales_for(targets)
    context = {
        "artifact": artifact,
        "learner": artifact.learner,
        "targets": targets,
        "evidence": artifact.evidence.select_related("target", "scorer"),
        "validate_form": validate_form
        or forms.ArtifactValidateForm(artifact=artifact, targets=targets, scales=scales),
        "return_form": return_form or forms.NoteForm(),
        "can_validate": request.user.has_perm("evidence.validate_artifact", artifact.learner),
        **abilities(request.user, artifact.learner),
    }
    return render(request, "learning/portfolio_detail.html", context)


@requires("evidence.view_record", fn=_learner)
def artifact_detail(request, artifact_id: int):
    return _detail(request, _artifact(request, artifact_id))


@requires("evidence.view_record", fn=_learner)
def artifact_download(request, artifact_id: int):
    artifact = _artifact(request, artifact_id)
    try:
        handle = artifact.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file of this work is missing.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=artifact.original_name,
        content_type=artifact.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@requires("evidence.validate_artifact", fn=_learner)
@require_POST
def artifact_validate(request, artifact_id: int):
    artifact = _artifact(request, artifact_id)
    targets = list(artifact.targets.all())
    form = forms.ArtifactValidateForm(
        request.POST, artifact=artifact, targets=targets, scales=scales_for(targets)
    )

    def save():
        services.artifact_validate(
            artifact=artifact,
            by=request.user,
            levels=form.levels(),
            feedback=form.cleaned_data["feedback"],
        )

    if submitted(request, form, save, _("Accepted as evidence; the estimates are updated.")):
        return redirect("artifact_detail", artifact_id=artifact.pk)
    return _detail(request, artifact, validate_form=form)


@requires("evidence.validate_artifact", fn=_learner)
@require_POST
def artifact_return(request, artifact_id: int):
    artifact = _artifact(request, artifact_id)
    form = forms.NoteForm(request.POST)
    save = partial(services.artifact_return, artifact=artifact, by=request.user)
    if submitted(request, form, lambda: save(**form.cleaned_data), _("Returned to the learner.")):
        return redirect("learner_requests")
    return _detail(request, artifact, return_form=form)
