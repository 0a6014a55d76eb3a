from django.urls import path

from ptdv.notices import views

app_name = "notices"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("da-doc/", views.mark_read, name="mark-read"),
]
