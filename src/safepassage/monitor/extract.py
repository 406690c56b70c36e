"""Article text from a page: decoding (the page's charset, or UTF-8 with replacement, never an
exception), main text and metadata with trafilatura, language with py3langid (its model ships
inside the package: nothing is downloaded at run time), and the keys used to recognise the
same article twice (canonical URL, hash of the normalised text)."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import trafilatura

MAX_HTML_CHARS = 3_000_000
MAX_TEXT_CHARS = 200_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
# Query parameters that only track where a reader came from.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|_openstat|at_medium|at_campaign|ref|rss|from)$", re.I)


@dataclass(frozen=True)
class ArticleText:
    title: str
    text: str
    published: str | None  # YYYY-MM-DD as the page states it
    language: str  # ISO 639-1, or "und"


def searchable(article: ArticleText) -> str:
    """What is matched: the headline (names are often only there) and the text."""
    if not article.title or article.text.startswith(article.title):
        return article.text or article.title
    return f"{article.title}\n\n{article.text}"


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(body: bytes, charset: str | None = None) -> str:
    codec = _codec(charset)
    if codec is None:
        found = _META_CHARSET.search(body[:4096])
        codec = _codec(found.group(1).decode("ascii", "replace")) if found else None
    return body.decode(codec or "utf-8", errors="replace")


@cache
def _langid() -> Any:
    import py3langid

    return py3langid


def language(text: str) -> str:
    sample = text[:3000].strip()
    if len(sample) < 20:
        return "und"
    code, _score = _langid().classify(sample)
    return str(code)


def from_html(html: str, url: str = "") -> ArticleText:
    document = trafilatura.bare_extraction(
        html[:MAX_HTML_CHARS], url=url or None, with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=True,
    )  # fmt: skip
    text = (getattr(document, "text", None) or "")[:MAX_TEXT_CHARS] if document else ""
    if not text.strip():
        # trafilatura keeps nothing from very short pages; a three-line notice that names a
        # person matters as much as a long article, so take all of the page's text instead
        text = (trafilatura.html2txt(html[:MAX_HTML_CHARS]) or "")[:MAX_TEXT_CHARS]
        return ArticleText("", text, None, language(text) if text else "und")
    title = getattr(document, "title", None) or ""
    published = getattr(document, "date", None)
    return ArticleText(title, text, published, language(f"{title}\n{text}"))


def from_text(text: str) -> ArticleText:
    text = text[:MAX_TEXT_CHARS]
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return ArticleText(title[:300], text, None, language(text))


def canonical_url(url: str) -> str:
    """The same article under its common disguises: case of scheme and host, default ports,
    fragments, tracking parameters, parameter order."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def content_hash(text: str) -> str:
    """Equal for the same text republished with other spacing or letter case."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode()).hexdigest()
