"""integrations URLs: CSV import of scores, API tokens, batch recompute."""

from django.urls import path

from continuum.integrations import views as integrations

urlpatterns = [
    path("", integrations.integrations_home, name="integrations"),
    path("import/", integrations.scores_import, name="integrations_import"),
    path(
        "import/template.csv",
        integrations.scores_template,
        name="integrations_import_template",
    ),
    path("tokens/", integrations.token_list, name="integrations_tokens"),
    path(
        "tokens/<int:token_id>/revoke/",
        integrations.token_revoke,
        name="integrations_token_revoke",
    ),
    path("recompute/", integrations.recompute, name="integrations_recompute"),
]
