"""The dossier download on the case page and `safepassage dossier CASE_ID`: a PDF of the case
for those who may see it, audited as an export naming only the kind, never stored, and never
carrying the person's name outside the document itself."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safepassage.casework.accounts.models import Organisation, Role, Team
from safepassage.casework.assessments.service import run_assessment
from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.cases.records import ConsentRecord
from safepassage.casework.cases.service import add_record, open_case
from safepassage.cli import app, main

from .conftest import SECRET_NAME, SECRET_PLACE, World, make_user, new_case, verified_client

FORM = {"kind": "lawyer", "language": "en", "as_of": "2025-02-07"}


def pdf_text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, check=True, capture_output=True).stdout
    return " ".join(out.decode().split())


def test_a_caseworker_downloads_the_lawyers_file(world: World) -> None:
    opened = open_case(world.caseworker, world.case.pk)
    run_assessment(world.caseworker, opened, ["KZ"], dt.date(2025, 2, 7))
    add_record(world.caseworker, opened, ConsentRecord(may_store=True, may_share_with="counsel", given_on=dt.date(2025, 2, 6)))
    response = verified_client(world.caseworker).post(f"/cases/{world.case.pk}/dossier/", FORM)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="dossier-lawyer-2025-02-07.pdf"'
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert SECRET_NAME in text and SECRET_PLACE in text  # the case file, for the lawyer
    assert "kept in the case file on" in text  # the stored snapshot, not a fresh run
    assert "detained" in text  # the timeline


def test_the_download_is_audited_as_an_export_without_case_content(world: World) -> None:
    AuditEntry.objects.filter(case_id=str(world.case.pk)).delete()
    verified_client(world.coordinator).post(f"/cases/{world.case.pk}/dossier/", {**FORM, "kind": "coi-annex"})
    entries = list(AuditEntry.objects.filter(case_id=str(world.case.pk)).values_list("actor", "action", "detail"))
    assert entries == [("coord", "dossier.export", "coi-annex")]


def test_a_committee_the_state_had_not_accepted_is_refused_on_the_page(world: World) -> None:
    client = verified_client(world.caseworker)
    response = client.post(f"/cases/{world.case.pk}/dossier/", {**FORM, "kind": "un-complaint", "committee": "cat", "as_of": "2008-06-01"})
    assert response.status_code == 302 and response["Location"].endswith("#dossier")
    page = client.get(f"/cases/{world.case.pk}/")
    messages = [str(m) for m in page.context["messages"]]
    assert len(messages) == 1 and "KZ had not accepted the cat procedure" in messages[0]
    response = client.post(f"/cases/{world.case.pk}/dossier/", {**FORM, "kind": "rule39"})
    assert response.status_code == 302


def test_bad_form_values_are_refused_without_echoing_them(world: World) -> None:
    client = verified_client(world.caseworker)
    response = client.post(f"/cases/{world.case.pk}/dossier/", {**FORM, "country": "ZZ", "removal_time": "<script>"})
    assert response.status_code == 302
    page = client.get(f"/cases/{world.case.pk}/")
    assert "&lt;script&gt;" not in page.content.decode() and "<script>" not in str(list(page.context["messages"]))


def test_only_a_post_makes_a_dossier(world: World) -> None:
    assert verified_client(world.caseworker).get(f"/cases/{world.case.pk}/dossier/").status_code == 405


def test_nothing_is_written_to_disk_while_rendering(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("TMPDIR", str(scratch))
    response = verified_client(world.caseworker).post(f"/cases/{world.case.pk}/dossier/", {**FORM, "kind": "rule39", "country": "GE", "removal_date": "2025-02-10", "destination": "RU"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert list(scratch.iterdir()) == []


@pytest.mark.django_db(transaction=True)
def test_the_command_reads_a_case_by_its_id_and_audits_it(tmp_path: Path) -> None:
    org = Organisation.objects.create(name="Crisis group")
    team = Team.objects.create(organisation=org, name="Desk")
    worker = make_user("worker", org, Role.CASEWORKER, [team])
    case = new_case(worker, team)
    out = tmp_path / "case.pdf"
    result = CliRunner().invoke(app, ["dossier", str(case.pk), "--kind", "lawyer", "--as-of", "2025-02-07", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o600
    assert SECRET_NAME in pdf_text(out.read_bytes())
    assert AuditEntry.objects.filter(case_id=str(case.pk), actor="cli", action="dossier.export", detail="lawyer").count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_unknown_case_id_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "none.pdf"
    for reference in ("00000000-0000-4000-8000-000000000000", "Zarema"):
        monkeypatch.setattr("sys.argv", ["safepassage", "dossier", reference, "--kind", "lawyer", "-o", str(out)])
        with pytest.raises(SystemExit) as exit_info:
            main()
        assert exit_info.value.code == 2
        error = capsys.readouterr().err.strip()
        assert error.startswith("error: CASE_OR_PROFILE:") and len(error.splitlines()) == 1
    assert not out.exists()
