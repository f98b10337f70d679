from django.contrib.auth import views as auth_views
from django.urls import path

from continuum.people import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("sections/", views.section_list, name="section_list"),
    path("sections/<int:section_id>/", views.section_detail, name="section_detail"),
    path("learners/", views.learner_list, name="learner_list"),
    path("learners/<int:learner_id>/", views.learner_detail, name="learner_detail"),
]
