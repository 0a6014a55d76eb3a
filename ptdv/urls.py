from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; send them to the static icon
    (resolved per request: the production file names come from collectstatic's manifest)."""
    return HttpResponsePermanentRedirect(static("ptdv/favicon.svg"))


urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("quan-tri/", admin.site.urls),
    path("tai-khoan/", include("ptdv.accounts.urls")),
    path("api/", include("ptdv.api.urls")),
    path("nhat-ky/", include("ptdv.audit.urls")),
    path("thong-bao/", include("ptdv.notices.urls")),
    path("lop-boi-duong/", include("ptdv.training.urls")),
    path("ke-hoach/", include("ptdv.plans.urls")),
    path("nhap-du-lieu/", include("ptdv.exchange.urls")),
    path("favicon.ico", favicon),
    path("", include("ptdv.web.urls")),
]

# Vietnamese error pages in the product's layout; JSON under /api/ (ptdv.web.errors).
handler400 = "ptdv.web.errors.bad_request"
handler403 = "ptdv.web.errors.permission_denied"
handler404 = "ptdv.web.errors.page_not_found"
handler500 = "ptdv.web.errors.server_error"
