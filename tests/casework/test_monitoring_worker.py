"""The monitor worker on the database queue, against a local news site: feeds to articles to
sealed alerts and incident candidates; conditional GET and deduplication; safe claims with
several workers; and a worker killed mid-job whose article another worker processes once."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.cases.service import open_case
from safepassage.casework.monitoring.jobs import claim, enqueue_many
from safepassage.casework.monitoring.models import (
    Alert,
    Article,
    IncidentCandidate,
    Job,
    WatchEntry,
)
from safepassage.casework.monitoring.records import AlertRecord
from safepassage.casework.monitoring.worker import run_database_worker
from tests.monitor.server import Reply, page, serve

from .conftest import World
from .monitoring_helpers import configure, news_routes, subprocess_env, watch

pytestmark = pytest.mark.django_db(transaction=True)


def alerts(world: World) -> list[AlertRecord]:
    opened = open_case(world.caseworker, world.case.pk)
    return [a.open_record(opened.key, AlertRecord) for a in Alert.objects.filter(case=world.case)]


def test_a_feed_becomes_a_sealed_alert_with_place_and_an_incident_candidate(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world)
    with serve({}) as site:
        site.routes.update(news_routes(site))
        config = configure(monkeypatch, tmp_path, site)
        run_database_worker(config, once=True)
        assert site.paths()[0] == "/feed.rss" and sorted(site.paths()[1:]) == ["/news/1.html", "/news/2.html"]
    assert Article.objects.count() == 2
    [alert] = alerts(world)
    assert alert.kind == "named_with_place" and alert.matched == ["Аминат", "Досхоеву"] and alert.score == 1.0
    assert {p.name for p in alert.places} == {"Almaty", "Chechnya"}
    assert alert.url.endswith("/news/1.html") and "utm_source" not in alert.url
    assert "Досхоеву" in alert.excerpt and alert.title == "Задержание в Алматы"
    assert AuditEntry.objects.filter(action="alert.create", case_id=str(world.case.pk), actor="monitor").count() == 1
    candidate = IncidentCandidate.objects.get()
    assert candidate.kinds == "detention" and "chechen" in candidate.origins and candidate.status == "new"
    assert Alert.objects.filter(case=world.other_case).count() == 0
    assert set(Job.objects.values_list("state", flat=True)) == {"done"}


def test_the_database_holds_no_watched_name_in_clear(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world, names=("Аминат Досхоева", "Aminat Doskhoeva"))
    with serve({}) as site:
        site.routes.update(news_routes(site))
        run_database_worker(configure(monkeypatch, tmp_path, site), once=True)
    assert Alert.objects.count() == 1
    # every column of the monitor's case-bound tables and of the queue: ciphertext and ids only
    for model in (WatchEntry, Alert, Job):
        for row in model.objects.values():
            flat = " ".join(str(v) for v in row.values()).casefold()
            assert "aminat" not in flat and "аминат" not in flat and "doskho" not in flat, model.__name__


def test_a_second_round_asks_with_etag_and_stores_nothing_twice(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world)

    def feed(handler: BaseHTTPRequestHandler) -> Reply:
        if handler.headers.get("If-None-Match") == '"feed-v1"':
            return Reply(status=304)
        return first_feed

    with serve({}) as site:
        site.routes.update(news_routes(site))
        first_feed = site.routes["/feed.rss"]
        assert isinstance(first_feed, Reply)
        site.routes["/feed.rss"] = feed
        config = configure(monkeypatch, tmp_path, site, SAFEPASSAGE_MONITOR_FEED_INTERVAL="1")
        run_database_worker(config, once=True)
        time.sleep(1.1)
        run_database_worker(config, once=True)
        feed_requests = [headers for path, headers in site.requests if path == "/feed.rss"]
    assert len(feed_requests) == 2 and feed_requests[1].get("If-None-Match") == '"feed-v1"'
    assert Article.objects.count() == 2 and Alert.objects.count() == 1


def test_the_same_text_under_another_url_is_a_duplicate_and_alerts_once(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world)
    with serve({}) as site:
        site.routes.update(news_routes(site))
        site.routes["/copy.html"] = site.routes["/news/1.html"]
        config = configure(monkeypatch, tmp_path, site)
        enqueue_many(Job.Kind.ARTICLE, [({"url": f"{site.base}/news/1.html", "source_id": "local-news"}, "a1"), ({"url": f"{site.base}/copy.html", "source_id": "local-news"}, "a2")])
        run_database_worker(config, once=True, schedule=False)
    copy = Article.objects.get(url__endswith="/copy.html")
    assert copy.duplicate_of is not None and copy.duplicate_of.url.endswith("/news/1.html")
    assert Alert.objects.count() == 1


def test_an_article_page_on_a_private_address_falls_back_to_the_feed_text(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world)
    with serve({}) as site:
        config = configure(monkeypatch, tmp_path, site)
        payload = {"url": "http://10.9.8.7/internal", "source_id": "local-news", "title": "T", "summary": "Аминат Досхоева в Бишкеке"}
        enqueue_many(Job.Kind.ARTICLE, [(payload, "private")])
        run_database_worker(config, once=True, schedule=False)
    [alert] = alerts(world)
    assert alert.places[0].name == "Bishkek"


def test_a_job_is_claimed_by_one_worker_only(world: World) -> None:
    enqueue_many(Job.Kind.ARTICLE, [({"url": f"https://x.example/{n}"}, f"k{n}") for n in range(40)])
    taken: list[int] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        try:
            while (job := claim(name, 60)) is not None:
                with lock:
                    taken.append(job.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(taken) == 40 and len(set(taken)) == 40
    assert Job.objects.filter(state="running").count() == 40


def test_the_worker_logs_no_watched_name(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    watch(world)
    with serve({}) as site, caplog.at_level(logging.DEBUG, logger="safepassage"):
        site.routes.update(news_routes(site))
        run_database_worker(configure(monkeypatch, tmp_path, site), once=True)
    assert "monitor job" in caplog.text
    assert "Досхо" not in caplog.text and "Аминат" not in caplog.text


def wait_for(condition: object, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def start_worker(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "safepassage", "monitor", "run", *args],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def killed_mid_job(world: World, tmp_path: Path, queue: str, extra_env: dict[str, str]) -> None:
    """Worker A takes the article job, its page hangs, A is killed; worker B takes the job once
    the lease has run out and processes the article exactly once."""
    watch(world)
    release = threading.Event()
    served: list[str] = []

    def slow_page(handler: BaseHTTPRequestHandler) -> Reply:
        served.append("page")
        release.wait(30)
        return Reply(page("Задержание", ["Полиция Алматы задержала Аминат Досхоеву."]), headers={"Content-Type": "text/html"})

    with serve({"/news/1.html": slow_page}) as site:
        enqueue_many(Job.Kind.ARTICLE, [({"url": f"{site.base}/news/1.html", "source_id": "local-news"}, "the-article")])
        env = subprocess_env(tmp_path, site, SAFEPASSAGE_MONITOR_LEASE="2", **extra_env)
        first = start_worker(env, "--queue", queue, "--no-schedule")
        try:
            wait_for(lambda: served and Job.objects.filter(state="running").exists())
            os.kill(first.pid, signal.SIGKILL)
            first.wait(10)
        finally:
            if first.poll() is None:
                first.kill()
        release.set()
        job = Job.objects.get(kind=Job.Kind.ARTICLE)
        assert job.state == "running" and Article.objects.count() == 0  # nothing half-written
        wait_for(lambda: Job.objects.get(pk=job.pk).lease_until < timezone.now())
        second = start_worker({**env, "SAFEPASSAGE_MONITOR_LEASE": "60"}, "--queue", queue, "--no-schedule", "--once")
        assert second.wait(120) == 0
        log = second.stderr.read().decode() if second.stderr else ""
    job.refresh_from_db()
    assert job.state == "done" and job.attempts == 2, log
    assert Article.objects.count() == 1 and Alert.objects.filter(case=world.case).count() == 1
    assert len(served) == 2  # fetched by A (killed), then by B


def test_a_worker_killed_mid_job_loses_no_article(world: World, tmp_path: Path) -> None:
    killed_mid_job(world, tmp_path, "database", {})


REDIS_URL = os.environ.get("SAFEPASSAGE_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture
def redis_db() -> object:
    """Its own Redis database (5 unless SAFEPASSAGE_TEST_REDIS_URL says otherwise), flushed
    before and after; the RQ tests skip, saying why, where no Redis server runs."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown

    client = Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except RedisDown:
        pytest.skip(f"no Redis at {REDIS_URL} (scripts/ensure-redis.sh starts one)")
    client.flushdb()
    yield client
    client.flushdb()


def test_the_rq_backend_turns_a_feed_into_an_alert(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, redis_db: object) -> None:
    from safepassage.casework.monitoring import rq_backend

    watch(world)
    with serve({}) as site:
        site.routes.update(news_routes(site))
        config = configure(monkeypatch, tmp_path, site, SAFEPASSAGE_REDIS_URL=REDIS_URL, SAFEPASSAGE_MONITOR_QUEUE="rq")
        rq_backend._worker_state.cache_clear()
        rq_backend.run_rq_worker(load_rq(config), once=True)
    assert Alert.objects.filter(case=world.case).count() == 1 and Article.objects.count() == 2
    assert set(Job.objects.values_list("state", flat=True)) == {"done"}


def load_rq(config: object) -> object:
    from safepassage.casework.monitoring.config import load_config

    return load_config("rq")


def test_an_rq_worker_killed_mid_job_loses_no_article(world: World, tmp_path: Path, redis_db: object) -> None:
    killed_mid_job(world, tmp_path, "rq", {"SAFEPASSAGE_REDIS_URL": REDIS_URL})


def test_a_bad_queue_setting_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from safepassage.cli import main

    for argv, env, message in (
        (["monitor", "run", "--queue", "kafka", "--once"], {}, "queue: expected database or rq"),
        (["monitor", "run", "--once"], {"SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES": "10.0.0.1"}, "SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES"),
        (["monitor", "run", "--once"], {"SAFEPASSAGE_MONITOR_LEASE": "-3"}, "SAFEPASSAGE_MONITOR_LEASE: expected a positive number"),
    ):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr("sys.argv", ["safepassage", *argv])
        with pytest.raises(SystemExit) as exit_info:
            main()
        error = capsys.readouterr().err.strip()
        assert exit_info.value.code == 2 and message in error and len(error.splitlines()) == 1
        for name in env:
            monkeypatch.delenv(name)
