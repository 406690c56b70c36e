"""Authenticator seeds sealed under a master-key subkey (accounts/authenticators.py). Devices of
django-otp's TOTP plugin, which kept the seed in clear, move over (same seed, so phones keep
working) and are deleted from its table; on SQLite the freed rows are zeroed (secure_delete)."""

from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


LEGACY_TABLE = "otp_totp_totpdevice"


def move_legacy_devices(apps: Any, schema_editor: Any) -> None:
    from safepassage.casework.vault.keys import seal_under

    connection = schema_editor.connection
    if LEGACY_TABLE not in connection.introspection.table_names():
        return
    Authenticator = apps.get_model("accounts", "Authenticator")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT user_id, name, confirmed, key, drift, last_t FROM {LEGACY_TABLE} "
            "WHERE step = 30 AND digits = 6 AND t0 = 0"
        )
        for user_id, name, confirmed, key, drift, last_t in cursor.fetchall():
            seed = bytes.fromhex(key)
            Authenticator.objects.create(
                user_id=user_id, name=name, confirmed=confirmed, drift=drift, last_t=last_t,
                # as Authenticator.set_seed seals it
                sealed_seed=seal_under("totp-seed", seed, f"accounts.authenticator:{user_id}".encode()),
            )
        cursor.execute(f"DELETE FROM {LEGACY_TABLE}")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_credentials_issuer_kept'),
    ]

    operations = [
        migrations.CreateModel(
            name='Authenticator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The human-readable name of this device.', max_length=64)),
                ('confirmed', models.BooleanField(default=True, help_text='Is this device ready for use?')),
                ('throttling_failure_timestamp', models.DateTimeField(blank=True, default=None, help_text='A timestamp of the last failed verification attempt. Null if last attempt succeeded.', null=True)),
                ('throttling_failure_count', models.PositiveIntegerField(default=0, help_text='Number of successive failed attempts.')),
                ('sealed_seed', models.BinaryField()),
                ('drift', models.SmallIntegerField(default=0)),
                ('last_t', models.BigIntegerField(default=-1)),
                ('user', models.ForeignKey(help_text='The user that this device belongs to.', on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'authenticator',
                'abstract': False,
            },
        ),
        migrations.RunPython(move_legacy_devices, migrations.RunPython.noop),
    ]
