from django.urls import path

from ptdv.accounts import token_views, views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("khoa-api/", token_views.create, name="token-create"),
    path("khoa-api/<str:key>/thu-hoi/", token_views.revoke, name="token-revoke"),
]
