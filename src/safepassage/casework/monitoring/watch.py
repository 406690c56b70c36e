"""Watch entries: the names the news is watched for, sealed with the case's key.

Security: the watch list is case data. It is stored sealed like the rest of the case, and
opened only (a) on the case page, for a user who may see the case, audited as a case read, and
(b) inside the monitor worker's memory, to build its name index. It is never written to disk in
clear, never logged, never sent to the queue (jobs carry article URLs only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from safepassage.casework.accounts.models import User
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.service import OpenCase
from safepassage.casework.monitoring.models import WatchEntry as WatchRow
from safepassage.casework.monitoring.records import WatchRecord
from safepassage.casework.vault.keystore import CaseKeyMissing, case_key
from safepassage.casework.vault.sealing import SealError
from safepassage.monitor.names.index import NameIndex, WatchEntry


def watch_of(opened: OpenCase) -> tuple[WatchRow, WatchRecord] | None:
    row = WatchRow.objects.filter(case=opened.case).first()
    return (row, row.open_record(opened.key, WatchRecord)) if row else None


def save_watch(user: User, opened: OpenCase, record: WatchRecord, enabled: bool) -> None:
    row = WatchRow.objects.filter(case=opened.case).first() or WatchRow(case=opened.case, created_by=user.username)
    row.enabled = enabled
    row.updated = timezone.now()
    row.seal_record(opened.key, record)
    with transaction.atomic():
        row.save()
    audit(user.username, "watch.update", opened.case.pk, detail="on" if enabled else "off")


@dataclass(frozen=True)
class Target:
    case_id: str
    min_score: float


@dataclass(frozen=True)
class WatchList:
    index: NameIndex
    targets: dict[str, Target]  # watch entry id -> its case


def _version() -> tuple[object, ...]:
    rows = WatchRow.objects.filter(enabled=True, case__status=Case.Status.OPEN)
    summary = rows.aggregate(n=Count("pk"), last=Max("updated"), case=Max("case__updated"))
    return (summary["n"], summary["last"], summary["case"])


def load_watch_list() -> WatchList:
    """Open every enabled watch entry of an open case, in this process's memory only."""
    entries: list[WatchEntry] = []
    targets: dict[str, Target] = {}
    for row in WatchRow.objects.filter(enabled=True, case__status=Case.Status.OPEN):
        try:
            record = row.open_record(case_key(row.case_id), WatchRecord)
        except (CaseKeyMissing, SealError):
            continue  # an erased case: nothing to watch, nothing to say about it
        entries.append(WatchEntry(str(row.pk), tuple(record.names)))
        targets[str(row.pk)] = Target(str(row.case_id), record.min_score)
    return WatchList(NameIndex(entries), targets)


class WatchCache:
    """The worker's watch list, rebuilt when an entry or a case changes."""

    def __init__(self) -> None:
        self._version: tuple[object, ...] | None = None
        self._list: WatchList | None = None

    def get(self) -> WatchList:
        version = _version()
        if self._list is None or version != self._version:
            self._list, self._version = load_watch_list(), version
        return self._list
