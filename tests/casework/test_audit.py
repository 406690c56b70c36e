"""The audit log records reads, writes, exports and erasures, and `audit verify` catches an
edited, deleted or cut-off entry."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from safepassage.casework.audit.chain import record, verify_chain
from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.cases.service import add_attachment, open_case
from safepassage.cli import app

from .conftest import World, verified_client


def actions(case_id: object) -> list[str]:
    return list(AuditEntry.objects.filter(case_id=str(case_id)).values_list("action", flat=True))


def test_reads_writes_exports_and_erasures_are_logged(world: World) -> None:
    client = verified_client(world.coordinator)
    case = world.case.pk
    AuditEntry.objects.filter(case_id=str(case)).delete()  # only this test's entries below
    client.get(f"/cases/{case}/")
    client.post(f"/cases/{case}/events/", {"kind": "moved", "date": "2025-02-06"})
    attachment = add_attachment(world.coordinator, open_case(world.coordinator, case), "x.txt", "text/plain", b"x")
    client.get(f"/cases/{case}/attachments/{attachment.pk}/")
    client.post(f"/cases/{case}/erase/", {"confirm": "erase"})
    logged = actions(case)
    for action in ("case.read", "event.create", "attachment.export", "case.erase"):
        assert action in logged
    entry = AuditEntry.objects.filter(case_id=str(case), action="case.read").first()
    assert entry is not None and entry.actor == "coord"


@pytest.fixture
def chain(world: World) -> list[AuditEntry]:
    for n in range(5):
        record("someone", "case.read", world.case.pk, detail=f"read {n}")
    assert verify_chain().ok
    return list(AuditEntry.objects.order_by("seq"))


def test_verify_passes_an_untouched_log(chain: list[AuditEntry]) -> None:
    verdict = verify_chain()
    assert verdict.ok and verdict.entries == len(chain)


def test_verify_detects_an_edited_entry(chain: list[AuditEntry]) -> None:
    victim = chain[3]
    AuditEntry.objects.filter(pk=victim.pk).update(actor="nobody")
    verdict = verify_chain()
    assert not verdict.ok and f"#{victim.seq} was altered" in verdict.problem


def test_verify_detects_an_edit_with_a_recomputed_plain_hash(chain: list[AuditEntry]) -> None:
    """Without the master key an attacker cannot recompute the mac: a SHA-256 will not do."""
    import hashlib

    victim = chain[2]
    AuditEntry.objects.filter(pk=victim.pk).update(detail="harmless", mac=hashlib.sha256(b"forged").hexdigest())
    assert not verify_chain().ok


def test_verify_detects_a_deleted_entry(chain: list[AuditEntry]) -> None:
    AuditEntry.objects.filter(pk=chain[2].pk).delete()
    verdict = verify_chain()
    assert not verdict.ok and "missing" in verdict.problem


def test_verify_detects_entries_cut_off_the_end(chain: list[AuditEntry]) -> None:
    AuditEntry.objects.filter(pk=chain[-1].pk).delete()
    verdict = verify_chain()
    assert not verdict.ok and "removed" in verdict.problem


def test_verify_detects_a_renumbered_chain(chain: list[AuditEntry]) -> None:
    AuditEntry.objects.filter(pk=chain[1].pk).delete()
    for entry in chain[2:]:
        AuditEntry.objects.filter(pk=entry.pk).update(seq=entry.seq - 1)
    assert not verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_audit_verify_command_exit_codes(world: World) -> None:
    runner = CliRunner()
    record("someone", "case.read", world.case.pk)
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "intact" in ok.output
    entry = AuditEntry.objects.order_by("seq").first()
    assert entry is not None
    AuditEntry.objects.filter(pk=entry.pk).update(action="case.list")
    broken = runner.invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1 and "altered" in broken.output


def test_entries_carry_no_case_content(world: World) -> None:
    verified_client(world.caseworker).post(
        f"/cases/{world.case.pk}/notes/", {"text": "she is at the Blue House"}
    )
    for entry in AuditEntry.objects.all():
        assert "Blue House" not in f"{entry.detail} {entry.action} {entry.actor}"
        assert "Zarema" not in entry.detail


def test_timestamp_order(chain: list[AuditEntry]) -> None:
    stamps = [e.at for e in chain]
    assert stamps == sorted(stamps)
    assert all(isinstance(s, dt.datetime) for s in stamps)


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_the_chain_intact() -> None:
    """Requests run in parallel threads; appends must queue on the chain head, not collide."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    def append(n: int) -> None:
        try:
            for i in range(10):
                record(f"worker{n}", "case.read", detail=f"{n}-{i}")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(append, range(6)))
    verdict = verify_chain()
    assert verdict.ok, verdict.problem
    assert verdict.entries == 60
