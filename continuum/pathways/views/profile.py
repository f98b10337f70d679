"""The learner profile: the learner edits what is theirs; educators and the counselor
also see and edit accommodations; guardians read it without accommodations."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.pathways import selectors, services
from continuum.pathways.forms import AccommodationsForm, ProfileForm
from continuum.people.public import learner_of
from continuum.supports.public import learner_paces


@requires("pathways.view_pathway", fn=learner_of)
def profile(request, learner_id: int):
    learner = learner_of(request, learner_id)
    found = selectors.profile_get(learner=learner)
    can_edit = request.user.has_perm("pathways.edit_profile", learner)
    sees_accommodations = request.user.has_perm("pathways.view_accommodations", learner)
    initial = {name: getattr(found, name) for name in services.LEARNER_FIELDS}
    if request.method == "POST" and not can_edit:
        raise PermissionDenied("Only the learner, their educators and counselor edit it.")
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, initial=initial)
    extra = AccommodationsForm(data, initial={"accommodations": found.accommodations})

    def save():
        accommodations = None
        if sees_accommodations and extra.is_valid():
            accommodations = extra.cleaned_data["accommodations"]
        services.profile_update(
            learner=learner,
            by=request.user,
            changes=form.cleaned_data,
            accommodations=accommodations,
        )

    if submitted(request, form, save, _("Profile saved.")):
        return redirect("pathway_profile", learner_id=learner.pk)
    context = {
        "learner": learner,
        "profile": found,
        "form": form,
        "accommodations_form": extra,
        "can_edit": can_edit,
        "sees_accommodations": sees_accommodations,
        "is_self": request.user.pk == learner.pk,
        "experiences": selectors.experiences_for_interests(
            learner=learner, interests=found.interests
        ),
        "paces": learner_paces(learner)
        if request.user.has_perm("supports.view_pace", learner)
        else [],
    }
    return render(request, "pathways/profile.html", context)
