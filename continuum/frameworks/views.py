"""The continuum browser."""

from django.shortcuts import render

from continuum.frameworks import selectors
from continuum.lib.access import requires


@requires("frameworks.view_framework")
def framework_list(request):
    return render(
        request, "frameworks/framework_list.html", {"frameworks": selectors.framework_list()}
    )
