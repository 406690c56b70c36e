"""Appending to and verifying the audit chain (`safepassage audit verify`)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safepassage.casework.audit.models import AuditEntry, AuditHead
from safepassage.casework.vault.keys import derive_key

GENESIS = "0" * 64


def _mac(entry: AuditEntry) -> str:
    body = json.dumps(
        [entry.seq, entry.at.isoformat(), entry.actor, entry.action, entry.case_id, entry.detail, entry.prev],
        ensure_ascii=False,
    )
    return hmac.new(derive_key("audit"), body.encode(), hashlib.sha256).hexdigest()


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
    """Point the head at the last entry (after a restore replaced the entries)."""
    last = AuditEntry.objects.order_by("-seq").first()
    AuditHead.objects.update_or_create(
        pk=1, defaults={"seq": last.seq if last else 0, "mac": last.mac if last else GENESIS}
    )
    if last is not None:
        write_anchor(last)


def write_anchor(entry: AuditEntry) -> None:
    """Keep the latest (seq, mac) outside the database too, so cutting entries off the end of
    the log is detected. A slower writer may leave an older anchor: still a valid check."""
    path = Path(settings.SAFEPASSAGE_AUDIT_ANCHOR)
    # a temporary file of its own per writer: threads of one process share a pid
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".audit-anchor-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"seq": entry.seq, "mac": entry.mac}))
    os.replace(temporary, path)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    problem: str = ""


def verify_chain() -> Verdict:
    expected_prev = GENESIS
    expected_seq = 1
    macs: dict[int, str] = {}
    for entry in AuditEntry.objects.order_by("seq").iterator():
        if entry.seq != expected_seq:
            return Verdict(False, expected_seq - 1, f"entry #{expected_seq} is missing")
        if entry.prev != expected_prev:
            return Verdict(False, expected_seq - 1, f"entry #{entry.seq} does not follow #{entry.seq - 1}")
        if not hmac.compare_digest(entry.mac, _mac(entry)):
            return Verdict(False, expected_seq - 1, f"entry #{entry.seq} was altered")
        macs[entry.seq] = entry.mac
        expected_prev, expected_seq = entry.mac, expected_seq + 1
    count = expected_seq - 1
    anchor_path = Path(settings.SAFEPASSAGE_AUDIT_ANCHOR)
    if anchor_path.exists():
        anchor = json.loads(anchor_path.read_text(encoding="utf-8"))
        if macs.get(anchor["seq"]) != anchor["mac"]:
            return Verdict(False, count, f"entries from #{anchor['seq']} on were removed or replaced")
    return Verdict(True, count)
