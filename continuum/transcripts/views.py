"""Transcripts (page, issued PDF), withdrawing an issued one, the public verification page,
and the school's conversion table.

The URLs name the learner ``learner_pk``: the services record each read as a report
disclosure themselves (see services.py).
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.family.public import family_children
from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.lib.per_request import per_request
from continuum.people.models import User
from continuum.people.public import learner_of
from continuum.transcripts import selectors, services
from continuum.transcripts.conversion import rows_text
from continuum.transcripts.documents import transcript_pdf
from continuum.transcripts.forms import ConversionForm, RevokeForm
from continuum.transcripts.models import TranscriptIssue


def _learner(request, learner_pk: int, **_kwargs) -> User:
    return learner_of(request, learner_pk)


def _issue_of(request, issue_id: int) -> TranscriptIssue:
    return per_request(
        request, f"_issue_{issue_id}", lambda: get_object_or_404(TranscriptIssue, pk=issue_id)
    )


def _issue_learner(request, issue_id: int, **_kwargs) -> User:
    return learner_of(request, _issue_of(request, issue_id).learner_id)


@requires("transcripts.open_my_transcripts")
def transcript_home(request):
    return render(
        request, "transcripts/home.html", {"children": family_children(user=request.user)}
    )


@requires("transcripts.view_transcript", fn=_learner)
def transcript(request, learner_pk: int, form: RevokeForm | None = None):
    learner = _learner(request, learner_pk)
    context = {
        "transcript": services.transcript_read(
            learner=learner, viewer=request.user, what="transcript", today=timezone.localdate()
        ),
        "issues": selectors.issue_list(learner=learner),
        "can_revoke": request.user.has_perm("transcripts.revoke_transcript", learner),
        "revoke_form": form or RevokeForm(),
    }
    return render(request, "transcripts/transcript.html", context)


@require_POST
@requires("transcripts.view_transcript", fn=_learner)
def transcript_issue(request, learner_pk: int):
    """Issue the document and hand it over as a PDF with its verification link."""
    issue, found = services.transcript_issue(
        learner=_learner(request, learner_pk),
        by=request.user,
        today=timezone.localdate(),
        now=timezone.now(),
    )
    url = request.build_absolute_uri(reverse("transcript_verify", args=[issue.token]))
    response = HttpResponse(
        transcript_pdf(transcript=found, issue=issue, verify_url=url), "application/pdf"
    )
    name = f"transcript-{found.learner.username}-{issue.issued_at:%Y-%m-%d}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@requires("transcripts.revoke_transcript", fn=_issue_learner)
def transcript_issue_revoke(request, issue_id: int):
    issue = _issue_of(request, issue_id)
    form = RevokeForm(request.POST)
    done = submitted(
        request,
        form,
        lambda: services.transcript_issue_revoke(
            issue=issue, by=request.user, reason=form.cleaned_data["reason"], now=timezone.now()
        ),
        _("Withdrawn. Its verification link now says so."),
    )
    if done:
        return redirect("transcript", learner_pk=issue.learner_id)
    return transcript(request, learner_pk=issue.learner_id, form=form)


def transcript_verify(request, token: str):
    """Public: anyone holding the document may check it; it shows only what it showed."""
    found = services.transcript_verify(token=token, today=timezone.localdate())
    return render(request, "transcripts/verify.html", {"verification": found})


@requires("transcripts.manage_conversions")
def transcript_conversion(request):
    school = request.user.organization
    if school is None:
        raise Http404("A leader without a school has no table.")
    versions = list(selectors.conversion_list(school_id=school.pk))
    initial = {"rows": rows_text(versions[0].rows)} if versions else None
    form = ConversionForm(request.POST or None, initial=initial)
    if submitted(
        request,
        form,
        lambda: services.grade_conversion_save(
            school=school,
            by=request.user,
            text=form.cleaned_data["rows"],
            effective_from=form.cleaned_data["effective_from"],
            reason=form.cleaned_data["reason"],
        ),
        _("Saved as a new version of the table."),
    ):
        return redirect("transcript_conversion")
    context = {"form": form, "versions": versions, "school": school}
    return render(request, "transcripts/conversion.html", context)
