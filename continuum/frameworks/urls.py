from django.urls import path

from continuum.frameworks import authoring_views, views

urlpatterns = [
    path("", views.framework_list, name="framework_list"),
    path("<int:framework_id>/", views.framework_detail, name="framework_detail"),
    path("<int:framework_id>/graph/", views.framework_graph, name="framework_graph"),
    path("<int:framework_id>/sharing/", views.framework_sharing, name="framework_sharing"),
    path("<int:framework_id>/author/", authoring_views.framework_author, name="framework_author"),
    path("<int:framework_id>/items/new/", authoring_views.item_create, name="item_create"),
    path("items/<int:item_id>/move/", authoring_views.item_move, name="item_move"),
    path("items/<int:item_id>/reorder/", authoring_views.item_reorder, name="item_reorder"),
    path("items/<int:item_id>/retire/", authoring_views.item_retire, name="item_retire"),
    path("scales/<int:scale_id>/", views.scale_detail, name="scale_detail"),
    path("scales/<int:scale_id>/edit/", views.scale_edit, name="scale_edit"),
    path("items/<int:item_id>/", views.item_detail, name="item_detail"),
    path("items/<int:item_id>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:item_id>/descriptors/", views.descriptor_edit, name="descriptor_edit"),
    path("items/<int:item_id>/prerequisites/", views.prerequisite_edit, name="prerequisite_edit"),
    path(
        "items/<int:item_id>/prerequisites/<int:association_id>/remove/",
        views.prerequisite_remove,
        name="prerequisite_remove",
    ),
]
