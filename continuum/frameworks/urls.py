from django.urls import path

from continuum.frameworks import views

urlpatterns = [
    path("", views.framework_list, name="framework_list"),
]
