"""The name and headers an attachment is downloaded with.

Security: an uploaded file keeps its name in the case (sealed), but on the way out it must not
be something a double-click runs or a browser renders: a caseworker's laptop would run
"invoice.pdf.exe", and a file named "page.html" opened from the downloads folder runs its
script. So the name is cleaned (no path, no control or bidirectional-override characters, which
can make "photo\u202egpj.exe" look like "photoexe.jpg"), and unless its extension is one of a
short list of documents, images, audio and video that no system executes, ".bin" is appended.
The response is always an attachment of type application/octet-stream (never rendered, never
sniffed: SECURE_CONTENT_TYPE_NOSNIFF).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

# Document, image, audio and video types a casework file is likely to be, none of which any
# desktop runs as a program. Macro-enabled Office types (docm, xlsm, ...) are left out.
SAFE_EXTENSIONS = frozenset(
    ["pdf", "txt", "rtf", "odt", "ods", "odp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "tif", "tiff", "bmp", "mp3", "m4a", "ogg", "opus", "wav", "aac", "mp4", "m4v", "mov", "webm", "3gp"]
)
LONGEST_NAME = 150


def download_name(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    # drop control (Cc) and format (Cf: bidi overrides, zero-width) characters
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf"))
    name = " ".join(name.split()).lstrip(". ")[:LONGEST_NAME] or "attachment"
    stem, dot, extension = name.rpartition(".")
    if not (dot and stem and extension.lower() in SAFE_EXTENSIONS):
        name += ".bin"
    return name


def content_disposition(filename: str) -> str:
    """`attachment`, with an ASCII fallback name and the full UTF-8 name (RFC 6266)."""
    name = download_name(filename)
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
