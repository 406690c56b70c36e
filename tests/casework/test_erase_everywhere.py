"""Erasing a case must reach every copy of it, its name included. The attacker here holds
`master.key` (a seized server), the live database with its WAL, an earlier backup, and a
dictionary of names: after the erase, none of these may give back a word of the name, nor the
case's rows; and restoring the earlier backup must not bring the case back into lists or search.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from safepassage.casework.accounts.models import Authenticator, Organisation
from safepassage.casework.backup import MAGIC, create_backup, restore_backup
from safepassage.casework.cases.models import Case, NameToken
from safepassage.casework.cases.service import erase_case, open_case
from safepassage.casework.vault.blind_index import name_words
from safepassage.casework.vault.keys import derive_key
from safepassage.casework.vault.keystore import destroy_case_key
from safepassage.casework.vault.sealing import unseal

from .conftest import SECRET_NAME, World, verified_client

# The attacker's dictionary: common given names and family names, the right ones among them.
DICTIONARY = ["aminat", "elza", "fatima", "kheda", "madina", "malika", "secretova", "soltaeva", "zarema"]
CASE_MODELS = ("cases.", "assessments.")


def candidate_tokens(organisations: list[Organisation]) -> set[bytes]:
    """Every index token the attacker can compute from master.key and the dictionary: the key
    per organisation (how the index was keyed) and the bare master-key derivation."""
    keys = [derive_key("blind-index", str(org.pk)) for org in organisations] + [derive_key("blind-index")]
    return {
        hmac.new(key, word.encode(), hashlib.sha256).hexdigest()[:32].encode()
        for key in keys
        for word in DICTIONARY
    }


def live_database_bytes() -> bytes:
    """The SQLite files as a disk image holds them: main file, WAL and shared memory."""
    name = Path(str(connection.settings_dict["NAME"]))
    return b"".join(p.read_bytes() for p in (name, Path(f"{name}-wal"), Path(f"{name}-shm")) if p.exists())


def backup_plaintext(path: Path) -> bytes:
    """The backup as the attacker sees it after removing the outer layer with master.key."""
    return unseal(derive_key("backup"), path.read_bytes()[len(MAGIC) :], MAGIC)


def rows_of(data: Any) -> list[dict[str, Any]]:
    """Every serialised row anywhere in a JSON document."""
    if isinstance(data, dict):
        found = [data] if "model" in data and "fields" in data else []
        return found + [row for value in data.values() for row in rows_of(value)]
    if isinstance(data, list):
        return [row for value in data for row in rows_of(value)]
    return []


def mentions(row: dict[str, Any], case_id: str) -> bool:
    return str(row["model"]).startswith(CASE_MODELS) and case_id in (str(row.get("pk")), str(row["fields"].get("case")))


@pytest.mark.django_db(transaction=True)
def test_an_erased_name_cannot_be_recovered_and_a_restore_does_not_bring_the_case_back(world: World, tmp_path: Path) -> None:
    case_id = str(world.case.pk)
    stored_tokens = {t.encode() for t in NameToken.objects.filter(case=world.case).values_list("token", flat=True)}
    assert stored_tokens and name_words(SECRET_NAME) <= set(DICTIONARY)
    backup = tmp_path / "nightly.spbk"
    create_backup(backup)

    erase_case(world.coordinator, case_id)

    candidates = candidate_tokens(list(Organisation.objects.all()))
    if connection.vendor == "sqlite":
        on_disk = live_database_bytes()
        assert not any(token in on_disk for token in stored_tokens), "the erased index rows are still on disk"
        assert not any(token in on_disk for token in candidates), "a name word can be recomputed from master.key"
    plaintext = backup_plaintext(backup)
    assert not any(token in plaintext for token in stored_tokens | candidates), "the backup gives the name away"
    assert not [row for row in rows_of(json.loads(plaintext)) if mentions(row, case_id)], "the backup keeps the case's rows"

    restore_backup(backup)
    coordinator = verified_client(world.coordinator)
    assert not Case.objects.filter(pk=case_id).exists()
    listed = coordinator.get("/cases/").context["cases"]
    assert case_id not in {str(c.pk) for c in listed} and str(world.other_case.pk) in {str(c.pk) for c in listed}
    assert coordinator.post("/cases/", {"q": "Zarema"}).context["cases"] == []
    assert coordinator.get(f"/cases/{case_id}/").status_code == 404
    # the case that was not erased came back whole, and is found by its name
    assert open_case(world.coordinator, world.other_case.pk).record.name == "Other Person"
    assert [c.pk for c in coordinator.post("/cases/", {"q": "other person"}).context["cases"]] == [world.other_case.pk]


def test_equal_name_words_in_two_cases_give_different_index_tokens(world: World) -> None:
    """Keyed per case, the index no longer shows which cases share a word of a name."""
    from .conftest import new_case

    twin = new_case(world.coordinator, world.team, name=SECRET_NAME)
    mine = set(NameToken.objects.filter(case=world.case).values_list("token", flat=True))
    theirs = set(NameToken.objects.filter(case=twin).values_list("token", flat=True))
    assert mine and theirs and not mine & theirs
    found = verified_client(world.coordinator).post("/cases/", {"q": "zarema secretova"}).context["cases"]
    assert {c.pk for c in found} == {world.case.pk, twin.pk}


def test_the_migration_rekeys_an_index_made_per_organisation(world: World) -> None:
    """Cases indexed the old way (one key per organisation) get per-case tokens; a case whose
    key is gone loses its tokens."""
    from types import SimpleNamespace

    from django.apps import apps

    migration = importlib.import_module("safepassage.casework.cases.migrations.0002_name_index_per_case")
    from safepassage.casework.vault.blind_index import blind_tokens, location_token
    from safepassage.casework.vault.keystore import case_key

    expected = blind_tokens(case_key(world.case.pk), SECRET_NAME)  # 0002 indexes names only
    old_key = derive_key("blind-index", str(world.org.pk))
    NameToken.objects.filter(case=world.case).delete()
    NameToken.objects.bulk_create(
        NameToken(case=world.case, token=hmac.new(old_key, w.encode(), hashlib.sha256).hexdigest()[:32])
        for w in name_words(SECRET_NAME)
    )
    destroy_case_key(world.other_case.pk)
    migration.rekey_name_index(apps, SimpleNamespace(connection=connection))
    assert set(NameToken.objects.filter(case=world.case).values_list("token", flat=True)) == expected
    assert not NameToken.objects.filter(case=world.other_case).exists()
    # 0003 adds where the person is now (the fixture's profile: Kazakhstan), under the case's key
    importlib.import_module("safepassage.casework.cases.migrations.0003_dashboard_columns").index_locations(apps, None)
    tokens = set(NameToken.objects.filter(case=world.case).values_list("token", flat=True))
    assert tokens == expected | {location_token(case_key(world.case.pk), "KZ")}
    assert not NameToken.objects.filter(case=world.other_case).exists()


def test_a_backup_in_the_old_format_is_restored_without_its_erased_cases(world: World, tmp_path: Path) -> None:
    import io

    from django.core.management import call_command

    from safepassage.casework.backup import LEGACY_MAGIC, MODELS
    from safepassage.casework.vault.sealing import seal

    dump = io.StringIO()
    call_command("dumpdata", *[m for m in MODELS if m != "accounts.authenticator"], "cases.nametoken", format="json", stdout=dump)
    rows = json.loads(dump.getvalue())
    # the old format held django-otp's devices, seeds in clear
    seeds = {d.user_id: d.bin_key for d in Authenticator.objects.all()}
    rows[4:4] = [
        {"model": "otp_totp.totpdevice", "pk": n, "fields": {"user": user, "name": "phone", "confirmed": True, "key": seed.hex(), "step": 30, "t0": 0, "digits": 6, "tolerance": 1, "drift": 0, "last_t": -1, "throttling_failure_timestamp": None, "throttling_failure_count": 0, "created_at": None, "last_used_at": None}}
        for n, (user, seed) in enumerate(seeds.items(), 1)
    ]
    legacy = tmp_path / "old.spbk"
    legacy.write_bytes(LEGACY_MAGIC + seal(derive_key("backup"), json.dumps(rows).encode(), LEGACY_MAGIC))
    erase_case(world.coordinator, world.case.pk)
    restored = restore_backup(legacy)
    assert restored.erased == 1 and not Case.objects.filter(pk=world.case.pk).exists()
    found = verified_client(world.coordinator).post("/cases/", {"q": "other"}).context["cases"]
    assert [c.pk for c in found] == [world.other_case.pk]
    assert {d.user_id: d.bin_key for d in Authenticator.objects.all()} == seeds  # phones keep working
