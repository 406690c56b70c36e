"""A logging filter on every handler: the last line of defence against leaking case data.

Views never log request data; this filter also removes what Django and libraries attach to log
records (the request object, with its POST data and cookies) and cuts query strings out of any
message, so a mistake elsewhere does not put a name or an address into a log file.
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path

_QUERY = re.compile(r"\?[^\s\"']*")


def _where(record: logging.LogRecord) -> str:
    """Exception type and innermost frame, without the message (which may quote input data,
    as pydantic's and database errors do)."""
    if not record.exc_info or record.exc_info[0] is None:
        return ""
    kind, _value, trace = record.exc_info
    frames = traceback.extract_tb(trace) if trace else []
    if not frames:
        return f" [{kind.__name__}]"
    return f" [{kind.__name__} at {Path(frames[-1].filename).name}:{frames[-1].lineno}]"


# Django's request loggers put the request path in their arguments ("Not Found: %s"), and a path
# can carry whatever a user or an attacker typed into it.
_PATH_LOGGERS = ("django.request", "django.server", "django.security")


def _message(record: logging.LogRecord) -> str:
    if record.name.startswith(_PATH_LOGGERS) and record.args:
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        try:
            return str(record.msg) % tuple("[path removed]" for _ in args)
        except (TypeError, ValueError):
            return str(record.msg)
    return _QUERY.sub("?[removed]", record.getMessage())


def no_client_details(*args: object, **kwargs: object) -> str:
    """For django-axes: describe a failed login without what was typed."""
    return "[client details not logged]"


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        where = _where(record)
        message = _message(record) + where
        record.msg, record.args = message, None
        for attribute in ("request", "exc_info", "exc_text", "stack_info"):
            if getattr(record, attribute, None):
                setattr(record, attribute, None)
        return True
