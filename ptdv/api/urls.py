from django.shortcuts import render
from django.urls import path, re_path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from ptdv.api import cases, dossier, org, regulation, reports, views
from ptdv.reports.catalogue import REPORTS

router = DefaultRouter()
router.register("units", org.UnitViewSet, basename="unit")
router.register("villages", org.VillageViewSet, basename="village")
router.register("persons", views.PersonViewSet, basename="person")
router.register("members", views.PartyMemberViewSet, basename="member")
router.register("cases", cases.CaseViewSet, basename="case")
for part, viewset in (
    ("documents", dossier.DocumentViewSet),
    ("verifications", dossier.VerificationViewSet),
    ("introductions", dossier.IntroductionViewSet),
    ("consents", dossier.ConsentViewSet),
):
    router.register(rf"cases/(?P<case_pk>[0-9]+)/{part}", viewset, basename=f"case-{part[:-1]}")
router.register("deadlines", cases.DeadlineViewSet, basename="deadline")
router.register("regulation/versions", regulation.RegulationVersionViewSet, basename="regulation-version")


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
def not_found(request, rest):
    """Any other address under /api/ (an id that is not a number, a typo): the API's JSON 404,
    after the same sign-in check as every endpoint, never Django's HTML page."""
    raise NotFound()


@extend_schema(exclude=True)
@api_view(["GET"])
def docs(request):
    """The API's reference, Swagger UI from vendored files (ptdv/web/static/vendor/swagger-ui),
    for signed-in users like the schema it reads."""
    return render(request._request, "web/api_docs.html")


urlpatterns = [
    # The schema maps every endpoint and field: for signed-in users only, like the API itself.
    path("schema/", SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]), name="schema"),
    path("docs/", docs, name="docs"),
    *router.urls,
    *(path(f"reports/{name}/", reports.endpoint(name), name=f"report-{name}") for name in REPORTS),
    re_path(r"^(?P<rest>.*)$", not_found),
]
