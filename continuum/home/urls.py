"""The home page, at /."""

from django.urls import path

from continuum.home import views

urlpatterns = [path("", views.home, name="home")]
