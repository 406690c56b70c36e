"""The audit anchor (the last entry's sequence and MAC, kept outside the database) is what catches
entries cut off the end of the log. A missing anchor, or one rewound to an earlier entry, on a
non-empty log is therefore a failure, never "intact"; and an offline copy of the anchor can be
checked against the log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from typer.testing import CliRunner

from safepassage.casework.audit.chain import record, reset_head, verify_chain
from safepassage.casework.audit.models import AuditEntry
from safepassage.cli import app

from .conftest import World


@pytest.fixture
def chain(world: World) -> list[AuditEntry]:
    for n in range(5):
        record("someone", "case.read", world.case.pk, detail=f"read {n}")
    return list(AuditEntry.objects.order_by("seq"))


def anchor() -> Path:
    return Path(settings.SAFEPASSAGE_AUDIT_ANCHOR)


def test_a_missing_anchor_on_a_non_empty_log_is_a_failure(chain: list[AuditEntry]) -> None:
    anchor().unlink()
    verdict = verify_chain()
    assert not verdict.ok and "anchor" in verdict.problem


@pytest.mark.django_db
def test_an_empty_log_needs_no_anchor() -> None:
    AuditEntry.objects.all().delete()
    anchor().unlink(missing_ok=True)
    verdict = verify_chain()
    assert verdict.ok and verdict.entries == 0


def test_a_rewound_anchor_is_a_failure(chain: list[AuditEntry]) -> None:
    """An anchor older than the log's end: put back as it was three entries in (the first step
    of cutting the last two entries off unnoticed)."""
    kept = chain[2]
    anchor().write_text(json.dumps({"seq": kept.seq, "mac": kept.mac}))
    verdict = verify_chain()
    assert not verdict.ok and "anchor" in verdict.problem


def test_the_anchor_never_moves_backwards(chain: list[AuditEntry]) -> None:
    from safepassage.casework.audit.chain import write_anchor

    write_anchor(chain[1])  # a slow writer finishing late
    assert json.loads(anchor().read_text())["seq"] == chain[-1].seq
    assert verify_chain().ok


def test_verify_command_fails_in_one_line_without_the_anchor(chain: list[AuditEntry], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("safepassage.cli.web_commands._django", lambda: None)
    anchor().unlink()
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "anchor" in result.output


def test_an_offline_copy_of_the_anchor_is_checked(chain: list[AuditEntry], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("safepassage.cli.web_commands._django", lambda: None)
    printed = CliRunner().invoke(app, ["audit", "anchor"])
    assert printed.exit_code == 0
    copy = printed.output.strip()
    assert copy == f"{chain[-1].seq}:{chain[-1].mac}"
    assert CliRunner().invoke(app, ["audit", "verify", "--expect", copy]).exit_code == 0
    # someone with the master key rewrites the whole log from entry 3 on, anchor file included
    AuditEntry.objects.filter(seq__gte=3).delete()
    reset_head()
    for n in range(3):
        record("someone", "case.list", detail=f"forged {n}")
    assert verify_chain().ok  # consistent with itself and with the anchor file on the server
    result = CliRunner().invoke(app, ["audit", "verify", "--expect", copy])
    assert result.exit_code == 1 and f"#{chain[-1].seq}" in result.output
