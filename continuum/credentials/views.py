"""Credits pages: a learner's own credits and certificates, the staff page for one
learner with the revoke form, and the revocation itself."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.credentials import selectors
from continuum.credentials.forms import RevokeForm
from continuum.credentials.models import Award
from continuum.credentials.services.awards import award_revoke
from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.people.models import User
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
