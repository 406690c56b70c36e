"""Matching in batches (casework/monitoring/batches.py): one match job per period, a batch too
small waits (but not for ever), a failed batch leaves nothing behind and is done again once,
and alerts are sealed to one size whatever the article."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from safepassage.casework.monitoring import batches
from safepassage.casework.monitoring.alerts import RECORD_BYTES, fit
from safepassage.casework.monitoring.batches import schedule_match
from safepassage.casework.monitoring.config import MonitorConfig, load_config
from safepassage.casework.monitoring.jobs import claim, enqueue
from safepassage.casework.monitoring.models import Alert, Article, Job
from safepassage.casework.monitoring.records import AlertRecord, PlaceRecord
from safepassage.casework.monitoring.watch import WatchCache
from safepassage.casework.monitoring.work import run_job
from safepassage.monitor.fetch import Fetcher

from .conftest import World
from .monitoring_helpers import watch

pytestmark = pytest.mark.django_db(transaction=True)


def stored(count: int, age: dt.timedelta, named: int | None = None) -> list[Article]:
    """Articles as the article jobs store them, `age` ago; article `named` names the watched
    person."""
    made = []
    for n in range(count):
        text = f"Новость номер {n}: в городе открылся новый мост." + (" Аминат Досхоева покинула республику." if n == named else "")
        digest = hashlib.sha256(text.encode()).hexdigest()
        made.append(Article.objects.create(
            url=f"https://news.example/{n}", url_hash=hashlib.sha256(f"{n}".encode()).hexdigest(), content_hash=digest,
            source_id="local-news", title=f"Новость {n}", text=text, language="ru", fetched=timezone.now() - age,
        ))  # fmt: skip
    return made


def config() -> MonitorConfig:
    return load_config("database")


def work_all(cfg: MonitorConfig) -> None:
    fetcher, watch_cache = Fetcher(cfg.policy), WatchCache()
    while (job := claim("test", 60)) is not None:
        run_job(job, cfg, fetcher, watch_cache)


def test_one_match_job_per_period_whoever_asks(world: World) -> None:
    cfg = config()
    assert schedule_match(cfg) is True
    assert schedule_match(cfg) is False and Job.objects.filter(kind=Job.Kind.MATCH).count() == 1
    [job] = Job.objects.filter(kind=Job.Kind.MATCH)
    until = dt.datetime.fromisoformat(job.payload["until"])
    assert until <= timezone.now() and until.timestamp() % cfg.match_period_seconds == 0


def test_a_small_batch_waits_for_the_next_period_but_not_for_ever(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world)
    monkeypatch.setenv("SAFEPASSAGE_MONITOR_MATCH_MIN_ARTICLES", "5")
    cfg = config()
    stored(3, dt.timedelta(minutes=10), named=1)
    enqueue(Job.Kind.MATCH, {"until": timezone.now().isoformat(), "min_articles": 5})
    work_all(cfg)
    assert not Article.objects.filter(matched_at__isnull=False).exists() and not Alert.objects.exists()
    # the same three, read longer ago than MAX_WAIT_PERIODS periods: matched, small as they are
    Article.objects.update(fetched=timezone.now() - dt.timedelta(seconds=cfg.match_period_seconds * (batches.MAX_WAIT_PERIODS + 1)))
    enqueue(Job.Kind.MATCH, {"until": timezone.now().isoformat(), "min_articles": 5})
    work_all(cfg)
    assert Article.objects.filter(matched_at__isnull=True).count() == 0
    assert Alert.objects.filter(case=world.case).count() == 1


def test_a_batch_that_fails_leaves_nothing_and_is_matched_once_on_retry(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world)
    cfg = config()
    stored(4, dt.timedelta(minutes=10), named=2)
    real = batches.store_alerts

    def broken(found: list[Alert]) -> int:
        real(found)
        raise RuntimeError("the database went away")

    monkeypatch.setattr(batches, "store_alerts", broken)
    job = enqueue(Job.Kind.MATCH, {"until": timezone.now().isoformat(), "min_articles": 1})
    assert job is not None
    work_all(cfg)
    job.refresh_from_db()
    assert job.state == "queued" and job.last_error == "RuntimeError"
    assert not Alert.objects.exists() and not Article.objects.filter(matched_at__isnull=False).exists()
    monkeypatch.setattr(batches, "store_alerts", real)
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    work_all(cfg)
    job.refresh_from_db()
    assert job.state == "done" and Alert.objects.filter(case=world.case).count() == 1
    assert Article.objects.filter(matched_at__isnull=True).count() == 0


def test_an_oversized_alert_record_is_cut_to_the_padded_size_and_still_reads() -> None:
    record = AlertRecord(
        kind="named_with_place", article_id="00000000-0000-0000-0000-000000000001", url="https://news.example/" + "п" * 1900,
        title="Заголовок " * 50, published=None, source="local-news", name="Аминат Досхоева", matched=["Аминат", "Досхоеву"],
        score=0.9, places=[PlaceRecord(name=f"Place {n}", country="KZ", kind="city", text=f"Город {n}") for n in range(300)],
        excerpt="Текст " * 400,
    )  # fmt: skip
    small = record.model_copy(update={"places": [], "excerpt": "", "title": "T"})
    for each in (record, small):
        data = fit(each)
        assert len(data) == RECORD_BYTES
        opened = AlertRecord.model_validate_json(data)
        assert opened.url == each.url and opened.name == each.name  # what the case page needs most
    assert fit(small).rstrip() == small.model_dump_json().encode()


def test_a_bad_period_setting_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from safepassage.casework.monitoring.config import WorkerConfigError

    for value in ("0", "0.5", "ten"):
        monkeypatch.setenv("SAFEPASSAGE_MONITOR_MATCH_PERIOD", value)
        with pytest.raises(WorkerConfigError, match="SAFEPASSAGE_MONITOR_MATCH_PERIOD"):
            load_config("database")
