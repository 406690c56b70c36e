"""Enrolment used to clear `credentials_set_by`, so an account an administrator created and
enrolled themselves looked like anyone's. Put the mark back where the audit log shows that the
account's current credentials came from an administrator: the last account.create or
account.reset naming it was done by someone who is an administrator now."""

from typing import Any

from django.db import migrations


def mark_administrator_issued(apps: Any, schema_editor: Any) -> None:
    User = apps.get_model("accounts", "User")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    administrators = set(User.objects.filter(role="administrator").values_list("username", flat=True))
    issuer: dict[str, str] = {}
    for entry in AuditEntry.objects.filter(action__in=("account.create", "account.reset")).order_by("seq"):
        # details: "NAME: ROLE[, team T]" for a creation, "NAME" for a reset
        issuer[entry.detail.split(":")[0].strip()] = entry.actor
    marked = [name for name, actor in issuer.items() if actor in administrators]
    User.objects.filter(username__in=marked, credentials_set_by="").update(credentials_set_by="administrator")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_credentials_set_by"),
        ("audit", "0002_audit_head"),
    ]

    operations = [migrations.RunPython(mark_administrator_issued, migrations.RunPython.noop)]
