from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("quan-tri/", admin.site.urls),
    path("tai-khoan/", include("ptdv.accounts.urls")),
    path("api/", include("ptdv.api.urls")),
    path("nhat-ky/", include("ptdv.audit.urls")),
    path("thong-bao/", include("ptdv.notices.urls")),
    path("lop-boi-duong/", include("ptdv.training.urls")),
    path("", include("ptdv.web.urls")),
]
