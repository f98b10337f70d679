"""Mounted at ``ims/case/v1p1/``: the CASE 1.1 provider endpoints and the import pages."""

from django.urls import path

from continuum.frameworks import case_views

# The CFDefinitions parts served one object at a time, and their URL names.
_DEFINITIONS = {
    "CFConcepts": "case_concept",
    "CFSubjects": "case_subject",
    "CFLicenses": "case_license",
    "CFItemTypes": "case_item_type",
    "CFAssociationGroupings": "case_association_grouping",
}

urlpatterns = [
    path("CFPackages/<str:identifier>", case_views.case_package, name="case_package"),
    path("CFDocuments", case_views.case_documents, name="case_documents"),
    path("CFDocuments/<str:identifier>", case_views.case_document, name="case_document"),
    path("CFItems/<str:identifier>", case_views.case_item, name="case_item"),
    path("CFAssociations/<str:identifier>", case_views.case_association, name="case_association"),
    path(
        "CFItemAssociations/<str:identifier>",
        case_views.case_item_associations,
        name="case_item_associations",
    ),
    path("CFRubrics/<str:identifier>", case_views.case_rubric, name="case_rubric"),
    *(
        path(
            f"{part}/<str:identifier>",
            case_views.case_definition,
            {"part": part},
            name=name,
        )
        for part, name in _DEFINITIONS.items()
    ),
    path("import/", case_views.case_import, name="case_import"),
    path("import/<int:import_id>/", case_views.case_import_status, name="case_import_status"),
    path(
        "import/<int:import_id>/confirm/",
        case_views.case_import_confirm_view,
        name="case_import_confirm",
    ),
]
