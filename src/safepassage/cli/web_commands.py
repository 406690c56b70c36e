"""Commands of the casework app: `serve`, `audit verify`, `backup create|restore`, `account create`."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Annotated

import typer

from safepassage.cli.errors import BadInput

audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
backup_app = typer.Typer(help="Encrypted backups of the casework database.", no_args_is_help=True)
account_app = typer.Typer(help="Accounts of the casework app.", no_args_is_help=True)


def _django() -> None:
    from safepassage.casework.bootstrap import migrate, setup_django

    setup_django()  # a bad setting raises SettingError: one line and exit 2 (cli/__init__.py)
    migrate()


def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    demo: Annotated[bool, typer.Option("--demo", help="create the demo organisation and case")] = False,
    threads: Annotated[int, typer.Option(help="worker threads (per process)")] = 8,
    workers: Annotated[int, typer.Option(help="server processes on the same database (more than 1: gunicorn)", min=1, max=64)] = 1,
) -> None:
    """Run the casework web app (SQLite in ./.safepassage unless DATABASE_URL is set)."""
    from django.conf import settings

    _django()
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback and not settings.HTTPS:
        typer.echo(
            "warning: listening beyond this machine without SAFEPASSAGE_HTTPS=1; put the app "
            "behind a TLS proxy and set SAFEPASSAGE_HTTPS=1 and SAFEPASSAGE_ALLOWED_HOSTS",
            err=True,
        )
    # Everything is ready before the port is bound: whoever can connect finds the demo there.
    login: dict[str, str] | None = None
    if demo:
        from safepassage.casework.demo import ensure_demo

        login = ensure_demo()
    else:
        from safepassage.casework.accounts.models import User

        if not User.objects.exists():
            typer.echo(
                "no accounts yet: create the first with `safepassage account create NAME "
                "--organisation ORG --role coordinator --team TEAM` (or start with --demo)",
                err=True,
            )
    from safepassage.casework.audit.retention import start_pruning

    start_pruning()  # old audit entries, expired sessions, quiet lockout records, finished monitor jobs
    from safepassage.casework.assessments.service import knowledge_base
    from safepassage.casework.wsgi import application
    from safepassage.report.world_map import country_outlines

    # Loaded before the first request rather than by it (and, with workers, once before the
    # fork, shared by them): otherwise the first requests all wait for the knowledge base.
    knowledge_base(), country_outlines()
    if workers > 1:
        from safepassage.casework.server import serve_workers

        if login is not None:
            _print_demo_login(login, host, port)
        typer.echo(f"serving on http://{host}:{port}/ with {workers} processes (Ctrl-C stops)", err=True)
        serve_workers(application, host, port, workers, threads, trusted_proxy=settings.TRUSTED_PROXY)
        return
    import waitress

    # Attachments must never reach the disk in clear: waitress spools request bodies over 512 KB
    # and responses over 1 MB to temporary files unless told otherwise, so both buffers stay in
    # memory up to the request cap (which in turn bounds the memory an upload can take).
    largest = settings.ATTACHMENT_MAX_BYTES + 1024 * 1024
    server = waitress.create_server(
        application, host=host, port=port, threads=threads, ident="",
        max_request_body_size=largest, inbuf_overflow=largest + 1, outbuf_overflow=largest * 2,
        **_proxy_options(settings.TRUSTED_PROXY),
    )
    if login is not None:
        _print_demo_login(login, host, server.effective_port)
    # the port actually bound (--port 0 lets the system choose one)
    typer.echo(f"serving on http://{host}:{server.effective_port}/ (Ctrl-C stops)", err=True)
    server.run()


def _print_demo_login(login: dict[str, str], host: str, port: int) -> None:
    typer.echo(
        f"\nSafe Passage casework at http://{host}:{port}/\n"
        f"  demo login: {login['username']} / {login['password']}\n"
        f"  authenticator key (TOTP, add it to an app such as Aegis or FreeOTP): {login['totp_secret']}\n"
        f"  or print the current code with: safepassage account demo-code\n"
    )


def _proxy_options(proxy: str | None) -> dict[str, object]:
    """Behind the TLS proxy, believe its X-Forwarded-Proto (so a request it received over TLS
    is not redirected to https again, forever) and X-Forwarded-For (so lockouts count the real
    client's address, not the proxy's). From any other sender waitress removes both headers."""
    if proxy is None:
        return {}
    return {
        "trusted_proxy": proxy,
        "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"},
        "clear_untrusted_proxy_headers": True,
    }


def _offline_anchor(value: str) -> tuple[int, str]:
    seq, _, mac = value.partition(":")
    if not seq.isdigit() or len(mac) != 64 or any(c not in "0123456789abcdef" for c in mac):
        raise BadInput(f"--expect: {value!r} is not an anchor as `audit anchor` prints it (SEQ:MAC)")
    return int(seq), mac


@audit_app.command("verify")
def audit_verify(
    expect: Annotated[
        str | None, typer.Option(help="an offline copy of an earlier anchor (SEQ:MAC from `audit anchor`)")
    ] = None,
) -> None:
    """Check the hash chain and its anchor: exit 1 and name the first entry edited or removed."""
    offline = _offline_anchor(expect) if expect else None
    _django()
    from safepassage.casework.audit.chain import verify_chain

    verdict = verify_chain(offline)
    if verdict.ok:
        typer.echo(f"audit log intact: {verdict.entries} entries")
        return
    typer.echo(f"audit log BROKEN: {verdict.problem} (first {verdict.entries} entries intact)", err=True)
    sys.exit(1)


@audit_app.command("anchor")
def audit_anchor() -> None:
    """Print the end of the verified log as SEQ:MAC, to keep a copy off the server (paper, another
    machine) and check later with `audit verify --expect SEQ:MAC`."""
    _django()
    from safepassage.casework.audit.chain import verify_chain
    from safepassage.casework.audit.models import AuditEntry

    verdict = verify_chain()
    last = AuditEntry.objects.order_by("-seq").first()
    if not verdict.ok or last is None:
        typer.echo(f"audit log BROKEN: {verdict.problem}" if not verdict.ok else "the audit log is empty", err=True)
        sys.exit(1)
    typer.echo(f"{last.seq}:{last.mac}")


@audit_app.command("prune")
def audit_prune() -> None:
    """Delete audit entries older than SAFEPASSAGE_RETENTION_DAYS, expired sessions, quiet
    lockout records and the news monitor's jobs finished more than SAFEPASSAGE_MONITOR_JOB_DAYS
    ago (`serve` does this by itself every hour)."""
    _django()
    from safepassage.casework.audit.retention import prune

    pruned = prune()
    typer.echo(
        f"pruned {pruned.audit_entries} audit entries, {pruned.sessions} expired sessions, "
        f"{pruned.login_records} lockout records, {pruned.monitor_jobs} finished monitor jobs"
    )


@backup_app.command("create")
def backup_create(path: Annotated[Path, typer.Argument(help="file to write")]) -> None:
    """Write an encrypted backup (case keys are never included)."""
    _django()
    from safepassage.casework.backup import create_backup

    rows = create_backup(path)
    typer.echo(f"wrote {path} ({rows} rows, encrypted)")


@backup_app.command("restore")
def backup_restore(path: Annotated[Path, typer.Argument(help="backup file")]) -> None:
    """Replace the database content with a backup. Cases erased since are left out."""
    _django()
    from safepassage.casework.backup import BackupError, restore_backup

    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    try:
        restored = restore_backup(path)
    except BackupError as error:
        raise BadInput(str(error)) from None
    typer.echo(f"restored {restored.rows} rows from {path}")
    if restored.erased:
        typer.echo(f"  left out {restored.erased} case(s) erased since the backup was taken")
    if restored.keyless:
        typer.echo(
            f"  left out {restored.keyless} case(s) whose key is not in the key store "
            f"(restore the key store, then this backup again, if they should be there)",
            err=True,
        )


@account_app.command("create")
def account_create(
    username: str,
    organisation: Annotated[str, typer.Option(help="organisation name (created if new)")],
    role: Annotated[str, typer.Option(help="administrator | coordinator | caseworker")] = "administrator",
    team: Annotated[str | None, typer.Option(help="team name (created if new)")] = None,
) -> None:
    """Create an account; the password is asked for, the authenticator is set up at first login."""
    _django()
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from safepassage.casework.accounts.models import Organisation, Role, Team, User
    from safepassage.casework.audit.chain import record

    if role not in Role.values:
        raise BadInput(f"--role: {role!r} is not one of {', '.join(Role.values)}")
    if team and role == Role.ADMINISTRATOR:
        raise BadInput("--team: administrators see no cases; give a team to a coordinator or caseworker")
    if User.objects.filter(username=username).exists():
        raise BadInput(f"username {username!r} is taken")
    password = typer.prompt("one-time password (12+ characters; the owner replaces it at first login)", hide_input=True)
    try:
        validate_password(password)
    except ValidationError as error:
        raise BadInput("password: " + " ".join(error.messages)) from None
    org, _ = Organisation.objects.get_or_create(name=organisation)
    user = User.objects.create_user(
        username=username, password=password, organisation=org, role=role,
        must_set_password=True, credentials_set_by="cli",
    )
    if team:
        user.teams.add(Team.objects.get_or_create(organisation=org, name=team)[0])
    record("cli", "account.create", detail=f"{username}: {role}" + (f", team {team}" if team else ""))
    typer.echo(f"created {role} {username} in {organisation}")


@account_app.command("unlock")
def account_unlock(username: str) -> None:
    """Lift the lockout of an account at every address (audited)."""
    _django()
    from safepassage.casework.accounts import lockout
    from safepassage.casework.accounts.models import User
    from safepassage.casework.audit.chain import record

    if not User.objects.filter(username=username).exists():
        raise BadInput(f"no account named {username!r}")
    lifted = lockout.unlock(username)
    record("cli", "account.unlock", detail=username)
    typer.echo(f"unlocked {username} ({lifted} locked address(es) cleared)")


@account_app.command("demo-code")
def demo_code() -> None:
    """Print the demo account's current TOTP code (demo instances only)."""
    _django()
    from django_otp.oath import totp

    from safepassage.casework.accounts.models import Authenticator
    from safepassage.casework.demo import DEMO_USER

    device = Authenticator.objects.filter(user__username=DEMO_USER, confirmed=True).first()
    if device is None:
        raise BadInput("no demo account here; run `safepassage serve --demo` first")
    typer.echo(f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}")
