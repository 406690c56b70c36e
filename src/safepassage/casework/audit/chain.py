"""Appending to and verifying the audit chain (`safepassage audit verify`)."""

from __future__ import annotations

import fcntl
import hmac
import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safepassage.casework.audit.models import AuditEntry, AuditHead
from safepassage.casework.vault.keys import keyed_digest

GENESIS = "0" * 64


def _mac(entry: AuditEntry) -> str:
    body = json.dumps(
        [entry.seq, entry.at.isoformat(), entry.actor, entry.action, entry.case_id, entry.detail, entry.prev],
        ensure_ascii=False,
    )
    return keyed_digest("audit", body.encode())


def record(actor: str, action: str, case_id: object = "", detail: str = "") -> AuditEntry:
    """Append one entry. Runs in its own atomic block so the head is read and extended at once
    (SQLite: the IMMEDIATE transaction holds the write lock; PostgreSQL: the row lock below)."""
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:  # a migration makes it; only a flushed test database lacks it
            AuditHead.objects.get_or_create(pk=1, defaults={"mac": GENESIS})
            head = AuditHead.objects.select_for_update().get(pk=1)
        entry = AuditEntry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor=actor[:150],
            action=action,
            case_id=str(case_id or ""),
            detail=detail[:200],
            prev=head.mac,
        )
        entry.mac = _mac(entry)
        entry.save()
        head.seq, head.mac = entry.seq, entry.mac
        head.save(update_fields=["seq", "mac"])
    write_anchor(entry)
    return entry


def reset_head() -> None:
    """Point the head at the entries there are (after a restore replaced them): its end at the
    last, its start just before the first (a pruned log starts later than #1)."""
    last = AuditEntry.objects.order_by("-seq").first()
    first = AuditEntry.objects.order_by("seq").first()
    AuditHead.objects.update_or_create(
        pk=1,
        defaults={
            "seq": last.seq if last else 0,
            "mac": last.mac if last else GENESIS,
            "base_seq": first.seq - 1 if first else 0,
            "base_mac": first.prev if first else GENESIS,
        },
    )
    if last is not None:
        write_anchor(last, rewind=True)
    else:
        _anchor_path().unlink(missing_ok=True)


def _anchor_path() -> Path:
    return Path(settings.SAFEPASSAGE_AUDIT_ANCHOR)


@contextmanager
def _anchor_lock() -> Iterator[None]:
    """One writer of the anchor at a time, across threads and server processes."""
    path = _anchor_path()
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def read_anchor() -> tuple[int, str] | None:
    path = _anchor_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data["seq"]), str(data["mac"])
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):
        return (-1, "")  # unreadable: matches no entry, so verify reports it


def write_anchor(entry: AuditEntry, rewind: bool = False) -> None:
    """Keep the latest (seq, mac) outside the database too, so cutting entries off the end of
    the log is detected. The anchor only moves forward (a writer that finishes after a later
    one leaves it alone), so on a quiet log it names the last entry exactly and an anchor
    behind the log's end is a sign of tampering; only a restore that replaced the whole log
    moves it back (`rewind`)."""
    path = _anchor_path()
    with _anchor_lock():
        current = read_anchor()
        if not rewind and current is not None and current[0] >= entry.seq:
            return
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".audit-anchor-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"seq": entry.seq, "mac": entry.mac}))
        os.replace(temporary, path)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    problem: str = ""


# A writer commits its entry, then moves the anchor: give one that is mid-way a moment.
ANCHOR_CATCH_UP_SECONDS = 2.0


def prune_record_detail(base_seq: int, count: int, days: int) -> str:
    """The detail of the audit.prune entry that vouches for a chain starting after #base_seq."""
    return f"through #{base_seq}: {count} entries older than {days} days"


def _start() -> tuple[int, str]:
    head = AuditHead.objects.filter(pk=1).first()
    return (head.base_seq, head.base_mac) if head is not None else (0, GENESIS)


def verify_chain(expect: tuple[int, str] | None = None) -> Verdict:
    """Check every MAC and link from the chain's start (#1, or the entry after the last prune),
    then the end of the log against the anchor file, and, when given, an offline copy of an
    earlier anchor (`expect`: sequence and MAC)."""
    base_seq, base_mac = _start()
    expected_prev, expected_seq = base_mac, base_seq + 1
    macs: dict[int, str] = {}
    vouched = base_seq == 0
    for entry in AuditEntry.objects.order_by("seq").iterator():
        checked = expected_seq - 1 - base_seq
        if entry.seq != expected_seq:
            return Verdict(False, checked, f"entry #{expected_seq} is missing")
        if entry.prev != expected_prev:
            return Verdict(False, checked, f"entry #{entry.seq} does not follow #{entry.seq - 1}")
        if not hmac.compare_digest(entry.mac, _mac(entry)):
            return Verdict(False, checked, f"entry #{entry.seq} was altered")
        if entry.action == "audit.prune" and entry.detail.startswith(f"through #{base_seq}:"):
            vouched = True
        macs[entry.seq] = entry.mac
        expected_prev, expected_seq = entry.mac, expected_seq + 1
    last = expected_seq - 1
    count = last - base_seq
    if not vouched:
        return Verdict(False, 0, f"the log starts after #{base_seq} but no audit.prune entry says so: its beginning was cut off")
    if expect is not None and expect[0] <= base_seq:
        return Verdict(False, count, f"entry #{expect[0]} was pruned (the log now starts after #{base_seq}): keep a newer offline anchor")
    if expect is not None and macs.get(expect[0]) != expect[1]:
        return Verdict(False, count, f"entry #{expect[0]} differs from the offline anchor: the log was rewritten or cut")
    anchor = read_anchor()
    deadline = time.monotonic() + ANCHOR_CATCH_UP_SECONDS
    while anchor is not None and anchor[0] < last and time.monotonic() < deadline:
        time.sleep(0.1)
        anchor = read_anchor()
    if anchor is None:
        if count == 0:
            return Verdict(True, 0)
        return Verdict(False, count, f"no audit anchor at {_anchor_path()}: the end of the log cannot be checked")
    seq, mac = anchor
    if macs.get(seq) != mac:
        return Verdict(False, count, f"entries from #{seq} on were removed or replaced (the anchor names #{seq})")
    if seq < last:
        return Verdict(False, count, f"the anchor names #{seq} but the log ends at #{last}: the anchor was rewound")
    return Verdict(True, count)
