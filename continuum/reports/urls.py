from django.urls import path

from continuum.reports import views

CARD = "learners/<int:learner_id>/periods/<int:period_id>/"

urlpatterns = [
    path("", views.report_card_home, name="report_card_home"),
    path(CARD, views.report_card, name="report_card"),
    path(f"{CARD}pdf/", views.report_card_download, name="report_card_pdf"),
    path(f"{CARD}observations/", views.report_observations, name="report_observations"),
    path("periods/", views.period_list, name="report_period_list"),
    path("periods/<int:period_id>/", views.period_edit, name="report_period_edit"),
    path("habits/", views.work_habit_add, name="report_work_habit_add"),
    path("batches/", views.report_batch_list, name="report_batch_list"),
    path("batches/<int:batch_id>/", views.report_batch, name="report_batch"),
    path("batches/<int:batch_id>/zip/", views.report_batch_download, name="report_batch_zip"),
]
