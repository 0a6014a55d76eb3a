"""The organisation in the API: units and villages, and the dated reorganisation acts.

Each act is the unit page's own (ptdv.web.views.units.REORGANISATION: its form and its
service in ptdv.org), so the API allows, refuses and records exactly what the page does;
only the organizing board reorganises (OrganizersWrite, as the page's require_organizer).
"""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from ptdv.api import serializers as s
from ptdv.api.formdata import as_form_data, body_of, submit
from ptdv.api.views import OrganizersWrite, ScopedViewSet
from ptdv.org import villages
from ptdv.org.models import Unit, Village
from ptdv.web import forms
from ptdv.web.views.units import REORGANISATION, SCOPED_FORMS


class UnitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    model = Unit
    serializer_class = s.UnitSerializer
    permission_classes = [OrganizersWrite]

    def get_queryset(self):
        return super().get_queryset().with_parent_id()

    def _act(self, request, act: str, unit: Unit, code=status.HTTP_200_OK) -> Response:
        form_class, run = REORGANISATION[act]
        kwargs = {"user": request.user} if act in SCOPED_FORMS else {}
        done = submit(form_class(as_form_data(request.data), **kwargs), lambda d: run(unit, d, request.user))
        shown = done if isinstance(done, Unit) and act == "child" else unit
        return Response(self.get_serializer(self.get_queryset().get(pk=shown.pk)).data, status=code)

    @extend_schema(request=s.UnitCreateSerializer, responses={201: s.UnitSerializer})
    def create(self, request):
        """A new unit under `parent` (a unit of the user's scope), established on `date`."""
        parent = s.scoped(Unit, request.user, as_form_data(request.data).get("parent", ""), "parent")
        return self._act(request, "child", parent, status.HTTP_201_CREATED)

    @extend_schema(request=body_of(forms.RenameForm), responses=s.UnitSerializer)
    @action(detail=True, methods=["post"])
    def rename(self, request, pk=None):
        return self._act(request, "rename", self.get_object())

    @extend_schema(request=body_of(forms.MoveForm), responses=s.UnitSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        return self._act(request, "move", self.get_object())

    @extend_schema(request=body_of(forms.MergeForm), responses=s.UnitSerializer)
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        """Merge this unit into `into` on `date`: its members and cases go with it (lineage)."""
        return self._act(request, "merge", self.get_object())

    @extend_schema(request=body_of(forms.DissolveForm), responses=s.UnitSerializer)
    @action(detail=True, methods=["post"])
    def dissolve(self, request, pk=None):
        return self._act(request, "dissolve", self.get_object())

    @extend_schema(request=body_of(forms.PtdvSinceForm), responses=s.UnitSerializer)
    @action(detail=True, methods=["post"], url_path="ptdv-since")
    def ptdv_since(self, request, pk=None):
        """From which day the unit's acts are judged by the regulation (before: paper history)."""
        return self._act(request, "since", self.get_object())


class VillageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    model = Village
    serializer_class = s.VillageSerializer
    permission_classes = [OrganizersWrite]

    @extend_schema(request=s.VillageCreateSerializer, responses={201: s.VillageSerializer})
    def create(self, request):
        """A new village, living its party life in `branch` from `date` (villages.assign)."""
        data = s.VillageCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        village = Village(name=fields["name"], kind=fields["kind"])
        villages.assign(village, fields["branch"], fields["date"], by=request.user)
        return Response(s.VillageSerializer(village).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.VillageAssignSerializer, responses=s.VillageSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        village = self.get_object()
        data = s.VillageAssignSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        villages.assign(village, data.validated_data["branch"], data.validated_data["date"], by=request.user)
        return Response(s.VillageSerializer(village).data)
