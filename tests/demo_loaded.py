"""The demo in the test database: built once per test process, then copied back (tests/snapshot.py).

`ptdv demo` takes 10–30 s (the build, the 2025 reorganisation, the kept summaries and case state)
and about ten modules and fixtures need it: each worker builds each of the two demos (today's, and
the pre-2025 one the articles describe) once, keeps a copy of its rows and of the files it wrote in
the data folder, and gives later callers the copy. The quick password hasher of tests/conftest.py
is function-scoped, so it is set here too for the demo accounts.
"""

import shutil
import tempfile
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

from tests.snapshot import Snapshot

QUICK_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
_built: dict[bool, tuple[Snapshot, Path, Path, str]] = {}  # reorganise → (rows, files, built in, output)


def load_demo(data_dir: Path, *, reorganise: bool = True) -> str:
    """`ptdv demo` (or, when `reorganise` is False, the pre-2025 demo without its accounts) into an
    empty or flushed database, its files into `data_dir`; what the command printed. Call it where
    no transaction is open (a module-scoped fixture, or a transactional test's)."""
    if reorganise in _built:
        rows, files, built_in, output = _built[reorganise]
        rows.restore()
        shutil.copytree(files, data_dir, dirs_exist_ok=True)
        return output.replace(str(built_in), str(data_dir))  # as it would have printed here
    from ptdv.demo.build import build

    with override_settings(DATA_DIR=data_dir, PASSWORD_HASHERS=QUICK_HASHER):
        out = StringIO()
        if reorganise:
            call_command("demo", stdout=out)
        else:
            build(reorganise=False)
    folder = Path(tempfile.mkdtemp(prefix="ptdv-demo-"))
    shutil.copytree(data_dir, folder / "data")
    name = "today" if reorganise else "before_2025"
    _built[reorganise] = (Snapshot(name, folder).take(), folder / "data", Path(data_dir), out.getvalue())
    return out.getvalue()


@contextmanager
def demo_loaded(django_db_blocker, data_dir, *, reorganise: bool = True):
    """The demo for a whole test module (each test still rolled back on its own), emptied after it;
    yields what `ptdv demo` printed."""
    with django_db_blocker.unblock():
        output = load_demo(data_dir, reorganise=reorganise)
    try:
        yield output
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
