"""Scoped API endpoints. ScopedViewSet starts every queryset from the scope mechanism and
every permission check from "signed in", so no endpoint can forget either."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ptdv.api import serializers as s
from ptdv.api.versioning import VersionedViewMixin, versioned_edits
from ptdv.audit.models import ReadChannel
from ptdv.audit.reads import record_reads
from ptdv.cases import derived
from ptdv.org import reorganisation, villages
from ptdv.org.models import Unit, Village
from ptdv.people import membership
from ptdv.people.models import PartyMember, Person
from ptdv.people.search import search_members
from ptdv.scope import ORGANIZER, can_edit


class EditorsWrite(permissions.BasePermission):
    """Everyone in scope reads; only the editing roles write."""

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or can_edit(request.user)


class OrganizersWrite(permissions.BasePermission):
    """Everyone in scope reads; only the organizing board reorganises."""

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or request.user.role == ORGANIZER


class ScopedViewSet(viewsets.GenericViewSet):
    """Base of every endpoint: the queryset is the user's scope, so ids outside it are 404.

    The role rule of `permission_classes` always comes after IsAuthenticated: a viewset that
    names only its role rule (or none) still answers 401 to an anonymous request.
    """

    model = None
    permission_classes = [EditorsWrite]

    def get_permissions(self):
        return [permissions.IsAuthenticated(), *super().get_permissions()]

    def dispatch(self, request, *args, **kwargs):
        # The cases a write touches are derived once, when it is done (ptdv.cases.derived).
        with derived.deferred():
            return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)


class LogsSensitiveReads:
    """Log the people whose records an answer shows (ptdv.audit.reads).

    Django REST framework serializes what a list or retrieve answers through
    `get_serializer(rows, many=...)`, so this is the one place that sees exactly the rows sent
    (one page of a list, not the whole queryset). `read_actions` names the logged actions and
    `person_of` the row's person id.
    """

    read_actions = frozenset({"retrieve"})

    @staticmethod
    def person_of(row) -> int:
        return row.person_id

    def get_serializer(self, *args, **kwargs):
        if args and self.action in self.read_actions:
            rows = args[0] if kwargs.get("many") else [args[0]]
            record_reads(self.request, [self.person_of(row) for row in rows], ReadChannel.API)
        return super().get_serializer(*args, **kwargs)


class UnitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    model = Unit
    serializer_class = s.UnitSerializer
    permission_classes = [OrganizersWrite]

    def get_queryset(self):
        return super().get_queryset().with_parent_id()

    @extend_schema(request=s.UnitMoveSerializer, responses=s.UnitSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        unit = self.get_object()
        data = s.UnitMoveSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        reorganisation.move(unit, data.validated_data["parent"], data.validated_data["date"], by=request.user)
        return Response(self.get_serializer(self.get_object()).data)


class VillageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    model = Village
    serializer_class = s.VillageSerializer
    permission_classes = [OrganizersWrite]

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
    LogsSensitiveReads,
    VersionedViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet,
):
    model = Person
    serializer_class = s.PersonSerializer
    read_actions = frozenset({"list", "retrieve"})

    @staticmethod
    def person_of(row) -> int:
        return row.pk


@versioned_edits(s.PartyMemberSerializer)
class PartyMemberViewSet(
    LogsSensitiveReads,
    VersionedViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet,
):
    model = PartyMember
    serializer_class = s.PartyMemberSerializer

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="tìm theo họ tên, không dấu cũng được")]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        members = super().get_queryset().select_related("person")
        return search_members(members, self.request.user, self.request.query_params.get("q", ""))

    @extend_schema(methods=["GET"], responses=s.MemberEventSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=s.MemberEventCreateSerializer, responses={201: s.MemberEventSerializer}
    )
    @action(
        detail=True, methods=["get", "post"], serializer_class=s.MemberEventSerializer, pagination_class=None
    )
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
