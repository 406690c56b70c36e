"""Old records do not pile up: audit entries older than SAFEPASSAGE_RETENTION_DAYS, expired
sessions, quiet lockout records and the news monitor's finished jobs are deleted, by `safepassage audit prune` and by `serve`
itself (at start and every hour). The audit chain stays verifiable after pruning, and cutting
its beginning off without a prune entry is caught."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from typer.testing import CliRunner

from safepassage.casework.accounts.lockout import FORGET_AFTER, LoginFailures
from safepassage.casework.audit.chain import record, verify_chain
from safepassage.casework.audit.models import AuditEntry, AuditHead
from safepassage.casework.audit.retention import prune
from safepassage.casework.monitoring.jobs import enqueue
from safepassage.casework.monitoring.models import Job
from safepassage.cli import app

from .conftest import World, verified_client
from .test_https_proxy import environment_for, served


def old_entries(days: int, count: int) -> None:
    then = timezone.now() - dt.timedelta(days=days)
    with mock.patch("django.utils.timezone.now", return_value=then):
        for n in range(count):
            record("someone", "case.read", detail=f"old read {n}")


@pytest.fixture
def aged_log(world: World) -> int:
    """Entries of 400 days ago, then today's (the world fixture's and three more)."""
    AuditEntry.objects.all().delete()
    AuditHead.objects.update(seq=0, mac="0" * 64)
    old_entries(400, 5)
    for n in range(3):
        record("someone", "case.read", detail=f"recent {n}")
    return AuditEntry.objects.count()


def test_entries_older_than_the_period_are_pruned_and_the_chain_still_verifies(aged_log: int) -> None:
    pruned = prune()
    assert pruned.audit_entries == 5
    assert not AuditEntry.objects.filter(at__lt=timezone.now() - dt.timedelta(days=settings.SAFEPASSAGE_RETENTION_DAYS)).exists()
    verdict = verify_chain()
    assert verdict.ok, verdict.problem
    assert AuditEntry.objects.filter(action="audit.prune", detail__startswith="through #5:").exists()
    assert prune().audit_entries == 0  # nothing more is old enough


def test_cutting_the_beginning_off_without_a_prune_entry_is_caught(aged_log: int) -> None:
    """Someone with database access deletes the first entries and moves the chain's start."""
    second = AuditEntry.objects.get(seq=2)
    AuditEntry.objects.filter(seq__lte=2).delete()
    AuditHead.objects.update(base_seq=2, base_mac=second.mac)
    verdict = verify_chain()
    assert not verdict.ok and "prune" in verdict.problem


def test_expired_sessions_and_quiet_lockout_records_are_pruned(world: World) -> None:
    verified_client(world.caseworker)
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(minutes=1))
    LoginFailures.objects.create(account="a" * 64, client="b" * 64, failures=2, last_failure=timezone.now() - FORGET_AFTER - dt.timedelta(hours=1))
    LoginFailures.objects.create(account="c" * 64, client="d" * 64, failures=2, last_failure=timezone.now())
    pruned = prune()
    assert pruned.sessions >= 1 and not Session.objects.exists()
    assert pruned.login_records == 1 and LoginFailures.objects.count() == 1


def test_finished_monitor_jobs_are_pruned_after_their_period(world: World, settings: object) -> None:
    now = timezone.now()
    old, recent = now - dt.timedelta(days=8), now - dt.timedelta(days=1)
    for state, finished, key in (("done", old, "article:old"), ("failed", old, "article:failed"), ("done", recent, None), ("queued", None, None), ("running", None, None)):
        Job.objects.create(kind=Job.Kind.ARTICLE, state=state, finished=finished, created=old, dedupe_key=key, payload={"url": "https://news.example/a"})
    settings.SAFEPASSAGE_MONITOR_JOB_DAYS = 30  # type: ignore[attr-defined]
    assert prune().monitor_jobs == 0
    settings.SAFEPASSAGE_MONITOR_JOB_DAYS = 7  # type: ignore[attr-defined]
    assert prune().monitor_jobs == 2
    assert sorted(Job.objects.values_list("state", flat=True)) == ["done", "queued", "running"]  # waiting and running work stays
    assert enqueue(Job.Kind.ARTICLE, {"url": "https://news.example/a"}, dedupe_key="article:failed") is not None  # may be tried again


def test_the_prune_command(aged_log: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("safepassage.cli.web_commands._django", lambda: None)
    Job.objects.create(kind=Job.Kind.FEED, state="done", finished=timezone.now() - dt.timedelta(days=30))
    result = CliRunner().invoke(app, ["audit", "prune"])
    assert result.exit_code == 0 and "5 audit entries" in result.output and "1 finished monitor jobs" in result.output


SETUP = textwrap.dedent("""
    import datetime as dt
    from unittest import mock
    from django.utils import timezone
    from safepassage.casework.bootstrap import migrate, setup_django
    setup_django(); migrate()
    from safepassage.casework.audit.chain import record
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() - dt.timedelta(days=400)):
        for n in range(4):
            record("someone", "case.read")
""")


def test_serve_prunes_by_itself(tmp_path: Path) -> None:
    env = environment_for(tmp_path)
    subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, timeout=120)
    with served(tmp_path):
        pass  # started, pruned at start, stopped
    verify = subprocess.run([sys.executable, "-m", "safepassage", "audit", "verify"], env=env, capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stderr
    assert "intact: 1 entries" in verify.stdout  # only the prune's own entry is left
