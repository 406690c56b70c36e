"""Polite, defensive HTTP for feeds and article pages, which are untrusted input.

Security (docs/threat-model.md, "News monitoring"):
- Only http and https, no credentials in URLs.
- Every hop's host is resolved here and every address it resolves to must be public (not
  loopback, private, link-local, shared or reserved); the connection then goes to exactly the
  address that was checked (the name is not resolved a second time, so a DNS answer cannot
  change between the check and the connection). Redirects are followed by hand, each hop
  checked the same way. An operator may allow named (address, port) pairs, e.g. an internal
  mirror; tests allow their own loopback server that way.
- Bodies are read in chunks up to a size cap, after decompression (a gzip bomb stops at the
  cap), within a wall-clock limit (a server dripping one byte at a time stops too).
- The content type must be one the caller accepts (a feed, a page).
Politeness: conditional GET (ETag / Last-Modified), a minimum interval between requests to one
host (per process), timeouts, and retries with exponential back-off on timeouts, 429 and 5xx.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error

FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/x-rss+xml", "application/feed+json",
})  # fmt: skip
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 500, 502, 503, 504})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)

Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """A fetch failed; the message is one line, naming the host but never a query string."""


class Refused(FetchError):
    """The URL, an address it leads to, its size or its content type is not allowed."""


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 5 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_seconds: float = 60.0
    max_redirects: int = 5
    retries: int = 3
    backoff_seconds: float = 2.0
    max_backoff_seconds: float = 120.0
    host_interval_seconds: float = 5.0
    user_agent: str = "SafePassage-monitor/0.1 (news monitoring for human-rights defenders)"
    allow_addresses: frozenset[tuple[str, int]] = frozenset()


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # of a redirect
    retry_after: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"{host}: cannot resolve ({error.__class__.__name__})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass
class Fetcher:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    resolver: Resolver = system_resolver
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last_request: dict[str, float] = field(default_factory=dict)

    def get(self, url: str, accept: Iterable[str], etag: str | None = None, last_modified: str | None = None) -> Response:
        accepted = frozenset(accept)
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            response = self._with_retries(current, conditional)
            if response.status in REDIRECTS:
                location = response.location
                if not location:
                    raise FetchError(f"{host_of(current)}: redirect without a location")
                current = urljoin(current, location)
                conditional = {}  # validators belong to the first URL only
                continue
            if response.status == 304:
                return response
            if response.status != 200:
                raise FetchError(f"{host_of(current)}: HTTP {response.status}")
            if response.content_type not in accepted:
                raise Refused(f"{host_of(current)}: content type {response.content_type or 'missing'} is not accepted here")
            return response
        raise Refused(f"{host_of(url)}: more than {self.policy.max_redirects} redirects")

    def _with_retries(self, url: str, headers: dict[str, str]) -> Response:
        delay = self.policy.backoff_seconds
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                response = self._hop_once(url, headers)
            except Refused:
                raise
            except FetchError:
                if last:
                    raise
                self.sleep(delay)
                delay = min(delay * 2, self.policy.max_backoff_seconds)
                continue
            if response.status in RETRIED and not last:
                wait = _retry_after(response) or delay
                self.sleep(min(wait, self.policy.max_backoff_seconds))
                delay = min(delay * 2, self.policy.max_backoff_seconds)
                continue
            return response
        raise AssertionError("unreachable")

    def _checked_address(self, host: str, port: int) -> str:
        addresses = self.resolver(host, port)
        if not addresses:
            raise FetchError(f"{host}: no address")
        for address in addresses:
            if (address, port) in self.policy.allow_addresses:
                continue
            if not is_public(address):
                raise Refused(f"{host}: resolves to a local or private address; refused")
        return addresses[0]

    def _wait_for_host(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = self.policy.host_interval_seconds - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _hop_once(self, url: str, extra: dict[str, str]) -> Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Refused(f"scheme {parts.scheme or 'missing'} is not allowed")
        if parts.username or parts.password:
            raise Refused(f"{parts.hostname}: credentials in URLs are not allowed")
        host = (parts.hostname or "").lower()
        if not host:
            raise Refused("URL without a host")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise Refused(f"{host}: bad port") from None
        address = self._checked_address(host, port)
        self._wait_for_host(host)
        timeout = urllib3.Timeout(connect=self.policy.connect_timeout, read=self.policy.read_timeout)
        pool: urllib3.HTTPConnectionPool
        if parts.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address, port, timeout=timeout, retries=False, maxsize=1,
                server_hostname=host, assert_hostname=host, ssl_context=ssl.create_default_context(),
            )  # fmt: skip
        else:
            pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
        host_header = host if parts.port is None else f"{host}:{port}"
        headers = {
            "Host": host_header,
            "User-Agent": self.policy.user_agent,
            "Accept-Encoding": "gzip, deflate",
            **extra,
        }
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            raw = pool.urlopen("GET", target, headers=headers, redirect=False, preload_content=False, decode_content=True)
            try:
                if raw.status in REDIRECTS:
                    return Response(url, raw.status, "", None, b"", location=raw.headers.get("Location"))
                body = self._read_capped(raw, host)
            finally:
                raw.release_conn()
        except Urllib3Error as error:
            raise FetchError(f"{host}: {error.__class__.__name__}") from None
        finally:
            pool.close()
        content_type, charset = _content_type(raw.headers.get("Content-Type", ""))
        return Response(
            url, raw.status, content_type, charset, body,
            etag=raw.headers.get("ETag"), last_modified=raw.headers.get("Last-Modified"),
            retry_after=raw.headers.get("Retry-After"),
        )  # fmt: skip

    def _read_capped(self, raw: urllib3.BaseHTTPResponse, host: str) -> bytes:
        declared = raw.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise Refused(f"{host}: body of {declared} bytes is over the {self.policy.max_bytes}-byte cap")
        deadline = self.clock() + self.policy.total_seconds
        chunks: list[bytes] = []
        size = 0
        for chunk in raw.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise Refused(f"{host}: body over the {self.policy.max_bytes}-byte cap")
            if self.clock() > deadline:
                raise FetchError(f"{host}: took longer than {self.policy.total_seconds:.0f} s")
            chunks.append(chunk)
        return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    found = _CHARSET.search(params)
    return media.strip().lower(), found.group(1) if found else None


def _retry_after(response: Response) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date), if there is one."""
    value = (response.retry_after or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def parse_allow_list(text: str) -> frozenset[tuple[str, int]]:
    """'127.0.0.1:8080,10.0.0.5:80' -> {(address, port)}; bad items raise ValueError."""
    allowed: set[tuple[str, int]] = set()
    for item in filter(None, (part.strip() for part in text.split(","))):
        address, sep, port = item.rpartition(":")
        if not sep or not port.isdigit():
            raise ValueError(f"{item!r}: expected ADDRESS:PORT")
        ipaddress.ip_address(address.strip("[]"))
        allowed.add((address.strip("[]"), int(port)))
    return frozenset(allowed)
