"""xapi URLs: the LRS statements resource and the district admin's page."""

from django.urls import path

from continuum.xapi import views

urlpatterns = [
    path("statements", views.statements, name="xapi_statements"),
    path("admin/", views.xapi_admin, name="xapi_admin"),
    path(
        "admin/clients/<int:client_id>/revoke/",
        views.xapi_client_revoke_view,
        name="xapi_client_revoke",
    ),
]
