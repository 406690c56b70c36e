"""What a monitor job does: fetch a feed and queue its new articles; fetch an article, read its
text, store it and queue an incident candidate; match a batch of stored articles against the
watch lists (batches.py). Shared by both queue backends.

An article job never opens a watch list: what it writes is the same whether or not the article
names a watched person, so its rows, times and transactions cannot point to an alert."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from functools import cache
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from safepassage.casework.monitoring.batches import run_match
from safepassage.casework.monitoring.config import MonitorConfig
from safepassage.casework.monitoring.jobs import LeaseLost, enqueue, enqueue_many, fail, finish
from safepassage.casework.monitoring.models import Article, FeedState, IncidentCandidate, Job
from safepassage.casework.monitoring.watch import WatchCache
from safepassage.monitor.analyse import analyse
from safepassage.monitor.extract import (
    ArticleText,
    canonical_url,
    content_hash,
    decode,
    from_html,
    from_text,
    searchable,
)
from safepassage.monitor.feeds import FeedError, parse_feed
from safepassage.monitor.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError
from safepassage.monitor.sources import SOURCES_FILE, Source, load_sources

log = logging.getLogger("safepassage.monitor")
MAX_FEED_BACKOFF = dt.timedelta(hours=24)


@cache
def sources() -> dict[str, Source]:
    path = Path(os.environ.get("SAFEPASSAGE_MONITOR_SOURCES", SOURCES_FILE))
    return {s.id: s for s in load_sources(path)}


def url_key(url: str) -> str:
    return hashlib.sha256(canonical_url(url).encode()).hexdigest()


def schedule_due_feeds(config: MonitorConfig) -> int:
    """Queue a fetch for every source that is due. Several workers may run this at once: the
    conditional update of next_fetch lets exactly one of them queue each feed."""
    queued = 0
    for source_id in sources():
        state, _ = FeedState.objects.get_or_create(source_id=source_id)
        now = timezone.now()
        if state.next_fetch > now:
            continue
        won = FeedState.objects.filter(pk=state.pk, next_fetch=state.next_fetch).update(
            next_fetch=now + dt.timedelta(seconds=config.feed_interval_seconds)
        )
        if won:
            enqueue(Job.Kind.FEED, {"source_id": source_id})
            queued += 1
    return queued


def run_job(job: Job, config: MonitorConfig, fetcher: Fetcher, watch: WatchCache) -> None:
    try:
        if job.kind == Job.Kind.FEED:
            _feed(job, config, fetcher)
        elif job.kind == Job.Kind.MATCH:
            run_match(job, config, watch)
        else:
            _article(job, fetcher)
        log.info("monitor job %s (%s) done", job.pk, job.kind)
    except LeaseLost:
        log.warning("monitor job %s: another worker took it over; results discarded", job.pk)
    except Exception as error:  # one bad article must not stop the worker
        # the class name only: messages of parser errors may quote the input
        fail(job, error.__class__.__name__)
        log.warning("monitor job %s (%s) failed: %s", job.pk, job.kind, error.__class__.__name__)


def _feed(job: Job, config: MonitorConfig, fetcher: Fetcher) -> None:
    source = sources().get(str(job.payload.get("source_id")))
    if source is None:
        fail(job, "source no longer configured", retry=False)
        return
    state, _ = FeedState.objects.get_or_create(source_id=source.id)
    try:
        response = fetcher.get(str(source.url), FEED_TYPES, etag=state.etag or None, last_modified=state.last_modified or None)
        entries = [] if response.not_modified else parse_feed(response.body, response.url)
    except (FetchError, FeedError) as error:
        state.failures += 1
        state.last_error = str(error)[:200]
        backoff = dt.timedelta(seconds=config.feed_interval_seconds * 2**state.failures)
        state.next_fetch = timezone.now() + min(backoff, MAX_FEED_BACKOFF)
        state.save(update_fields=["failures", "last_error", "next_fetch"])
        fail(job, str(error), retry=False)  # the fetcher already retried; the next round will try again
        return
    fresh = []
    known = set(Article.objects.filter(url_hash__in=[url_key(e.url) for e in entries]).values_list("url_hash", flat=True))
    for entry in entries:
        key = url_key(entry.url)
        if key not in known:
            payload = {"url": entry.url, "source_id": source.id, "title": entry.title[:500], "summary": entry.summary[:20000]}
            fresh.append((payload, f"article:{key}"))
    with transaction.atomic():
        enqueue_many(Job.Kind.ARTICLE, fresh)
        if not response.not_modified:
            state.etag, state.last_modified = response.etag or "", response.last_modified or ""
        state.failures, state.last_error, state.last_fetched = 0, "", timezone.now()
        state.save(update_fields=["etag", "last_modified", "failures", "last_error", "last_fetched"])
        finish(job)


def _read_article(url: str, payload: dict[str, str], fetcher: Fetcher) -> ArticleText:
    fallback = from_text(f"{payload.get('title', '')}\n\n{payload.get('summary', '')}")
    try:
        page = fetcher.get(url, PAGE_TYPES)
    except FetchError:
        return fallback  # gone, refused or too large: what the feed itself said
    body = decode(page.body, page.charset)
    text = from_text(body) if page.content_type == "text/plain" else from_html(body, page.url)
    return text if text.text.strip() else fallback


def _article(job: Job, fetcher: Fetcher) -> None:
    payload = {k: str(v) for k, v in job.payload.items()}
    url = canonical_url(payload["url"])  # fetched without tracking parameters, too
    key = url_key(url)
    if Article.objects.filter(url_hash=key).exists():
        with transaction.atomic():
            finish(job)
        return
    text = _read_article(url, payload, fetcher)
    body = text.text or text.title
    digest = content_hash(body)
    original = Article.objects.filter(content_hash=digest, duplicate_of__isnull=True).first()
    title = (text.title or payload.get("title", ""))[:500]
    # public news only: incidents need no watch list (names are matched later, in a batch)
    analysis = None if original else analyse(searchable(ArticleText(title, body, None, text.language)), None)
    with transaction.atomic():
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    url=url[:2000], url_hash=key, content_hash=digest,
                    source_id=payload.get("source_id", "")[:64], title=title,
                    text=body, language=text.language[:8], published=(text.published or "")[:10], duplicate_of=original,
                )  # fmt: skip
        except IntegrityError:  # the same URL was stored meanwhile
            finish(job)
            return
        if analysis is not None and analysis.incident:
            IncidentCandidate.objects.create(
                article=article,
                kinds=",".join(analysis.incident.kinds),
                origins=",".join(analysis.incident.origins),
                places=[{"name": p.place.name, "country": p.place.country, "kind": p.place.kind} for p in analysis.incident_places],
                excerpt=analysis.incident_excerpt,
            )
        finish(job)
