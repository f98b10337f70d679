"""Heatmaps: a section's learners × targets and a school's targets × sections.

Sorting is server-side (``?sort=`` for rows, ``?cols=`` for columns: name, not_yet, level);
HTMX swaps just the map. A section's rows are learners, who are never ranked: by name, or
by need on one target (``?sort=need-<id>``). Every cell links to the evidence behind it.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from continuum.evidence.public import gradebook_framework_list
from continuum.insights.selectors import charts
from continuum.insights.selectors import heatmap as selectors
from continuum.lib.access import requires
from continuum.people.models import Organization, Role, Section
from continuum.people.public import school_list, section_list

SORTS = [
    ("name", _("Name")),
    ("not_yet", _("Most not yet")),
    ("level", _("Lowest mean level")),
]


def section_of(request, section_id: int, **kwargs) -> Section:
    """The section, looked up once per request (the permission check and the view share it)."""
    if not hasattr(request, "_insights_section"):
        queryset = Section.objects.select_related("school__parent")
        request._insights_section = get_object_or_404(queryset, pk=section_id)
    return request._insights_section


def school_of(request, school_id: int, **kwargs) -> Organization:
    if not hasattr(request, "_insights_school"):
        queryset = Organization.objects.select_related("parent")
        school = get_object_or_404(queryset, pk=school_id, kind=Organization.Kind.SCHOOL)
        request._insights_school = school
    return request._insights_school


@requires("insights.use_insights")
def insights_home(request):
    sections = section_list(user=request.user)
    schools = (
        school_list(user=request.user)
        if request.user.role == Role.DISTRICT_ADMIN
        else Organization.objects.filter(pk=request.user.organization_id)
        if request.user.role == Role.LEADER
        else Organization.objects.none()
    )
    return render(request, "insights/home.html", {"sections": sections, "schools": schools})


def _framework(request, frameworks):
    chosen = request.GET.get("framework")
    framework = next((f for f in frameworks if str(f.pk) == chosen), None)
    if framework is None and not frameworks:
        raise Http404(_("No framework has learning targets yet."))
    return framework or frameworks[0]


def _render(request, template: str, context: dict):
    context |= {"sorts": SORTS, "legend": selectors.LEGEND}
    if request.htmx and request.htmx.target == "heatmap":
        return render(request, f"{template}#map", context)
    return render(request, template, context)


@requires("insights.view_section", fn=section_of)
def section_heatmap(request, section_id: int):
    section = section_of(request, section_id)
    frameworks = gradebook_framework_list(section=section)
    framework = _framework(request, frameworks)
    heatmap = selectors.section_heatmap(
        section=section,
        framework=framework,
        sort=request.GET.get("sort"),
        columns_sort=selectors.sort_key(request.GET.get("cols")),
    )
    context = {
        "section": section,
        "frameworks": frameworks,
        "framework": framework,
        "heatmap": heatmap,
        "can_group": request.user.has_perm("insights.manage_groups", section),
        "struggle_chart": charts.struggle_bars(heatmap),
        "row_sorts": [("name", _("Name"))],
    }
    return _render(request, "insights/section_heatmap.html", context)


@requires("insights.view_school", fn=school_of)
def school_heatmap(request, school_id: int):
    school = school_of(request, school_id)
    frameworks = selectors.heatmap_frameworks()
    framework = _framework(request, frameworks)
    heatmap = selectors.school_heatmap(
        school=school,
        framework=framework,
        sort=selectors.sort_key(request.GET.get("sort")),
        columns_sort=selectors.sort_key(request.GET.get("cols")),
    )
    context = {
        "school": school,
        "frameworks": frameworks,
        "framework": framework,
        "heatmap": heatmap,
        "row_sorts": SORTS,
        "struggle_chart": charts.struggle_bars(heatmap),
        "section_chart": charts.section_bars(heatmap),
    }
    return _render(request, "insights/school_heatmap.html", context)
