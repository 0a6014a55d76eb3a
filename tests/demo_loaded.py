"""The demo loaded once for a whole test module (it takes seconds), emptied after it.

Module-scoped fixtures run outside each test's transaction, so the rows stay for the module's
tests (each still rolled back on its own) and are flushed at the end. The quick password
hasher of tests/conftest.py is function-scoped, so it is set here too for the demo accounts.
"""

from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.test import override_settings

QUICK_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def demo_loaded(django_db_blocker, data_dir, *, reorganise: bool = True):
    """`ptdv demo` (or the pre-2025 demo without its accounts when `reorganise` is False);
    yields what the command printed."""
    from ptdv.demo.build import build

    with django_db_blocker.unblock(), override_settings(DATA_DIR=data_dir, PASSWORD_HASHERS=QUICK_HASHER):
        out = StringIO()
        if reorganise:
            call_command("demo", stdout=out)
        else:
            build(reorganise=False)
    try:
        yield out.getvalue()
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
