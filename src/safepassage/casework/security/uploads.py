"""Uploads stay in memory, and stop at the attachment size limit.

Django's default handlers stream any upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE into a
temporary file, in clear, before a view runs, and CSRF checking parses the body even for a
visitor who is not logged in. An attachment is sealed with its case key the moment the view
gets it, so its plaintext must never reach the disk: this handler keeps every upload in memory
and aborts the request past ATTACHMENT_MAX_BYTES, for anyone.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler, StopUpload


class MemoryOnlyUploadHandler(MemoryFileUploadHandler):
    def handle_raw_input(self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None) -> None:
        # Always in memory (the parent only activates below FILE_UPLOAD_MAX_MEMORY_SIZE and
        # would hand larger files to the on-disk handler); the byte count below bounds it.
        self.activated = True
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > settings.ATTACHMENT_MAX_BYTES:
            raise StopUpload(connection_reset=True)
        return super().receive_data_chunk(raw_data, start)
