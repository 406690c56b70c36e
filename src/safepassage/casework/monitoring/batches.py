"""Matching stored articles against the watch lists, a batch at a time.

Security (docs/threat-model.md, "News monitoring"): someone who holds the database must not be
able to tell which public article an alert points to, since the article names the person. So
an article is stored when it is read, by a job that never opens a watch list, and nothing about
its row depends on whether it names anyone. At the start of each period
(SAFEPASSAGE_MONITOR_MATCH_PERIOD) one match job takes every article stored before then and not
yet matched; in one transaction it marks them all with the same time (`matched_at`: the
period's start), then writes all their alerts, dated with that same time, in token order
(alerts.py). So the alerts' rows, times, transaction ids and order, and the articles' rows, say
which batch an alert came from and nothing more: within the batch every article looks alike.
A batch smaller than SAFEPASSAGE_MONITOR_MATCH_MIN_ARTICLES waits for the next period (a quiet
night's single article is not a batch of one), but no longer than MAX_WAIT_PERIODS: a location
leak must not wait for hours. `monitor run --once` matches what it read before it stops, as a
batch of its own.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from django.db import connection, transaction
from django.utils import timezone

from safepassage.casework.monitoring.alerts import alerts_for, store_alerts
from safepassage.casework.monitoring.config import MonitorConfig
from safepassage.casework.monitoring.jobs import enqueue, finish
from safepassage.casework.monitoring.models import Alert, Article, Job
from safepassage.casework.monitoring.watch import WatchCache, WatchList
from safepassage.monitor.analyse import analyse
from safepassage.monitor.extract import ArticleText, searchable

log = logging.getLogger("safepassage.monitor")
MAX_WAIT_PERIODS = 4  # a batch too small waits at most this many periods
CHUNK = 500  # articles read or marked per query


def period_start(moment: dt.datetime, seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(moment.timestamp()) // seconds * seconds, tz=dt.UTC)


def schedule_match(config: MonitorConfig) -> bool:
    """Queue this period's match job, once whichever worker asks first (every period, whether
    or not anything is waiting: the job itself decides, so the queue says nothing either)."""
    start = period_start(timezone.now(), config.match_period_seconds)
    payload = {"until": start.isoformat(), "min_articles": config.match_min_articles}
    return enqueue(Job.Kind.MATCH, payload, dedupe_key=f"match:{int(start.timestamp())}") is not None


def schedule_final_match(config: MonitorConfig) -> bool:
    """For `--once`: a match job for everything read so far, unless nothing waits or a match
    job is queued or running already. The batch is dated by the end of the current period."""
    end = period_start(timezone.now(), config.match_period_seconds) + dt.timedelta(seconds=config.match_period_seconds)
    if not Article.objects.filter(matched_at__isnull=True, fetched__lt=end).exists():
        return False
    if Job.objects.filter(kind=Job.Kind.MATCH, state__in=(Job.State.QUEUED, Job.State.RUNNING)).exists():
        return False
    return enqueue(Job.Kind.MATCH, {"until": end.isoformat(), "min_articles": 1}) is not None


def _chunks(items: list[object]) -> Iterator[list[object]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def run_match(job: Job, config: MonitorConfig, watch: WatchCache) -> None:
    until = dt.datetime.fromisoformat(str(job.payload["until"]))
    minimum = int(job.payload.get("min_articles", 1))
    waiting = Article.objects.filter(matched_at__isnull=True, fetched__lt=until)
    pending: list[object] = list(waiting.values_list("pk", flat=True))
    oldest = waiting.order_by("fetched").values_list("fetched", flat=True).first()
    patient = oldest is not None and until - oldest < dt.timedelta(seconds=config.match_period_seconds * MAX_WAIT_PERIODS)
    if len(pending) < minimum and patient:
        pending = []  # too few to hide one among them: the next period's batch takes them
    # Matching reads and computes outside the transaction that writes (SQLite holds its one
    # write lock for as long as a transaction lasts).
    found, unreadable = _match(pending, watch.get(), until) if pending else ({}, 0)
    with transaction.atomic():
        taken = _mark(pending, until)
        store_alerts([a for pk in taken if pk in found for a in found[pk]])
        finish(job)
    if unreadable:
        log.warning("monitor job %s: %s articles could not be analysed", job.pk, unreadable)
    # how many articles, never how many alerts: the log is kept by others, longer, elsewhere
    log.info("monitor job %s: a batch of %s articles", job.pk, len(taken))


def _match(pending: list[object], watch_list: WatchList, stamp: dt.datetime) -> tuple[dict[object, list[Alert]], int]:
    """The sealed alerts (not yet saved) of the batch's articles, by article; and how many
    articles could not be analysed."""
    found: dict[object, list[Alert]] = {}
    unreadable = 0
    for chunk in _chunks(pending):
        for article in Article.objects.filter(pk__in=chunk, duplicate_of__isnull=True).only("pk", "url", "title", "text", "language", "published", "source_id"):
            try:
                text = searchable(ArticleText(article.title, article.text, article.published or None, article.language))
                analysis = analyse(text, watch_list.index, incidents=False)
            except Exception:  # one bad article must not stop the batch (or every later one)
                unreadable += 1
                continue
            alerts = alerts_for(article, analysis.findings, watch_list.targets, stamp)
            if alerts:
                found[article.pk] = alerts
    return found, unreadable


def _mark(pending: list[object], until: dt.datetime) -> set[object]:
    """Mark the articles of the batch as matched, all with the batch's time, by as few
    statements as the batch's size allows, in an order that is not the order of any match;
    those another batch took meanwhile are left to it."""
    taken: set[object] = set()
    for chunk in _chunks(pending):
        still = Article.objects.filter(pk__in=chunk, matched_at__isnull=True)
        if connection.vendor == "postgresql":
            still = still.select_for_update(skip_locked=True)
        ids = list(still.values_list("pk", flat=True))
        Article.objects.filter(pk__in=ids).update(matched_at=until)
        taken.update(ids)
    return taken

