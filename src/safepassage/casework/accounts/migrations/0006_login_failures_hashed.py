"""Lockout records that keep only keyed hashes (accounts/lockout.py). django-axes's tables held
the name as typed, the address, the user agent and the (partly masked) form data of every
failure, and every login: empty them (on SQLite the freed rows are zeroed, secure_delete)."""

from typing import Any

from django.db import migrations, models


def empty_axes_tables(apps: Any, schema_editor: Any) -> None:
    for name in ("AccessAttempt", "AccessFailureLog", "AccessLog"):
        apps.get_model("axes", name).objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_authenticator_sealed_seed'),
        ('axes', '0010_accessattemptexpiration'),
    ]

    operations = [
        migrations.CreateModel(
            name='LoginFailures',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('account', models.CharField(db_index=True, max_length=64)),
                ('client', models.CharField(max_length=64, unique=True)),
                ('failures', models.PositiveIntegerField(default=0)),
                ('last_failure', models.DateTimeField()),
                ('locked_until', models.DateTimeField(null=True)),
            ],
        ),
        migrations.RunPython(empty_axes_tables, migrations.RunPython.noop),
    ]
