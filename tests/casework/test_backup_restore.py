"""Restoring a backup keeps the live audit log (entries written after the backup survive and the
chain stays intact), and backup files are private even when written over an existing file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from safepassage.casework.audit.chain import verify_chain
from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.backup import create_backup, restore_backup
from safepassage.casework.cases.service import open_case

from .conftest import World


def test_restore_keeps_audit_entries_written_after_the_backup(world: World, tmp_path: Path) -> None:
    backup = tmp_path / "b.spbk"
    create_backup(backup)
    open_case(world.coordinator, world.case.pk)  # a read after the backup was taken
    read = AuditEntry.objects.order_by("-seq").first()
    assert read is not None and read.action == "case.read"
    restore_backup(backup)
    assert AuditEntry.objects.filter(actor=read.actor, action="case.read", case_id=read.case_id, at=read.at).exists()
    assert verify_chain().ok


def test_backup_over_an_existing_file_is_private(world: World, tmp_path: Path) -> None:
    backup = tmp_path / "b.spbk"
    backup.write_bytes(b"")
    os.chmod(backup, 0o644)
    create_backup(backup)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
