from django.urls import path

from ptdv.training import views

app_name = "training"
urlpatterns = [
    path("", views.class_list, name="list"),
    path("moi/", views.class_new, name="new"),
    path("<int:pk>/", views.class_detail, name="class"),
    path("<int:pk>/ghi-danh/", views.class_enrol, name="enrol"),
    path("<int:pk>/ket-qua/", views.class_results, name="results"),
    path("<int:pk>/in/", views.class_print, name="print"),
    path("<int:pk>/excel/", views.class_export, name="export"),
]
