"""Encrypted backup and restore of the casework database (`safepassage backup ...`).

A backup is two layers of AES-256-GCM. The outer one, under a key derived from the master key,
covers everything. Inside it, each case (its row, events, notes, attachments, consents, safety
plan, referrals, assessments) is sealed once more under a key derived from that case's own key,
which is never in a backup: so once a case is erased, its part of every earlier backup is
unreadable, its metadata (team, dates, authors) included, even to someone holding master.key.
The name index is not backed up at all: a restore rebuilds it from the names.

A restore drops every case the key store marks as erased (and any whose key is missing), so an
erased case never comes back into lists or search (docs/threat-model.md, "Erasure").
"""

from __future__ import annotations

import base64
import io
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import transaction

from safepassage.casework.accounts.models import ApiToken, User
from safepassage.casework.audit.chain import record, reset_head
from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.cases.models import Case, NameToken
from safepassage.casework.cases.records import CaseRecord
from safepassage.casework.cases.service import index_case
from safepassage.casework.vault.keys import open_under, seal_under
from safepassage.casework.vault.keystore import (
    CaseKeyMissing,
    case_key,
    is_erased,
    open_for_case,
    seal_for_case,
)
from safepassage.casework.vault.sealing import SealError

# In dependency order; sessions, lockout counters, caches and the name index (rebuilt from the
# names) are not worth restoring.
MODELS = [
    "accounts.organisation",
    "accounts.team",
    "accounts.user",
    "accounts.apitoken",
    "accounts.authenticator",
    "cases.case",
    "cases.event",
    "cases.note",
    "cases.attachment",
    "cases.consent",
    "cases.safetyplan",
    "cases.referral",
    "assessments.snapshot",
    "audit.auditentry",
]
MAGIC = b"SPBK2"  # outer layer, then {"rows": [...], "cases": [{"case": id, "sealed": ...}]}
LEGACY_MAGIC = b"SPBK1"  # one layer over all rows (before per-case sealing); still restored

Row = dict[str, Any]


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Restored:
    rows: int
    erased: int  # cases in the backup that were erased since: left out
    keyless: int  # cases whose key is not in the key store: left out (restore the store first?)


def _case_of(row: Row) -> str | None:
    """The case a serialised row belongs to, or None for rows that belong to no case."""
    if row["model"] == "cases.case":
        return str(row["pk"])
    model = apps.get_model(row["model"])
    if any(f.name == "case" and f.related_model is Case for f in model._meta.fields):
        return str(row["fields"]["case"])
    return None


def create_backup(path: Path, actor: str = "cli") -> int:
    record(actor, "backup.create")
    buffer = io.StringIO()
    call_command("dumpdata", *MODELS, format="json", stdout=buffer)
    shared: list[Row] = []
    by_case: dict[str, list[Row]] = {}
    for row in json.loads(buffer.getvalue()):
        case_id = _case_of(row)
        if case_id is None:
            shared.append(row)
        else:
            by_case.setdefault(case_id, []).append(row)
    written = len(shared)
    cases = []
    for case_id, rows in by_case.items():
        try:
            sealed = seal_for_case(uuid.UUID(case_id), "backup", json.dumps(rows).encode())
        except CaseKeyMissing:
            continue  # erased: nothing of it could ever be read again, so nothing is kept
        cases.append({"case": case_id, "sealed": base64.b64encode(sealed).decode()})
        written += len(rows)
    document = json.dumps({"rows": shared, "cases": cases}).encode()
    blob = MAGIC + seal_under("backup", document, MAGIC)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its old mode otherwise
    with os.fdopen(fd, "wb") as handle:
        handle.write(blob)
    return written


def _open(path: Path) -> tuple[list[Row], dict[str, list[Row]], int, int]:
    """The backup's shared rows; the rows of each case that can still be read; how many cases
    were erased since; how many have no key in the key store."""
    blob = path.read_bytes()
    magic = next((m for m in (MAGIC, LEGACY_MAGIC) if blob.startswith(m)), None)
    if magic is None:
        raise BackupError(f"{path} is not a Safe Passage backup")
    try:
        data = json.loads(open_under("backup", blob[len(magic) :], magic))
    except (SealError, ValueError):
        raise BackupError(f"{path} cannot be opened with this instance's master key") from None
    if magic == LEGACY_MAGIC:  # every row under the outer layer only
        shared: list[Row] = []
        legacy: dict[str, list[Row]] = {}
        for row in data:
            if row["model"] == "cases.nametoken":
                continue  # keyed the old way; rebuilt from the names
            if row["model"] == LEGACY_TOTP:
                row = _sealed_authenticator(row)
            case_id = _case_of(row)
            if case_id is None:
                shared.append(row)
            else:
                legacy.setdefault(case_id, []).append(row)
        sealed: dict[str, list[Row] | str] = dict(legacy)
    else:
        shared = data["rows"]
        sealed = {item["case"]: item["sealed"] for item in data["cases"]}
    by_case: dict[str, list[Row]] = {}
    erased = keyless = 0
    for case_id, content in sealed.items():
        if is_erased(uuid.UUID(case_id)):
            erased += 1
            continue
        try:
            if isinstance(content, str):
                by_case[case_id] = json.loads(open_for_case(uuid.UUID(case_id), "backup", base64.b64decode(content)))
            else:
                case_key(uuid.UUID(case_id))  # a legacy case without its key could never be read
                by_case[case_id] = content
        except CaseKeyMissing:
            keyless += 1
        except (SealError, ValueError):
            raise BackupError(f"{path}: the part of case {case_id} failed authentication") from None
    return shared, by_case, erased, keyless


LEGACY_TOTP = "otp_totp.totpdevice"  # django-otp's device, with the seed in clear (SPBK1 backups)


def _sealed_authenticator(row: Row) -> Row:
    """An old backup's TOTP device as an Authenticator row: same seed, now sealed (the same
    conversion as migration accounts 0005)."""
    fields = row["fields"]
    seed = bytes.fromhex(fields["key"])
    place = f"accounts.authenticator:{fields['user']}".encode()
    kept = ("user", "name", "confirmed", "throttling_failure_timestamp", "throttling_failure_count", "drift", "last_t")
    return {
        "model": "accounts.authenticator",
        "pk": row["pk"],
        "fields": {
            **{name: fields[name] for name in kept if name in fields},
            "sealed_seed": base64.b64encode(seal_under("totp-seed", seed, place)).decode(),
        },
    }


def restore_backup(path: Path, actor: str = "cli") -> Restored:
    """Replace the case data with the backup's. The live audit log is kept (a restore must not
    erase the record of what happened since the backup); the backup's copy is used only when
    there is no live log at all (a rebuilt server). API tokens are revoked: a restore must not
    bring back one that was revoked since. Erased cases are left out. Roles, teams and
    authenticators come back as they were in the backup (docs/threat-model.md says what to check
    after a restore)."""
    shared, by_case, erased, keyless = _open(path)
    order = {label: n for n, label in enumerate(MODELS)}
    rows = sorted(shared + [row for rows in by_case.values() for row in rows], key=lambda row: order[row["model"]])
    keep_live_log = AuditEntry.objects.exists()
    objects = [
        obj
        for obj in serializers.deserialize("json", json.dumps(rows))
        if not (keep_live_log and isinstance(obj.object, AuditEntry))
    ]
    with transaction.atomic():
        NameToken.objects.all().delete()
        for label in reversed(MODELS):
            model = apps.get_model(label)
            if model is AuditEntry and keep_live_log:
                continue
            model.objects.all().delete()
        for obj in objects:
            obj.save()
        for case in Case.objects.all():
            key = case_key(case.pk)
            index_case(case, key, case.open_record(key, CaseRecord))
        ApiToken.objects.all().delete()
        # A one-time password in the backup may since have been replaced by its owner; whoever
        # issued it must not get the account back with the restore. Those accounts need a reset.
        for user in User.objects.filter(must_set_password=True):
            user.set_unusable_password()
            user.save(update_fields=["password"])
    if not keep_live_log:
        reset_head()
    outcome = Restored(len(objects), erased, keyless)
    record(actor, "backup.restore", detail=f"{outcome.rows} rows, {outcome.erased} erased case(s) left out"[:200])
    return outcome
