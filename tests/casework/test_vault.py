"""Encryption at rest, the blind index, crypto-erase, and encrypted backup and restore."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from safepassage.casework.backup import BackupError, create_backup, restore_backup
from safepassage.casework.cases.models import Case, Event
from safepassage.casework.cases.records import CaseRecord
from safepassage.casework.cases.service import erase_case, open_case
from safepassage.casework.instance import private_file
from safepassage.casework.vault.blind_index import name_words
from safepassage.casework.vault.keystore import CaseKeyMissing, case_key
from safepassage.casework.vault.sealing import SealError

from .conftest import SECRET_NAME, SECRET_PLACE, World, verified_client


def all_database_bytes() -> bytes:
    """Every value of every table, as the database stores it."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for value in row:
                    chunks.append(bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode())
    return b"\n".join(chunks)


def test_names_places_and_notes_never_reach_the_database_in_clear(world: World) -> None:
    verified_client(world.caseworker).post(f"/cases/{world.case.pk}/notes/", {"text": "meeting at Greenpark gate"})
    stored = all_database_bytes()
    for secret in (SECRET_NAME, "Zarema", "Secretova", SECRET_PLACE, "Quietstreet", "Greenpark", "Dossor"):
        assert secret.encode() not in stored


def test_a_sealed_row_copied_into_another_case_does_not_open(world: World) -> None:
    theirs = Event.objects.filter(case=world.other_case).first()
    mine = Event.objects.filter(case=world.case).first()
    assert theirs is not None and mine is not None
    mine.sealed = theirs.sealed
    mine.save()
    opened = open_case(world.caseworker, world.case.pk)
    with pytest.raises(SealError):
        opened.rows([Event.objects.get(pk=mine.pk)], CaseRecord)


def test_blind_index_matches_across_scripts_and_case() -> None:
    assert name_words("Эльза Солтаева") == name_words("ELZA soltaeva") == {"elza", "soltaeva"}


def test_search_finds_by_transliterated_name(world: World) -> None:
    found = verified_client(world.caseworker).post("/cases/", {"q": "Зарема"}).context["cases"]
    assert [c.pk for c in found] == [world.case.pk]


def test_search_terms_never_enter_a_url(world: World) -> None:
    response = verified_client(world.caseworker).get("/cases/", {"q": "Nobody", "location": "DE"})
    assert response.context["filtered"] is False  # a name or place in a URL is ignored, not searched
    assert [c.pk for c in response.context["cases"]] == [world.case.pk]


def test_erase_destroys_the_key_and_the_rows(world: World) -> None:
    case_id = world.case.pk
    erase_case(world.coordinator, case_id)
    with pytest.raises(CaseKeyMissing):
        case_key(case_id)
    assert not Case.objects.filter(pk=case_id).exists()
    assert not (Path(settings.SAFEPASSAGE_CASE_KEY_DIR) / f"{case_id}.key").exists()


def test_a_backup_taken_before_an_erase_cannot_bring_the_case_back(world: World, tmp_path: Path) -> None:
    backup = tmp_path / "before-erase.spbk"
    create_backup(backup)
    erase_case(world.coordinator, world.case.pk)
    restored = restore_backup(backup)
    # the case is left out: its part of the backup is sealed under the key that is gone
    assert restored.erased == 1 and not Case.objects.filter(pk=world.case.pk).exists()
    assert verified_client(world.coordinator).get(f"/cases/{world.case.pk}/").status_code == 404
    # the other case, not erased, is fully readable after the restore
    assert open_case(world.coordinator, world.other_case.pk).record.name == "Other Person"
    # and the backup file itself holds no plaintext
    assert SECRET_NAME.encode() not in backup.read_bytes()
    assert b"Zarema" not in all_database_bytes()


def test_backup_files_are_private_and_need_the_master_key(world: World, tmp_path: Path) -> None:
    backup = tmp_path / "b.spbk"
    create_backup(backup)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    tampered = tmp_path / "t.spbk"
    data = bytearray(backup.read_bytes())
    data[-1] ^= 1
    tampered.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        restore_backup(tampered)


def test_restore_round_trip(world: World, tmp_path: Path) -> None:
    backup = tmp_path / "b.spbk"
    create_backup(backup)
    Event.objects.all().delete()
    restore_backup(backup)
    assert Event.objects.filter(case=world.case).count() == 1
    assert open_case(world.caseworker, world.case.pk).record.name == SECRET_NAME


def test_key_files_readable_by_others_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "master.key"
    path.write_bytes(os.urandom(32))
    os.chmod(path, 0o644)
    with pytest.raises(PermissionError):
        private_file(path)


def test_case_keys_are_private_files(world: World) -> None:
    key_file = Path(settings.SAFEPASSAGE_CASE_KEY_DIR) / f"{world.case.pk}.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(key_file.read_bytes()) > 32  # wrapped, not the raw key


def test_instance_files_are_private(world: World) -> None:
    home = Path(settings.HOME)
    database = Path(str(connection.settings_dict["NAME"]))
    files = [p for p in home.rglob("*") if p.is_file()]
    if database.is_file() and home in database.parents:
        assert stat.S_IMODE(database.stat().st_mode) & 0o077 == 0
    assert files and all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in files)
