from django.urls import path

from ptdv.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.read_log, name="read-log"),
]
