"""Read a profile file (YAML or JSON) and turn every problem into one line naming the field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from safepassage.profile.models import Profile


class ProfileError(ValueError):
    """The profile file is unreadable or invalid; the message is one line naming the field."""


_QUOTED = re.compile(r"'[^']*'")


def read_profile(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"{path}: cannot read ({error.__class__.__name__})") from None
    data = _parse(path, text)
    return profile_from_data(data, str(path))


def _parse(path: Path, text: str) -> Any:
    # Besides syntax errors, both parsers raise ValueError for values they cannot build (a
    # 5,000-digit number, the date 2020-13-45) and RecursionError for deep nesting ("[[[[...").
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ProfileError(
                f"{path}: not valid JSON (line {error.lineno}: {error.msg})"
            ) from None
        except RecursionError:
            raise ProfileError(f"{path}: not valid JSON (nested too deeply)") from None
        except ValueError as error:
            raise ProfileError(f"{path}: not valid JSON ({_one_line(error)})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise ProfileError(f"{path}: not valid YAML ({where}{_one_line(problem)})") from None
    except RecursionError:
        raise ProfileError(f"{path}: not valid YAML (nested too deeply)") from None
    except ValueError as error:
        raise ProfileError(f"{path}: not valid YAML (a value cannot be read: {_one_line(error)})") from None


def _one_line(problem: object) -> str:
    return " ".join(str(problem).split())


def _without_input(message: str, value: Any) -> str:
    """The message with the submitted value (as validators quote it, repr) taken out."""
    values = value if isinstance(value, (list, tuple)) else list(value.values()) if isinstance(value, dict) else [value]
    for item in values:
        if isinstance(item, str) and item:
            message = message.replace(repr(item), "the value")
    return _QUOTED.sub("the value", message)


def profile_from_data(data: Any, label: str = "profile", quote_input: bool = True) -> Profile:
    """Validate parsed data; used by the CLI and by anything that holds a profile as a dict.
    `quote_input=False` keeps submitted values out of the message, for the web app and API,
    whose errors must not repeat case content (docs/threat-model.md)."""
    if not isinstance(data, dict):
        raise ProfileError(f"{label}: expected a mapping of fields, got {type(data).__name__}")
    if isinstance(data.get("profile"), dict):  # reference-case files wrap the profile
        data = data["profile"]
    try:
        return Profile.model_validate(data)
    except RecursionError:  # a structure nested thousands deep
        raise ProfileError(f"{label}: nested too deeply") from None
    except ValidationError as error:
        first = error.errors()[0]
        location = list(first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "missing":
            message = "required field is missing"
        elif first["type"] == "literal_error":
            message = f"{first['input']!r} is not allowed: {message.lower()}"
        elif first["type"] == "extra_forbidden" and not quote_input:
            # the unknown key is submitted text too: name where it is, not what it says
            location, message = location[:-1], "a field the profile format does not have"
        if not quote_input:
            message = _without_input(message, first.get("input"))
        field = ".".join(str(part) for part in location) or "profile"
        raise ProfileError(_one_line(f"{label}: {field}: {message}")) from None
