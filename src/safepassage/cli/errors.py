"""Bad input is a value with one line to show, never a traceback."""

from __future__ import annotations

import sys


class BadInput(Exception):
    """Something the user gave us is wrong; the message names what and where."""


def report_bad_input(error: Exception) -> None:
    sys.stderr.write(f"error: {error}\n")
