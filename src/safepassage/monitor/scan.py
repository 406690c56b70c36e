"""Where `safepassage monitor scan` reads articles from: a saved page or text file, a folder of
them, a saved feed file, or a feed URL (fetched politely and defensively, then each entry's page)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from safepassage.monitor.extract import ArticleText, decode, from_html, from_text
from safepassage.monitor.feeds import FeedEntry, FeedError, parse_feed
from safepassage.monitor.fetch import (
    FEED_TYPES,
    PAGE_TYPES,
    Fetcher,
    FetchError,
    FetchPolicy,
    parse_allow_list,
)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
MAX_FILE_BYTES = 10 * 1024 * 1024
ALLOW_ENV = "SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES"


class ScanInputError(ValueError):
    """Bad input for scan (one line)."""


@dataclass(frozen=True)
class Article:
    label: str  # the file path or the article URL
    text: ArticleText


def default_fetcher() -> Fetcher:
    """The fetch policy from the environment: SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES names
    ADDRESS:PORT pairs that may be reached although they are not public (an internal mirror)."""
    try:
        allowed = parse_allow_list(os.environ.get(ALLOW_ENV, ""))
    except ValueError as error:
        raise ScanInputError(f"{ALLOW_ENV}: {error}") from None
    return Fetcher(FetchPolicy(allow_addresses=allowed))


def _read(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ScanInputError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return path.read_bytes()


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _entry_article(entry: FeedEntry) -> Article:
    text = f"{entry.title}\n\n{entry.summary}"
    return Article(entry.url, from_text(text))


def from_file(path: Path) -> Iterator[Article]:
    body = _read(path)
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        try:
            entries = parse_feed(body)
        except FeedError as error:
            raise ScanInputError(f"{path}: {error}") from None
        yield from (_entry_article(e) for e in entries)
    elif suffix in HTML_SUFFIXES or _looks_like_html(body):
        yield Article(str(path), from_html(decode(body), ""))
    else:
        yield Article(str(path), from_text(decode(body)))


def from_folder(folder: Path) -> Iterator[Article]:
    suffixes = HTML_SUFFIXES | TEXT_SUFFIXES | FEED_SUFFIXES
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    if not files:
        raise ScanInputError(f"{folder}: no .html, .txt or feed files in this folder")
    for path in files:
        yield from from_file(path)


def from_feed_url(url: str, fetcher: Fetcher) -> Iterator[Article]:
    try:
        feed = fetcher.get(url, FEED_TYPES)
        entries = parse_feed(feed.body, feed.url)
    except (FetchError, FeedError) as error:
        raise ScanInputError(f"{url.split('?')[0]}: {error}") from None
    for entry in entries:
        try:
            page = fetcher.get(entry.url, PAGE_TYPES)
        except FetchError:
            yield _entry_article(entry)  # the page is gone or refused: the feed's own text
            continue
        body = decode(page.body, page.charset)
        text = from_html(body, page.url) if page.content_type != "text/plain" else from_text(body)
        yield Article(entry.url, text if text.text else _entry_article(entry).text)


def articles(target: str, fetcher: Fetcher | None = None) -> Iterator[Article]:
    if target.startswith(("http://", "https://")):
        yield from from_feed_url(target, fetcher or default_fetcher())
        return
    path = Path(target)
    if path.is_dir():
        yield from from_folder(path)
    elif path.is_file():
        yield from from_file(path)
    else:
        raise ScanInputError(f"{target}: no such file, folder or http(s) URL")
