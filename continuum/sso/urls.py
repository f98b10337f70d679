from django.urls import path

from continuum.sso import views

urlpatterns = [
    path("", views.sso_settings, name="sso_settings"),
    path("providers/new/", views.sso_provider_add, name="sso_provider_add"),
    path("providers/<int:provider_id>/", views.sso_provider_edit, name="sso_provider_edit"),
    path(
        "providers/<int:provider_id>/delete/",
        views.sso_provider_delete,
        name="sso_provider_delete",
    ),
    path("start/<int:provider_id>/", views.sso_start, name="sso_start"),
    path("mfa/", views.sso_mfa_verify, name="sso_mfa_verify"),
]
