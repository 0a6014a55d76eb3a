"""The `ptdv` console script: Django's management commands with PTĐV's settings.

Officials and operators type `ptdv migrate`, `ptdv demo`, `ptdv runserver` without
having to know about DJANGO_SETTINGS_MODULE.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ptdv.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ptdv", *(argv if argv is not None else sys.argv[1:])])


if __name__ == "__main__":
    main()
