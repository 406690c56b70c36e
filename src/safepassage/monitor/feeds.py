"""RSS and Atom feeds, parsed by feedparser after a defusedxml check.

Security: a feed is untrusted XML. feedparser hands well-formed feeds to the standard library's
expat-based SAX parser, and its own loose parser keeps simple internal entities; so before
feedparser sees a byte, defusedxml parses the document with entity declarations and external
references forbidden, and a document that is not well-formed is still refused when it carries
an entity declaration in any common encoding. feedparser is only ever given bytes, never a URL:
it fetches nothing itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

MAX_ENTRIES = 500
_ENTITY = "<!ENTITY"
_ENTITY_FORMS = tuple(
    re.compile(re.escape(_ENTITY.encode(codec)), re.I) for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


class FeedError(ValueError):
    """Not a feed, or a feed we refuse to parse (one line)."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    summary: str  # text of the summary or content the feed carries (HTML already removed)
    published: dt.datetime | None


def refuse_entities(body: bytes) -> None:
    try:
        defusedxml.ElementTree.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FeedError("the feed declares XML entities or external references; refused") from None
    except ParseError:
        # Not well-formed: feedparser would try its loose parser. Refuse any entity declaration
        # hidden in it (case-insensitive, in the encodings a feed may use).
        if any(pattern.search(body) for pattern in _ENTITY_FORMS):
            raise FeedError("the feed declares XML entities; refused") from None


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _published(entry: Any) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)


def parse_feed(body: bytes, base_url: str = "") -> list[FeedEntry]:
    refuse_entities(body)
    parsed = feedparser.parse(body, response_headers={"content-location": base_url} if base_url else None)
    if not parsed.get("version"):  # feedparser names the format it recognised; none: not a feed
        raise FeedError("not an RSS or Atom feed")
    entries = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        link = str(entry.get("link") or "")
        if not link.startswith(("http://", "https://")):
            continue  # javascript:, data:, relative links feedparser could not resolve
        content = " ".join(part.get("value", "") for part in entry.get("content", []))
        entries.append(
            FeedEntry(
                url=link,
                title=_text(str(entry.get("title") or "")),
                summary=_text(content or str(entry.get("summary") or "")),
                published=_published(entry),
            )
        )
    return entries
