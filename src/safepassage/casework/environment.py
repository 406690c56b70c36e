"""Settings read from environment variables: one parser per kind of value, used by every setting
of that kind, each refusing what it cannot read in one line naming the variable.

Security: a mistyped security switch (`SAFEPASSAGE_HTTPS=on`) must stop the app, not quietly
leave the protection off; so only the listed spellings are read and anything else is an error.
"""

from __future__ import annotations

import ipaddress
import os

TRUE = ("1", "true", "yes")
FALSE = ("0", "false", "no")


class SettingError(ValueError):
    """An environment variable holds a value the app cannot use; the message names it."""


def flag(name: str, default: bool = False) -> bool:
    """A yes/no setting: 1/true/yes or 0/false/no (any case); unset gives the default."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise SettingError(f"{name}: {raw!r} is not a yes/no value (use 1/true/yes or 0/false/no)")


def number(name: str, default: int, minimum: int = 1) -> int:
    """A whole number of at least `minimum`; unset gives the default."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise SettingError(f"{name}: {raw!r} is not a whole number") from None
    if value < minimum:
        raise SettingError(f"{name}: must be at least {minimum}, got {value}")
    return value


def address(name: str, default: str | None) -> str | None:
    """One IP address (no wildcard: trusting every sender is what this setting prevents)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return str(ipaddress.ip_address(raw.strip()))
    except ValueError:
        raise SettingError(f"{name}: {raw!r} is not one IP address") from None
