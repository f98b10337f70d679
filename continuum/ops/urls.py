from django.urls import path

from continuum.ops import views

urlpatterns = [path("healthz", views.healthz, name="healthz")]
