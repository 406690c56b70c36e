"""The name index used a key per organisation, so master.key and a dictionary recovered the name
words of any case, erased ones included, from the database or an earlier backup. Re-key every
case's tokens with the case's own key (vault/blind_index.py); tokens of cases whose key is gone
are dropped. On SQLite the old tokens are zeroed (secure_delete) and the WAL truncated."""

import json
from typing import Any

from django.db import migrations, transaction


def rekey_name_index(apps: Any, schema_editor: Any) -> None:
    with transaction.atomic(using=schema_editor.connection.alias):
        _rekey(apps)
    from safepassage.casework.security.storage import flush_deleted_rows

    flush_deleted_rows(schema_editor.connection)  # after the commit, or it cannot truncate


def _rekey(apps: Any) -> None:
    from safepassage.casework.vault.blind_index import blind_tokens
    from safepassage.casework.vault.keystore import CaseKeyMissing, case_key
    from safepassage.casework.vault.sealing import unseal

    Case = apps.get_model("cases", "Case")
    NameToken = apps.get_model("cases", "NameToken")
    for case in Case.objects.all():
        NameToken.objects.filter(case=case).delete()
        try:
            key = case_key(case.pk)
        except CaseKeyMissing:
            continue
        # the record is sealed at its place, "<model label>:<pk>:" (cases/models.py, Sealed)
        name = json.loads(unseal(key, bytes(case.sealed), f"cases.Case:{case.pk}:".encode()))["name"]
        NameToken.objects.bulk_create(NameToken(case=case, token=t) for t in blind_tokens(key, name))


class Migration(migrations.Migration):

    atomic = False  # the re-keying is one transaction of its own; the checkpoint must follow it

    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(rekey_name_index, migrations.RunPython.noop)]
