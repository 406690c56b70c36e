"""Fetching feeds and pages from a local server: politeness (conditional GET, per-host
interval, back-off) and defence (private addresses on every hop, size caps after
decompression, content types, timeouts)."""

from __future__ import annotations

import gzip
import time
from http.server import BaseHTTPRequestHandler

import pytest

from safepassage.monitor.fetch import (
    FEED_TYPES,
    PAGE_TYPES,
    Fetcher,
    FetchError,
    FetchPolicy,
    Refused,
    parse_allow_list,
)

from .server import Reply, Site, page, rss, serve

FEED = rss([("A title", "https://example.org/a", "text")])


def fetcher(*sites: Site, **policy: object) -> tuple[Fetcher, list[float]]:
    slept: list[float] = []
    options = {"host_interval_seconds": 0.0, "backoff_seconds": 0.5, **policy}
    allowed = frozenset(site.address for site in sites)
    return Fetcher(FetchPolicy(allow_addresses=allowed, **options), sleep=slept.append), slept  # type: ignore[arg-type]


def test_a_feed_is_fetched_and_conditional_get_answers_not_modified() -> None:
    def conditional(handler: BaseHTTPRequestHandler) -> Reply:
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304)
        return Reply(FEED, headers={"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"v1"', "Last-Modified": "Fri, 07 Feb 2025 10:00:00 GMT"})

    with serve({"/feed": conditional}) as site:
        get, _ = fetcher(site)
        first = get.get(f"{site.base}/feed", FEED_TYPES)
        assert first.status == 200 and first.body == FEED and first.etag == '"v1"' and first.charset == "utf-8"
        again = get.get(f"{site.base}/feed", FEED_TYPES, etag=first.etag, last_modified=first.last_modified)
        assert again.not_modified and again.body == b""
        assert site.requests[1][1]["If-Modified-Since"] == "Fri, 07 Feb 2025 10:00:00 GMT"


def test_loopback_is_refused_unless_allowed() -> None:
    with serve({"/feed": Reply(FEED, headers={"Content-Type": "application/rss+xml"})}) as site:
        with pytest.raises(Refused, match="local or private address"):
            Fetcher(FetchPolicy()).get(f"{site.base}/feed", FEED_TYPES)
        assert site.requests == []  # refused before connecting


def test_a_redirect_to_a_private_address_is_refused_on_that_hop() -> None:
    with serve({"/r": Reply(status=302, headers={"Location": "http://10.20.30.40/admin"})}) as site:
        get, _ = fetcher(site)
        with pytest.raises(Refused, match=r"10\.20\.30\.40: resolves to a local or private address"):
            get.get(f"{site.base}/r", FEED_TYPES)


def test_a_redirect_to_another_local_port_is_refused_and_never_reached() -> None:
    with serve({"/secret": Reply(b"internal")}) as internal:
        with serve({"/r": Reply(status=301, headers={"Location": f"{internal.base}/secret"})}) as site:
            get, _ = fetcher(site)  # only the first server is allowed
            with pytest.raises(Refused):
                get.get(f"{site.base}/r", PAGE_TYPES)
        assert internal.requests == []


def test_a_name_that_resolves_to_loopback_is_refused_even_after_a_public_first_hop() -> None:
    with serve({"/r": Reply(status=302, headers={"Location": "http://localhost/x"})}) as site:
        get, _ = fetcher(site)
        with pytest.raises(Refused, match="localhost"):
            get.get(f"{site.base}/r", PAGE_TYPES)


def test_every_address_a_name_resolves_to_must_be_public() -> None:
    mixed = Fetcher(FetchPolicy(), resolver=lambda host, port: ["93.184.216.34", "192.168.1.1"])
    with pytest.raises(Refused):
        mixed.get("http://news.example/feed", FEED_TYPES)
    for url in ("file:///etc/passwd", "ftp://example.org/x", "http://user:pw@example.org/"):
        with pytest.raises(Refused):
            Fetcher(FetchPolicy()).get(url, FEED_TYPES)


def test_redirects_are_followed_to_an_allowed_page() -> None:
    body = page("Title", ["Text"])
    with serve({"/old": Reply(status=301, headers={"Location": "/new"}), "/new": Reply(body, headers={"Content-Type": "text/html"})}) as site:
        get, _ = fetcher(site)
        response = get.get(f"{site.base}/old", PAGE_TYPES)
        assert response.url.endswith("/new") and response.body == body


def test_too_many_redirects_stop() -> None:
    with serve({"/loop": Reply(status=302, headers={"Location": "/loop"})}) as site:
        get, _ = fetcher(site, max_redirects=3)
        with pytest.raises(Refused, match="more than 3 redirects"):
            get.get(f"{site.base}/loop", PAGE_TYPES)
        assert len(site.requests) == 4


def test_bodies_over_the_cap_are_refused_declared_or_not_and_after_decompression() -> None:
    big = b"x" * 5000
    bomb = gzip.compress(b"a" * 200_000)  # small on the wire, large unpacked
    routes = {
        "/declared": Reply(big, headers={"Content-Type": "text/html"}),
        "/bomb": Reply(bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
    }
    with serve(routes) as site:
        get, _ = fetcher(site, max_bytes=4096)
        with pytest.raises(Refused, match="cap"):
            get.get(f"{site.base}/declared", PAGE_TYPES)
        assert len(bomb) < 4096
        with pytest.raises(Refused, match="cap"):
            get.get(f"{site.base}/bomb", PAGE_TYPES)


def test_a_gzipped_page_within_the_cap_is_unpacked() -> None:
    body = page("T", ["Hello"])
    with serve({"/p": Reply(gzip.compress(body), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})}) as site:
        get, _ = fetcher(site)
        assert get.get(f"{site.base}/p", PAGE_TYPES).body == body


def test_an_unexpected_content_type_is_refused() -> None:
    with serve({"/f": Reply(b"\x7fELF", headers={"Content-Type": "application/octet-stream"})}) as site:
        get, _ = fetcher(site)
        with pytest.raises(Refused, match="content type application/octet-stream"):
            get.get(f"{site.base}/f", FEED_TYPES)


def test_server_errors_are_retried_with_growing_back_off() -> None:
    replies = [Reply(status=503), Reply(status=503), Reply(FEED, headers={"Content-Type": "text/xml"})]

    def flaky(handler: BaseHTTPRequestHandler) -> Reply:
        return replies.pop(0)

    with serve({"/feed": flaky}) as site:
        get, slept = fetcher(site)
        assert get.get(f"{site.base}/feed", FEED_TYPES).body == FEED
        assert slept == [0.5, 1.0]


def test_retry_after_is_honoured_and_persistent_failure_is_one_error() -> None:
    with serve({"/busy": Reply(status=429, headers={"Retry-After": "7"}), "/down": Reply(status=500)}) as site:
        get, slept = fetcher(site, retries=1)
        with pytest.raises(FetchError, match="HTTP 429"):
            get.get(f"{site.base}/busy", FEED_TYPES)
        assert slept == [7.0]
        with pytest.raises(FetchError, match="HTTP 500"):
            get.get(f"{site.base}/down", FEED_TYPES)


def test_a_stalled_server_times_out() -> None:
    def stall(handler: BaseHTTPRequestHandler) -> Reply:
        time.sleep(2)
        return Reply(FEED, headers={"Content-Type": "text/xml"})

    with serve({"/slow": stall}) as site:
        get, _ = fetcher(site, read_timeout=0.3, retries=0)
        with pytest.raises(FetchError, match="ReadTimeoutError"):
            get.get(f"{site.base}/slow", FEED_TYPES)


def test_requests_to_one_host_keep_their_interval() -> None:
    with serve({"/a": Reply(FEED, headers={"Content-Type": "text/xml"})}) as site:
        now = [100.0]
        slept: list[float] = []
        get = Fetcher(
            FetchPolicy(allow_addresses=frozenset({site.address}), host_interval_seconds=5.0),
            sleep=slept.append,
            clock=lambda: now[0],
        )
        get.get(f"{site.base}/a", FEED_TYPES)
        now[0] += 2.0
        get.get(f"{site.base}/a", FEED_TYPES)
        assert slept == [3.0]


def test_the_allow_list_is_parsed_strictly() -> None:
    assert parse_allow_list("127.0.0.1:8080, [::1]:80") == {("127.0.0.1", 8080), ("::1", 80)}
    for bad in ("127.0.0.1", "host:80", "127.0.0.1:http"):
        with pytest.raises(ValueError):
            parse_allow_list(bad)
