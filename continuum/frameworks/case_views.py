"""CASE import page and the CASE REST endpoint."""

from django.http import HttpResponse

from continuum.lib.access import requires


@requires("frameworks.import_framework")
def case_import(request):
    return HttpResponse("CASE import is being built.")
