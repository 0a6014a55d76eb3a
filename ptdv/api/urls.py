from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from ptdv.api import cases, views

router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("villages", views.VillageViewSet, basename="village")
router.register("persons", views.PersonViewSet, basename="person")
router.register("members", views.PartyMemberViewSet, basename="member")
router.register("cases", cases.CaseViewSet, basename="case")
router.register("deadlines", cases.DeadlineViewSet, basename="deadline")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
]
