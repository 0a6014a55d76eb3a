from django.urls import path

from ptdv.exchange import views

app_name = "exchange"
urlpatterns = [
    path("", views.jobs, name="jobs"),
    path("mau/<slug:kind>/", views.template, name="template"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/tien-do/", views.job_progress, name="progress"),
    path("<int:pk>/xac-nhan/", views.job_confirm, name="confirm"),
]
