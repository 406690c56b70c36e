"""Feeds are parsed by feedparser only after defusedxml found no entity declarations."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.monitor.feeds import FeedError, parse_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def test_an_rss_feed_gives_its_entries_with_text_and_dates() -> None:
    entries = parse_feed((FEEDS / "regional-ru.rss").read_bytes())
    assert [e.title for e in entries] == ["В Алматы задержали уроженку Чечни", "Открыт новый мост"]  # javascript: link dropped
    assert entries[0].summary == "Полиция задержала Аминат Досхоеву по заявлению её родственников."
    assert entries[0].published is not None and entries[0].published.isoformat() == "2025-02-07T06:30:00+00:00"


def test_an_atom_feed_is_read_too() -> None:
    entries = parse_feed((FEEDS / "rights-en.atom").read_bytes())
    assert entries[0].url == "https://rights.example/updates/released"
    assert "Aminat Doskhoeva" in entries[0].summary


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml", "broken-with-entity.xml"])
def test_entity_declarations_are_refused_before_feedparser_sees_them(name: str) -> None:
    with pytest.raises(FeedError, match="entities"):
        parse_feed((FEEDS / name).read_bytes())


def test_an_entity_declaration_in_utf16_is_refused() -> None:
    body = (FEEDS / "billion-laughs.xml").read_text().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    with pytest.raises(FeedError):
        parse_feed(body.encode("utf-16"))


def test_what_is_not_a_feed_is_one_error() -> None:
    for body in (b"<html><body>hello</body></html>", b"\xff\xfe\x00garbage", b""):
        with pytest.raises(FeedError, match="not an RSS or Atom feed"):
            parse_feed(body)
