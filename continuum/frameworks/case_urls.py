"""Mounted at ``ims/case/v1p1/``: the CASE provider endpoint and the import pages."""

from django.urls import path

from continuum.frameworks import case_views

urlpatterns = [
    path("CFPackages/<str:identifier>", case_views.case_package, name="case_package"),
    path("import/", case_views.case_import, name="case_import"),
    path("import/<int:import_id>/", case_views.case_import_status, name="case_import_status"),
]
