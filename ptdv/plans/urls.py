from django.urls import path

from ptdv.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("moi/", views.plan_new, name="new"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/thu-hoi/", views.plan_withdraw, name="withdraw"),
    path("<int:pk>/chi-tieu/", views.plan_quotas, name="quotas"),
]
