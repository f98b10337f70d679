from django.urls import path

from continuum.family import views

urlpatterns = [
    path("", views.family_home, name="family_home"),
    path("learners/<int:learner_id>/", views.family_learner, name="family_learner"),
    path("language/", views.family_language, name="family_language"),
]
