"""Scoped API endpoints. ScopedViewSet starts every queryset from the scope mechanism."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ptdv.api import serializers as s
from ptdv.api.versioning import VersionedViewMixin, versioned_edits
from ptdv.org import reorganisation, villages
from ptdv.org.models import Unit, Village
from ptdv.people import membership
from ptdv.people.models import PartyMember, Person
from ptdv.people.names import fold
from ptdv.scope import ORGANIZER, can_edit


class EditorsWrite(permissions.BasePermission):
    """Everyone in scope reads; only the editing roles write."""

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or can_edit(request.user)


class OrganizersWrite(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or request.user.role == ORGANIZER


class ScopedViewSet(viewsets.GenericViewSet):
    """Base of every endpoint: the queryset is the user's scope, so ids outside it are 404."""

    model = None

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)


class UnitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    model = Unit
    serializer_class = s.UnitSerializer
    permission_classes = [permissions.IsAuthenticated, OrganizersWrite]

    def get_queryset(self):
        return super().get_queryset().with_parent_id()

    @extend_schema(request=s.UnitMoveSerializer, responses=s.UnitSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        unit = self.get_object()
        data = s.UnitMoveSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        moved = reorganisation.move(
            unit, data.validated_data["parent"], data.validated_data["date"], by=request.user
        )
        return Response(s.UnitSerializer(moved).data)


class VillageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    model = Village
    serializer_class = s.VillageSerializer
    permission_classes = [permissions.IsAuthenticated, OrganizersWrite]

    @extend_schema(request=s.VillageAssignSerializer, responses=s.VillageSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        village = self.get_object()
        data = s.VillageAssignSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        villages.assign(village, data.validated_data["branch"], data.validated_data["date"], by=request.user)
        return Response(s.VillageSerializer(village).data)


@versioned_edits(s.PersonSerializer)
class PersonViewSet(
    VersionedViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet,
):
    model = Person
    serializer_class = s.PersonSerializer
    permission_classes = [permissions.IsAuthenticated, EditorsWrite]


class PartyMemberViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    model = PartyMember
    serializer_class = s.PartyMemberSerializer
    permission_classes = [permissions.IsAuthenticated, EditorsWrite]

    def get_queryset(self):
        members = super().get_queryset().select_related("person")
        query = fold(self.request.query_params.get("q", ""))
        return members.filter(person__search_name__contains=query) if query else members

    @extend_schema(request=s.MemberEventCreateSerializer, responses={201: s.MemberEventSerializer})
    @action(detail=True, methods=["get", "post"], serializer_class=s.MemberEventSerializer)
    def events(self, request, pk=None):
        member = self.get_object()
        if request.method == "GET":
            return Response(s.MemberEventSerializer(member.events.all(), many=True).data)
        data = s.MemberEventCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        event = membership.record(
            member,
            by=request.user,
            **{
                "kind": data.validated_data["kind"],
                "on": data.validated_data["date"],
                "branch": data.validated_data.get("branch"),
                "decision_no": data.validated_data["decision_no"],
                "note": data.validated_data["note"],
            },
        )
        return Response(s.MemberEventSerializer(event).data, status=status.HTTP_201_CREATED)
