"""Start Django from the command line (the CLI commands that need the casework app)."""

from __future__ import annotations

import os

import django


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.casework.settings")
    django.setup()


def migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
