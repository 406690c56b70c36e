"""Shared by the monitoring tests: a local news site, a sources file pointing at it, and the
worker's configuration for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db import connection

from safepassage.casework.cases.models import Case
from safepassage.casework.cases.service import open_case
from safepassage.casework.monitoring import work
from safepassage.casework.monitoring.config import MonitorConfig, load_config
from safepassage.casework.monitoring.models import Alert
from safepassage.casework.monitoring.records import WatchRecord
from safepassage.casework.monitoring.watch import save_watch
from tests.monitor.server import Reply, Site, page, rss

from .conftest import World

WATCHED = "Аминат Досхоева"  # invented
ARTICLE_TEXT = [
    "Полиция Алматы задержала Аминат Досхоеву, приехавшую из Чечни, по заявлению её родственников.",
    "Правозащитники говорят, что её допрашивали несколько часов и затем отпустили.",
]


def news_routes(site: Site) -> dict[str, Reply]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/feed.rss": Reply(
            rss([
                ("Задержание в Алматы", f"{site.base}/news/1.html?utm_source=rss", "Кратко"),
                ("Мост", f"{site.base}/news/2.html", "Открылся мост"),
            ]),
            headers={"Content-Type": "application/rss+xml", "ETag": '"feed-v1"'},
        ),
        "/news/1.html": Reply(page("Задержание в Алматы", ARTICLE_TEXT), headers=html),
        "/news/2.html": Reply(page("Мост", ["В Махачкале открылся новый мост через реку; движение запустят в мае."]), headers=html),
    }


def write_sources(tmp_path: Path, site: Site, feed: str = "/feed.rss") -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        f"  - {{id: local-news, name: Local test news, url: '{site.base}{feed}', languages: [ru], kind: news,"
        " found_in: 'a server the test starts on loopback'}\n"
    )
    return path


def configure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, site: Site, **env: str) -> MonitorConfig:
    monkeypatch.setenv("SAFEPASSAGE_MONITOR_SOURCES", str(write_sources(tmp_path, site)))
    monkeypatch.setenv("SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES", f"127.0.0.1:{site.port}")
    monkeypatch.setenv("SAFEPASSAGE_MONITOR_HOST_INTERVAL", "0.01")
    monkeypatch.setenv("SAFEPASSAGE_MONITOR_BACKOFF", "0.01")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    work.sources.cache_clear()
    return load_config("database")


def watch(world: World, case: Case | None = None, names: tuple[str, ...] = (WATCHED,)) -> None:
    user = world.caseworker
    opened = open_case(user, (case or world.case).pk)
    save_watch(user, opened, WatchRecord(names=list(names)), enabled=True)


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"


def subprocess_env(tmp_path: Path, site: Site, **extra: str) -> dict[str, str]:
    from django.conf import settings

    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        # the real settings: the test settings would make a fresh instance folder (new keys)
        "DJANGO_SETTINGS_MODULE": "safepassage.casework.settings",
        "SAFEPASSAGE_MONITOR_SOURCES": str(write_sources(tmp_path, site)),
        "SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES": f"127.0.0.1:{site.port}",
        "SAFEPASSAGE_MONITOR_HOST_INTERVAL": "0.01",
        "SAFEPASSAGE_MONITOR_BACKOFF": "0.01",
        "SAFEPASSAGE_MONITOR_POLL": "0.2",
        "SAFEPASSAGE_AUDIT_ANCHOR": str(settings.SAFEPASSAGE_AUDIT_ANCHOR),
        **extra,
    }


def add_alert(case: Case, title: str = "An article") -> Alert:
    """An alert on a case, sealed with its key, as the worker would raise it."""
    from safepassage.casework.monitoring.records import AlertRecord, PlaceRecord
    from safepassage.casework.vault.keystore import case_key

    record = AlertRecord(
        kind="named_with_place", article_id="00000000-0000-0000-0000-000000000001", url="https://news.example/a",
        title=title, published="2025-02-07", source="local-news", name=WATCHED, matched=["Аминат", "Досхоеву"],
        score=0.97, places=[PlaceRecord(name="Almaty", country="KZ", kind="city", text="Алматы")],
        excerpt="Полиция Алматы задержала Аминат Досхоеву.",
    )  # fmt: skip
    alert = Alert(case=case, token=f"test-{case.pk}-{title}", created_by="monitor")
    alert.seal_record(case_key(case.pk), record)
    alert.save()
    return alert
