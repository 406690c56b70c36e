"""Encrypted backup and restore of the casework database (`safepassage backup ...`).

A backup holds every row (already sealed with case keys) under one more layer of AES-256-GCM with
a key derived from the master key. It never holds the case keys: those stay in the key store, so
a case erased after a backup was taken stays unreadable when that backup is restored.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import transaction

from safepassage.casework.accounts.models import ApiToken, User
from safepassage.casework.audit.chain import record, reset_head
from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.vault.keys import derive_key
from safepassage.casework.vault.sealing import seal, unseal

# In dependency order; sessions, lockout counters and caches are not worth restoring.
MODELS = [
    "accounts.organisation",
    "accounts.team",
    "accounts.user",
    "accounts.apitoken",
    "otp_totp.totpdevice",
    "cases.case",
    "cases.nametoken",
    "cases.event",
    "cases.note",
    "cases.attachment",
    "cases.consent",
    "cases.safetyplan",
    "cases.referral",
    "assessments.snapshot",
    "audit.auditentry",
]
MAGIC = b"SPBK1"


class BackupError(Exception):
    pass


def create_backup(path: Path, actor: str = "cli") -> int:
    record(actor, "backup.create")
    buffer = io.StringIO()
    call_command("dumpdata", *MODELS, format="json", stdout=buffer)
    blob = MAGIC + seal(derive_key("backup"), buffer.getvalue().encode(), MAGIC)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its old mode otherwise
    with os.fdopen(fd, "wb") as handle:
        handle.write(blob)
    return len(json.loads(buffer.getvalue()))


def restore_backup(path: Path, actor: str = "cli") -> int:
    """Replace the case data with the backup's. The live audit log is kept (a restore must not
    erase the record of what happened since the backup); the backup's copy is used only when
    there is no live log at all (a rebuilt server). API tokens are revoked: a restore must not
    bring back one that was revoked since. Roles, teams and authenticators come back as they
    were in the backup (docs/threat-model.md says what to check after a restore)."""
    blob = path.read_bytes()
    if not blob.startswith(MAGIC):
        raise BackupError(f"{path} is not a Safe Passage backup")
    try:
        data = unseal(derive_key("backup"), blob[len(MAGIC) :], MAGIC).decode()
    except Exception:
        raise BackupError(f"{path} cannot be opened with this instance's master key") from None
    keep_live_log = AuditEntry.objects.exists()
    objects = [
        obj
        for obj in serializers.deserialize("json", data)
        if not (keep_live_log and isinstance(obj.object, AuditEntry))
    ]
    with transaction.atomic():
        for label in reversed(MODELS):
            app_label, model_name = label.split(".")
            model = apps.get_model(app_label, model_name)
            if model is AuditEntry and keep_live_log:
                continue
            model.objects.all().delete()
        for obj in objects:
            obj.save()
        ApiToken.objects.all().delete()
        # A one-time password in the backup may since have been replaced by its owner; whoever
        # issued it must not get the account back with the restore. Those accounts need a reset.
        for user in User.objects.filter(must_set_password=True):
            user.set_unusable_password()
            user.save(update_fields=["password"])
    if not keep_live_log:
        reset_head()
    record(actor, "backup.restore", detail=f"{len(objects)} rows from {path.name}"[:200])
    return len(objects)
