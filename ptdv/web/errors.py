"""Error answers in the product's own words and layout: Vietnamese pages with a way back.

Django's defaults are bare English pages. Pages get ptdv/web/templates/{404,403,500}.html
and errors/*.html inside base.html; the API (/api/) keeps answering in JSON, as its clients
expect, also for a URL that matches no route. The 500 page is rendered without the request's
context, since whatever failed may be what the context needs (the user, the session).
"""

from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse

API_PREFIX = "/api/"
MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    403: "Bạn không có quyền thực hiện việc này.",
    404: "Không tìm thấy.",
    500: "Lỗi máy chủ; hãy thử lại sau.",
}


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


CODES = {400: "invalid", 403: "permission_denied", 404: "not_found", 500: "server_error"}


def _json(status) -> JsonResponse:
    """The API's refusal shape (ptdv.api.errors): `detail` and `errors`."""
    error = {"code": CODES[status], "message": MESSAGES[status], "field": None}
    return JsonResponse({"detail": MESSAGES[status], "errors": [error]}, status=status)


def _answer(request, status, template):
    if _is_api(request):
        return _json(status)
    return TemplateResponse(request, template, status=status).render()


def bad_request(request, exception=None):
    return _answer(request, 400, "errors/400.html")


def permission_denied(request, exception=None):
    return _answer(request, 403, "403.html")


def page_not_found(request, exception=None):
    return _answer(request, 404, "404.html")


def server_error(request):
    if _is_api(request):
        return _json(500)
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request, reason=""):
    """An expired or missing form token (CSRF_FAILURE_VIEW): the form is shown again after a reload."""
    return TemplateResponse(request, "errors/csrf.html", status=403).render()


class MethodNotAllowedMiddleware:
    """A page asked with the wrong method (GET /dang-xuat/) gets a Vietnamese 405 page.

    Django's views answer 405 with an empty body and no handler to hook; the Allow header
    is kept. API answers already carry a JSON body and pass through.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not _is_api(request) and not response.content:
            page = TemplateResponse(request, "errors/405.html", status=405).render()
            if "Allow" in response.headers:
                page.headers["Allow"] = response.headers["Allow"]
            return page
        return response
