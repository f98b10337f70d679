from django.urls import path

from continuum.frameworks import case_views

urlpatterns = [
    path("import/", case_views.case_import, name="case_import"),
]
