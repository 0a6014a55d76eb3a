from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    """Stable pages over growing tables; each viewset names its own ordering."""

    page_size = 50
    max_page_size = 500
    page_size_query_param = "page_size"
    ordering = "id"
