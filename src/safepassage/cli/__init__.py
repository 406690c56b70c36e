"""The `safepassage` command: one entry point over the knowledge base and the engine.

Exit codes (DESIGN.md §5): 0 success, 2 bad input with a one-line message, 1 internal error.
"""

from __future__ import annotations

import sys

import typer

from safepassage.casework.environment import SettingError
from safepassage.cli.assess_command import assess
from safepassage.cli.dossier_command import dossier
from safepassage.cli.errors import BadInput, report_bad_input
from safepassage.cli.kb_commands import kb_app
from safepassage.cli.monitor_commands import monitor_app
from safepassage.cli.web_commands import account_app, audit_app, backup_app, serve

app = typer.Typer(
    name="safepassage",
    help="How safe is a country for a person at risk, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(kb_app, name="kb")
app.command()(assess)
app.command()(dossier)
app.command()(serve)
app.add_typer(audit_app, name="audit")
app.add_typer(backup_app, name="backup")
app.add_typer(account_app, name="account")
app.add_typer(monitor_app, name="monitor")


def main() -> None:
    try:
        app()
    except (BadInput, SettingError) as error:  # a setting in the environment is input too
        report_bad_input(error)
        sys.exit(2)
