"""Credits pages: a learner's own credits and certificates, the staff page for one
learner with the revoke form, and the revocation itself; a learner's signed badges and
CLR; the issuer's public profile, keys and status list; the public verification page."""

import json
import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from continuum.credentials import selectors
from continuum.credentials.badges import JWT_MEDIA_TYPE, enveloped
from continuum.credentials.forms import RevokeForm, VerifyForm
from continuum.credentials.models import Award, IssuedCredential
from continuum.credentials.services.awards import award_revoke
from continuum.credentials.services.issuing import (
    badges_issue,
    clr_issue,
    issuer_profile_of,
    status_list_sign,
)
from continuum.credentials.verification import credential_verify
from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.people.models import Organization, User
from continuum.people.public import learner_of


def award_learner(request, award_id: int, **kwargs) -> User:
    return get_object_or_404(Award.objects.select_related("learner"), pk=award_id).learner


@requires("credentials.view_own_credentials")
def my_credentials(request):
    found = selectors.learner_credentials_get(learner=request.user)
    return render(request, "credentials/mine.html", {"credentials": found})


def _learner_page(request, learner: User, form: RevokeForm | None = None, failed: int = 0):
    context = {
        "credentials": selectors.learner_credentials_get(learner=learner),
        "learner": learner,
        "can_revoke": request.user.has_perm("credentials.revoke_award", learner),
        "form": form or RevokeForm(),
        "failed": failed,
    }
    return render(request, "credentials/learner.html", context)


@requires("credentials.view_credentials", fn=learner_of)
def learner_credentials(request, learner_id: int):
    return _learner_page(request, learner_of(request, learner_id))


@require_POST
@requires("credentials.view_credentials", fn=award_learner)
def award_revoke_view(request, award_id: int):
    award = get_object_or_404(Award, pk=award_id)
    if not request.user.has_perm("credentials.revoke_award", award.learner):
        raise PermissionDenied(_("Only the learner's counselor, leaders and admins can revoke."))
    form = RevokeForm(request.POST)
    if submitted(
        request,
        form,
        lambda: award_revoke(award=award, by=request.user, reason=form.cleaned_data["reason"]),
        _("The award was revoked."),
    ):
        return redirect("learner_credentials", award.learner_id)
    return _learner_page(request, award.learner, form, failed=award.pk)


# Signed credentials: downloads for those who may see the learner, public issuer pages and
# verification for anyone (employers and colleges have no account here).


def _attachment(document: dict | str, filename: str, content_type: str) -> HttpResponse:
    body = document if isinstance(document, str) else json.dumps(document, indent=2)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _public_json(document: dict) -> JsonResponse:
    response = JsonResponse(document, json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # verifiers elsewhere read it
    return response


@requires("credentials.download_credentials", fn=learner_of)
def learner_badges(request, learner_id: int):
    learner = learner_of(request, learner_id)
    found = selectors.issued_credential_list(learner=learner)
    return render(request, "credentials/badges.html", {"learner": learner, "issued": found})


@requires("credentials.download_credentials", fn=award_learner)
def award_badge(request, award_id: int):
    award = get_object_or_404(Award.objects.select_related("learner__organization"), pk=award_id)
    badge = IssuedCredential.objects.filter(
        award=award, kind=IssuedCredential.Kind.OPEN_BADGE
    ).first()
    if badge is None and award.live:
        badge = badges_issue(awards=[award])[0]
    if badge is None:
        raise Http404(_("This award was revoked before it was issued as a badge."))
    return _attachment(enveloped(badge.token), f"badge-{badge.uuid}.json", "application/json")


@requires("credentials.download_credentials", fn=learner_of)
def learner_clr(request, learner_id: int):
    record = clr_issue(learner=learner_of(request, learner_id))
    return _attachment(enveloped(record.token), f"clr-{record.uuid}.json", "application/json")


def _district(district_id: int) -> Organization:
    return get_object_or_404(Organization, pk=district_id, kind=Organization.Kind.DISTRICT)


@require_GET
def credential_issuer(request, district_id: int):
    return _public_json(issuer_profile_of(_district(district_id)))


@require_GET
def credential_issuer_keys(request, district_id: int):
    keys = selectors.issuer_key_list(district=_district(district_id))
    return _public_json({"keys": [{**key.public_jwk, "kid": key.kid} for key in keys]})


@require_GET
def credential_issuer_status(request, district_id: int):
    district = _district(district_id)
    if not selectors.issuer_key_list(district=district).exists():
        raise Http404(_("This district has issued no credentials."))
    response = HttpResponse(status_list_sign(district=district), content_type=JWT_MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def credential_verify_page(request):
    form, verdict = VerifyForm(), None
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            verdict = credential_verify(form.cleaned_data["text"])
    return render(request, "credentials/verify.html", {"form": form, "verdict": verdict})


@require_GET
def credential_verify_link(request, credential_uuid: uuid.UUID):
    issued = get_object_or_404(IssuedCredential, uuid=credential_uuid)
    context = {"form": VerifyForm(), "verdict": credential_verify(issued.token), "link": issued}
    return render(request, "credentials/verify.html", context)
