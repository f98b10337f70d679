from django.urls import path

from continuum.api.v1 import api

urlpatterns = [path("", api.urls)]
