"""Known secret values go through every kind of view; none may appear in any log output,
at DEBUG level, with SQL logging on, through the production handler and its filter."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from safepassage.casework.accounts.models import ApiToken

from .conftest import PASSWORD, UNKNOWN_HISTORY, World, current_code, verified_client

SECRETS = [
    "Malika Hiddenova",
    "Малика",
    "Safehouse Lane 42",
    "codeword-pomegranate",
    "uncle-drives-a-grey-lada",
    "secret-file-name.pdf",
    "ATTACHMENT-BODY-7Q",
    "lawyer-contact-555",
    PASSWORD,
]


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    console = next(h for h in root.handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    old_stream = console.setStream(buffer)
    old_levels = {name: logging.getLogger(name).level for name in ("", "django", "django.request", "django.db.backends", "axes", "safepassage")}
    for name in old_levels:
        logging.getLogger(name).setLevel(logging.DEBUG)
    for name in ("django.request", "axes", "django.security"):
        logging.getLogger(name).propagate = True
    connection.force_debug_cursor = True  # SQL with parameters is logged too
    try:
        yield buffer
    finally:
        connection.force_debug_cursor = False
        console.setStream(old_stream)  # type: ignore[arg-type]
        for name, level in old_levels.items():
            logging.getLogger(name).setLevel(level)
        for name in ("django.request", "axes", "django.security"):
            logging.getLogger(name).propagate = False


def exercise_every_view(world: World) -> None:
    # login, with a wrong and a right password
    Client().post("/", {"username": "worker", "password": PASSWORD + "x", "code": "123456"})
    Client().post("/", {"username": "worker", "password": PASSWORD, "code": current_code(world.caseworker)})
    client = verified_client(world.caseworker)
    new = client.post(
        "/cases/new/",
        {
            "name": "Malika Hiddenova", "team": str(world.team.pk), "status": "open", "citizenship": "RU",
            "origin_country": "RU", "gender": "female", "threats": ["family"], "threat_state": "RU",
            "criminal_case": "unknown", "search_request": "yes", "interpol": "unknown",
            **UNKNOWN_HISTORY, "internal_id": "holds", "passport": "none", "refugee_travel_document": "does_not_hold",
            "location_country": "KZ", "place": "Safehouse Lane 42", "summary": "uncle-drives-a-grey-lada",
            "confirmed": "1",
        },
    )
    assert new.status_code == 302, new.content
    case = new["Location"].split("/")[2]
    base = f"/cases/{case}"
    client.get(f"{base}/")
    client.get(f"{base}/edit/")
    client.post(f"{base}/events/", {"kind": "sheltered", "date": "2025-02-06", "place": "Safehouse Lane 42", "description": "uncle-drives-a-grey-lada"})
    client.post(f"{base}/notes/", {"text": "codeword-pomegranate"})
    client.post(f"{base}/safety-plan/", {"code_words": "codeword-pomegranate", "trusted_contacts": "lawyer-contact-555"})
    client.post(f"{base}/consent/", {"may_store": "on", "may_share_with": "lawyer-contact-555", "given_on": "2025-02-06"})
    client.post(f"{base}/referrals/", {"kind": "lawyer", "to": "lawyer-contact-555", "status": "made", "date": "2025-02-06"})
    client.post(f"{base}/attachments/", {"file": SimpleUploadedFile("secret-file-name.pdf", b"ATTACHMENT-BODY-7Q")})
    client.post(f"{base}/assess/", {"country": "KZ", "as_of": "2025-02-07"})
    client.post(f"{base}/watch/", {"names": "Malika Hiddenova\nМалика", "enabled": "on", "min_score": "0.6"})
    client.post(f"{base}/watch/", {"names": "Malika Hiddenova", "min_score": "7"})  # invalid
    client.post(f"{base}/dossier/", {"kind": "lawyer", "language": "ru", "as_of": "2025-02-07"})
    client.post(f"{base}/dossier/", {"kind": "rule39", "language": "en", "contact": "lawyer-contact-555", "destination": "codeword-pomegranate"})
    client.post("/cases/", {"q": "Malika Hiddenova"})
    client.post("/cases/", {"q": "Малика"})
    # secrets where they do not belong: in a path, in a query string, in bad form data
    client.get("/cases/codeword-pomegranate/")
    client.get("/cases/?q=lawyer-contact-555")
    client.post(f"{base}/events/", {"kind": "not-a-kind", "date": "Safehouse Lane 42"})
    # the API, including invalid input that names the field
    _row, token = ApiToken.issue(world.caseworker)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    api.post("/api/v1/cases/search", {"q": "Malika Hiddenova"}, content_type="application/json")
    bad = api.post(f"/api/v1/cases/{case}/events", {"kind": "codeword-pomegranate", "date": "2025-01-01"}, content_type="application/json")
    assert bad.status_code == 400 and b"codeword-pomegranate" not in bad.content
    api.get(f"/api/v1/cases/{case}")
    client.post("/exit/")


def test_no_secret_reaches_any_log(world: World, captured_logs: io.StringIO) -> None:
    exercise_every_view(world)
    output = captured_logs.getvalue()
    assert "safepassage.access" in output and "SELECT" in output  # the capture works
    leaked = [secret for secret in SECRETS if secret in output]
    assert leaked == []


def test_the_filter_drops_request_objects_and_query_strings() -> None:
    from safepassage.casework.security.logs import ScrubFilter

    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Bad request: %s", ("/cases/?q=Malika",), None)
    record.request = object()
    ScrubFilter().filter(record)
    assert "Malika" not in record.getMessage() and getattr(record, "request", None) is None


def test_exception_messages_are_not_logged() -> None:
    from safepassage.casework.security.logs import ScrubFilter

    try:
        raise ValueError("input was Safehouse Lane 42")
    except ValueError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), sys.exc_info())
    ScrubFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert "Safehouse" not in formatted and "ValueError" in formatted
