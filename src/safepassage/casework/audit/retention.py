"""Deleting what is old enough not to be needed: audit entries past SAFEPASSAGE_RETENTION_DAYS,
expired sessions, lockout records nobody has failed against for FORGET_AFTER, and the news
monitor's finished jobs past SAFEPASSAGE_MONITOR_JOB_DAYS.

Security: records about helpers (who read which case when, who logged in) are themselves worth
stealing, so they are kept only as long as an investigation would look back. The audit chain
stays verifiable: the entries before a point are deleted, the chain's start moves there
(AuditHead.base_seq/base_mac), and an audit.prune entry, MAC'd like any other, names the new
start, so a start moved without one (someone cutting the beginning off) fails `audit verify`.

Runs from `safepassage serve` at start and every hour (start_pruning), and as
`safepassage audit prune` for deployments that run the app another way (cron).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.utils import timezone

from safepassage.casework.accounts.lockout import FORGET_AFTER, forget_quiet
from safepassage.casework.audit.chain import prune_record_detail, record
from safepassage.casework.audit.models import AuditEntry, AuditHead
from safepassage.casework.monitoring.jobs import prune_finished
from safepassage.casework.security.storage import flush_deleted_rows

log = logging.getLogger(__name__)
PRUNE_EVERY_SECONDS = 3600


@dataclass(frozen=True)
class Pruned:
    audit_entries: int
    sessions: int
    login_records: int
    monitor_jobs: int


def prune(now: dt.datetime | None = None) -> Pruned:
    moment = now or timezone.now()
    days = int(settings.SAFEPASSAGE_RETENTION_DAYS)
    cutoff = moment - dt.timedelta(days=days)
    sessions, _ = Session.objects.filter(expire_date__lt=moment).delete()
    login_records = forget_quiet(moment - FORGET_AFTER)
    monitor_jobs = prune_finished(moment - dt.timedelta(days=int(settings.SAFEPASSAGE_MONITOR_JOB_DAYS)))
    entries = 0
    last_old = AuditEntry.objects.filter(at__lt=cutoff).order_by("-seq").first()
    if last_old is not None:
        with transaction.atomic():
            head = AuditHead.objects.select_for_update().get(pk=1)
            entries, _ = AuditEntry.objects.filter(seq__lte=last_old.seq).delete()
            head.base_seq, head.base_mac = last_old.seq, last_old.mac
            head.save(update_fields=["base_seq", "base_mac"])
            record("system", "audit.prune", detail=prune_record_detail(last_old.seq, entries, days))
    flush_deleted_rows()
    return Pruned(entries, sessions, login_records, monitor_jobs)


def start_pruning() -> None:
    """Prune now (before serving), then every hour in a background thread."""
    prune()

    def again() -> None:
        try:
            prune()
        except Exception as error:  # keep serving; the next run tries again
            log.error("pruning failed: %s", type(error).__name__)
        finally:
            connection.close()  # this thread's own connection
        schedule()

    def schedule() -> None:
        timer = threading.Timer(PRUNE_EVERY_SECONDS, again)
        timer.daemon = True
        timer.start()

    schedule()
