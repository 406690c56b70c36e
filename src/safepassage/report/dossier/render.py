"""Typeset a dossier with Typst, in memory: the data goes in as a string, the PDF comes back as
bytes. Nothing is written to disk and nothing is fetched: the fonts are the ones bundled in
fonts/ (system fonts are ignored, so every machine prints the same document)."""

from __future__ import annotations

import json
import threading
from functools import cache
from pathlib import Path
from typing import Any

import typst

HERE = Path(__file__).parent
TEMPLATE = HERE / "templates" / "dossier.typ"
FONTS = HERE / "fonts"
_lock = threading.Lock()


@cache
def _compiler() -> typst.Compiler:
    # One compiler per process: it keeps the parsed template and fonts between documents.
    return typst.Compiler(
        input=str(TEMPLATE), root=str(TEMPLATE.parent), font_paths=[str(FONTS)], ignore_system_fonts=True
    )


def render_pdf(data: dict[str, Any]) -> bytes:
    payload = json.dumps(data, ensure_ascii=False)
    with _lock:  # the web app renders from several threads; one compiler serves one at a time
        pdf = _compiler().compile(sys_inputs={"data": payload})
    assert isinstance(pdf, bytes)
    return pdf
