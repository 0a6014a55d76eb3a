"""Schemathesis against /api/schema/ on a throwaway database: no 5xx, and the schema tells the truth.

Run from the repository root: `.venv/bin/python -m tests.schemathesis.run [--max-examples N]`.
It makes a temporary data folder (SQLite), migrates, loads the test World (tests/factories.py:
two provinces, every role, members and cases), gives the organizer alice a token, serves the app
with gunicorn on a free local port and runs schemathesis as alice. The exit status is
schemathesis's; CI (.ci/run) runs it after the test suites.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "ignored_auth",  # the API refuses a request without the token
    ]
)
PHASES = "examples,coverage,fuzzing"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seed() -> str:
    """Migrate and load the World in this process (settings read the environment); alice's token."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)
    from ptdv.accounts.models import ApiToken
    from tests.factories import World

    world = World()
    _, token = ApiToken.objects.create(user=world.alice, name="schemathesis")
    return token


def _wait_until_up(url: str, token: str, server: subprocess.Popen) -> None:
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    for _ in range(120):
        if server.poll() is not None:
            sys.exit("gunicorn stopped before answering")
        try:
            with urllib.request.urlopen(request, timeout=30):
                return
        except OSError:  # refused while gunicorn starts, or slow on a busy machine
            time.sleep(0.5)
    sys.exit(f"no answer from {url}")


# Django's one-line warning per 4xx answer ("Not Found: /api/units/9/"), expected by the thousand.
CLIENT_ERROR_LINE = re.compile(r"^(?!Internal Server Error)[A-Z][A-Za-z ]+: /")


def _server_errors(log: Path) -> str:
    """The server's log without its 4xx warnings and gunicorn's own "[time] [pid]" lines."""
    lines = log.read_text(errors="replace").splitlines()
    return "\n".join(line for line in lines if not CLIENT_ERROR_LINE.match(line) and line[:1] != "[")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-examples", type=int, default=20)
    # One worker: schemathesis's threads call ast.parse at once, which CPython 3.11 can fail
    # with "AST constructor recursion depth mismatch" (a tool error, not an API failure).
    parser.add_argument("--workers", default="1")
    parser.add_argument("--seed", type=int, default=None)
    args, extra = parser.parse_known_args()

    data_dir = tempfile.mkdtemp(prefix="ptdv-schemathesis-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        PTDV_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="ptdv.settings", PTDV_TESTING="1", DEBUG=""
    )
    token = _seed()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(data_dir) / "server.log"
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "ptdv.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--no-control-socket",
        ],
        stderr=log.open("w"),
    )
    try:
        _wait_until_up(f"{base}/api/schema/", token, server)
        command = [
            BIN / "schemathesis",
            "run",
            f"{base}/api/schema/",
            "--header",
            f"Authorization: Token {token}",
            "--checks",
            CHECKS,
            "--phases",
            PHASES,
            "--max-examples",
            str(args.max_examples),
            "--workers",
            args.workers,
            "--suppress-health-check",
            "all",
            "--generation-database",
            "none",
            *(["--seed", str(args.seed)] if args.seed is not None else []),
            *extra,
        ]
        status = subprocess.run(command, cwd=data_dir, check=False).returncode
        if status:
            print(_server_errors(log) or "(no server error in the log)", file=sys.stderr)
        return status
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
