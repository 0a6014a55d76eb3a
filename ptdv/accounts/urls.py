from django.urls import path

from ptdv.accounts import two_factor_views, views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("xac-minh/", two_factor_views.verify, name="verify"),
    path("xac-thuc-hai-lop/", two_factor_views.enrol, name="two-factor"),
    path("xac-thuc-hai-lop/ma-du-phong/", two_factor_views.recovery_codes, name="recovery-codes"),
    path("xac-thuc-hai-lop/tat/", two_factor_views.turn_off, name="two-factor-off"),
]
