"""What both gradebook views look up from a URL: the section (among the educator's), a
learner in it, a target the educator may see, which grid is shown, and the error HTMX puts
in the live region. Kept apart so the cell views need nothing private of the grid's."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import format_html
from django.utils.translation import gettext as _

from continuum.evidence.selectors import gradebook as selectors
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import target_visible
from continuum.people.models import Section, User


def section_or_404(request, section_id: int) -> Section:
    try:
        return selectors.gradebook_section_get(user=request.user, section_id=section_id)
    except Section.DoesNotExist:
        raise Http404(_("No such section among yours.")) from None


def learner_or_404(section: Section, learner_id: int) -> User:
    try:
        return selectors.gradebook_learner_get(section=section, learner_id=learner_id)
    except User.DoesNotExist:
        raise Http404(_("That learner is not in this section.")) from None


def target_or_404(request, target_id: int) -> FrameworkItem:
    return get_object_or_404(target_visible(user=request.user), pk=target_id)


def grid_view(value: str | None) -> selectors.View:
    return "evidence" if value == "evidence" else "estimate"


def problem_response(message: str, status: int) -> HttpResponse:
    """An error for the live region: HTMX puts it there and leaves the grid untouched."""
    response = HttpResponse(format_html('<span class="gb-error">{}</span>', message), status=status)
    response["HX-Retarget"] = "#gb-status"
    response["HX-Reswap"] = "innerHTML"
    return response
