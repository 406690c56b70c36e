"""`safepassage serve` keeps request and response bodies of attachment size in memory: waitress
would otherwise spool bodies over 512 KB (in) or 1 MB (out) to temporary files, in clear."""

from __future__ import annotations

from typing import Any

import pytest
import waitress
from django.conf import settings
from waitress.adjustments import Adjustments
from waitress.buffers import OverflowableBuffer, TempfileBasedBuffer

from safepassage.cli import web_commands

from .conftest import World


def test_waitress_keeps_attachments_out_of_temporary_files(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(web_commands, "_django", lambda: None)
    class NotServing:
        effective_port = 8000

        def run(self) -> None:
            pass

    def create_server(app: object, **kwargs: Any) -> NotServing:
        seen.update(kwargs)
        return NotServing()

    monkeypatch.setattr(waitress, "create_server", create_server)
    web_commands.serve(host="127.0.0.1", port=8000, demo=False, threads=1)
    options = {k: v for k, v in seen.items() if not k.startswith("_")}
    adj = Adjustments(**options)
    attachment = b"x" * (settings.ATTACHMENT_MAX_BYTES // 2)  # a 5 MB scan
    for overflow in (adj.inbuf_overflow, adj.outbuf_overflow):  # upload body, download response
        buffer = OverflowableBuffer(overflow)
        buffer.append(attachment)
        assert not isinstance(buffer.buf, TempfileBasedBuffer)
