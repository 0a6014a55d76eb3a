from django.urls import path

from ptdv.accounts import self_service, token_views, two_factor_views, user_admin, views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("xac-minh/", two_factor_views.verify, name="verify"),
    path("xac-thuc-hai-lop/", two_factor_views.enrol, name="two-factor"),
    path("xac-thuc-hai-lop/ma-du-phong/", two_factor_views.recovery_codes, name="recovery-codes"),
    path("xac-thuc-hai-lop/tat/", two_factor_views.turn_off, name="two-factor-off"),
    path("doi-mat-khau/", self_service.PasswordChangeView.as_view(), name="password-change"),
    path(
        "dat-lai/<uidb64>/<token>/",
        self_service.PasswordResetConfirmView.as_view(),
        name="reset-confirm",
    ),
    path("dang-xuat-moi-noi/", self_service.sign_out_everywhere, name="sign-out-everywhere"),
    path("nguoi-dung/", user_admin.user_list, name="users"),
    path("nguoi-dung/moi/", user_admin.user_new, name="user-new"),
    path("nguoi-dung/<int:pk>/", user_admin.user_detail, name="user"),
    path("nguoi-dung/<int:pk>/kich-hoat/", user_admin.user_active, name="user-active"),
    path("nguoi-dung/<int:pk>/dat-lai-mat-khau/", user_admin.user_reset, name="user-reset"),
    path("nguoi-dung/<int:pk>/mo-khoa/", user_admin.user_unlock, name="user-unlock"),
    path(
        "nguoi-dung/<int:pk>/dat-lai-xac-thuc/",
        user_admin.user_two_factor_reset,
        name="user-two-factor-reset",
    ),
    path("khoa-api/", token_views.create, name="token-create"),
    path("khoa-api/<str:key>/thu-hoi/", token_views.revoke, name="token-revoke"),
]
