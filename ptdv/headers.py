"""Response headers no single Django setting covers: Permissions-Policy, and no caching of
what an authenticated user sees (personal data must not stay in a shared browser's or a
proxy's cache).

Placed after AuthenticationMiddleware and after WhiteNoise, so static files (served by
WhiteNoise before this runs) keep their long cache lifetimes. For the API, Django REST
framework's token authentication sets `request.user` on the underlying request while the
view runs, so token-authenticated answers are covered too.
"""

from django.utils.cache import add_never_cache_headers

# Features PTĐV never uses; a page (or an injected script) may not ask for them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
