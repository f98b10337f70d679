"""The learning experiences catalog: everyone signed in browses their district's entries
with filters; educators and leaders curate their school's; community partners keep their
own opportunities. Another district's entry is a 404 (decision 0009)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from continuum.frameworks.public import target_visible
from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.lib.paging import paged
from continuum.pathways import selectors, services
from continuum.pathways.forms import ExperienceForm
from continuum.pathways.models import LearningExperience
from continuum.pathways.views.common import experience_of

CATALOG_PAGE_SIZE = 24


@requires("pathways.view_catalog")
def experience_list(request):
    target_id = request.GET.get("target", "")
    target = (
        get_object_or_404(target_visible(user=request.user), pk=target_id)
        if target_id.isdigit()
        else None
    )
    interest = request.GET.get("interest", "")
    setting = request.GET.get("setting", "")
    if setting not in LearningExperience.Setting.values:
        setting = ""
    curating = request.user.has_perm("pathways.add_experience")
    found = selectors.experience_list(
        user=request.user, target=target, interest=interest, setting=setting
    )
    listed = paged(request, found, size=CATALOG_PAGE_SIZE)
    context = {
        "experiences": listed.page,
        "paged": listed,
        "target": target,
        "interest": interest,
        "setting": setting,
        "targets": selectors.catalog_targets(user=request.user),
        "interests": selectors.catalog_interests(user=request.user),
        "settings": LearningExperience.Setting.choices,
        "can_add": curating,
        "filtered": bool(target or interest or setting),
    }
    return render(request, "pathways/experience_list.html", context)


@requires("pathways.view_catalog")
def experience_detail(request, experience_id: int):
    experience = experience_of(request, experience_id)
    can_change = request.user.has_perm("pathways.change_experience", experience)
    if not experience.active and not can_change:
        raise PermissionDenied("This experience is no longer offered.")
    context = {"experience": experience, "can_change": can_change}
    return render(request, "pathways/experience_detail.html", context)


def _edit(request, experience: LearningExperience | None):
    form = ExperienceForm(
        request.POST if request.method == "POST" else None,
        instance=experience,
        targets=selectors.experience_target_choices(user=request.user),
        initial={"targets": list(experience.targets.all())} if experience else None,
    )
    saved_as = []

    def save():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "targets"}
        saved_as.append(
            services.experience_save(
                by=request.user,
                fields=fields,
                targets=form.cleaned_data["targets"],
                experience=experience,
            )
        )

    if submitted(request, form, save, _("Experience saved.")):
        return redirect("experience_detail", experience_id=saved_as[0].pk)
    return render(
        request, "pathways/experience_form.html", {"form": form, "experience": experience}
    )


@requires("pathways.add_experience")
def experience_create(request):
    return _edit(request, None)


@requires("pathways.change_experience", fn=experience_of)
def experience_edit(request, experience_id: int):
    return _edit(request, experience_of(request, experience_id))


@requires("pathways.view_catalog")
def partner_list(request):
    return render(
        request,
        "pathways/partner_list.html",
        {"partners": selectors.partner_list(user=request.user)},
    )
