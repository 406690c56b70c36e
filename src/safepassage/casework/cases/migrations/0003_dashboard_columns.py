"""The coordinator's dashboard and filters: when the next check-in is due and the rating of the
country where the person is now, in clear (docs/threat-model.md, "Case lists, filters and the
dashboard"); and each existing case's current country in the blind index, under its own key."""

import json
from typing import Any

from django.db import migrations, models


def index_locations(apps: Any, schema_editor: Any) -> None:
    from safepassage.casework.vault.blind_index import location_token
    from safepassage.casework.vault.keystore import CaseKeyMissing, case_key
    from safepassage.casework.vault.sealing import unseal

    Case = apps.get_model("cases", "Case")
    NameToken = apps.get_model("cases", "NameToken")
    for case in Case.objects.all():
        try:
            key = case_key(case.pk)
        except CaseKeyMissing:
            continue
        # the record is sealed at its place, "<model label>:<pk>:" (cases/models.py, Sealed)
        record = json.loads(unseal(key, bytes(case.sealed), f"cases.Case:{case.pk}:".encode()))
        country = (record["profile"].get("location") or {}).get("country")
        if country:
            NameToken.objects.create(case=case, token=location_token(key, country))


class Migration(migrations.Migration):

    dependencies = [("cases", "0002_name_index_per_case")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="location_rating",
            field=models.CharField(blank=True, default="", max_length=10),
        ),
        migrations.AddField(
            model_name="case",
            name="next_check_in",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(index_locations, migrations.RunPython.noop),
    ]
