"""Uploads stay in memory and stop at the size limit: no plaintext attachment is ever spooled
to a temporary file, not even for a visitor who is not logged in (CSRF parsing reads the body)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import Client

from .conftest import World, verified_client

BIG = b"SECRET-SCAN-" * (13 * 1024 * 1024 // 12 + 1)  # just over 13 MB


@pytest.fixture
def spooled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    original = TemporaryUploadedFile.__init__

    def spy(self: TemporaryUploadedFile, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self.temporary_file_path())

    monkeypatch.setattr(TemporaryUploadedFile, "__init__", spy)
    return made


def test_large_attachment_is_never_written_to_disk_in_clear(world: World, spooled: list[str]) -> None:
    client = verified_client(world.caseworker)
    client.post(f"/cases/{world.case.pk}/attachments/", {"file": SimpleUploadedFile("scan.pdf", BIG)})
    assert spooled == []


def test_anonymous_upload_is_not_spooled_to_disk(world: World, spooled: list[str]) -> None:
    # CsrfViewMiddleware parses the multipart body (to find the token) before the login check
    client = Client(enforce_csrf_checks=True)
    client.get("/")
    token = client.cookies["csrftoken"].value
    client.post(
        f"/cases/{world.case.pk}/attachments/",
        {"csrfmiddlewaretoken": token, "file": SimpleUploadedFile("junk.bin", BIG)},
    )
    assert spooled == []
