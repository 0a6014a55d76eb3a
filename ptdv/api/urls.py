from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from ptdv.api import views

router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("villages", views.VillageViewSet, basename="village")
router.register("persons", views.PersonViewSet, basename="person")
router.register("members", views.PartyMemberViewSet, basename="member")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
]
