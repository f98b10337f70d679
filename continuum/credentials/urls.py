"""Credits and certificates, their signed badges and CLR, the issuer's public pages and
verification, under /credentials/."""

from django.urls import path

from continuum.credentials import views

urlpatterns = [
    path("me/", views.my_credentials, name="my_credentials"),
    path("learners/<int:learner_id>/", views.learner_credentials, name="learner_credentials"),
    path("awards/<int:award_id>/revoke/", views.award_revoke_view, name="award_revoke"),
    path("learners/<int:learner_id>/badges/", views.learner_badges, name="learner_badges"),
    path("learners/<int:learner_id>/clr/", views.learner_clr, name="learner_clr"),
    path("awards/<int:award_id>/badge/", views.award_badge, name="award_badge"),
    path("issuers/<int:district_id>/", views.credential_issuer, name="credential_issuer"),
    path(
        "issuers/<int:district_id>/keys/",
        views.credential_issuer_keys,
        name="credential_issuer_keys",
    ),
    path(
        "issuers/<int:district_id>/status/",
        views.credential_issuer_status,
        name="credential_issuer_status",
    ),
    path("verify/", views.credential_verify_page, name="credential_verify"),
    path(
        "verify/<uuid:credential_uuid>/",
        views.credential_verify_link,
        name="credential_verify_link",
    ),
]
