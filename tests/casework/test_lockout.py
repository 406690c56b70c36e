"""Lockout that cannot be turned against a colleague, and that keeps no helper metadata in clear.

Failures are counted per (name as typed, client address): someone who knows a colleague's
username locks only themselves out, at their address, with waits that double after each further
failure. The record holds keyed hashes only: not the name as typed (people type passwords
there), not the address, not the form. An administrator or coordinator unlocks from the
accounts page (as the locked page says), or the server's operator with `safepassage account
unlock NAME`; both are audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from safepassage.casework.accounts import lockout
from safepassage.casework.audit.models import AuditEntry
from safepassage.cli import app

from .conftest import PASSWORD, World, current_code, verified_client
from .test_vault import all_database_bytes

HERE, THERE = "198.51.100.7", "203.0.113.9"


def login(address: str, username: str, password: str, code: str = "") -> int:
    response = Client(REMOTE_ADDR=address).post("/", {"username": username, "password": password, "code": code})
    return int(response.status_code)


def fail(address: str, username: str = "worker", times: int = 1) -> None:
    for _ in range(times):
        login(address, username, "wrong password", "000000")


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dt.datetime]]:
    """The lockout's notion of now, moved by the test."""
    now = [timezone.now()]
    monkeypatch.setattr(lockout, "now", lambda: now[0])
    yield now


def test_failures_at_one_address_do_not_lock_the_colleague_elsewhere(world: World) -> None:
    fail(HERE, times=settings.AXES_FAILURE_LIMIT)
    assert login(HERE, "worker", PASSWORD, current_code(world.caseworker)) == 429
    assert login(THERE, "worker", PASSWORD, current_code(world.caseworker)) == 302


def test_each_further_failure_doubles_the_wait(world: World, clock: list[dt.datetime]) -> None:
    fail(HERE, times=settings.AXES_FAILURE_LIMIT)
    waits = [lockout.wait_for("worker", HERE)]
    for _ in range(3):
        clock[0] += waits[-1] + dt.timedelta(seconds=1)  # the lock has run out...
        assert lockout.wait_for("worker", HERE) == dt.timedelta(0)
        fail(HERE)  # ...and the next guess locks again, for twice as long
        waits.append(lockout.wait_for("worker", HERE))
    assert [w // waits[0] for w in waits] == [1, 2, 4, 8]
    assert waits[0] == lockout.FIRST_LOCK


def test_the_waits_stop_growing_and_are_forgotten_after_a_quiet_day(world: World, clock: list[dt.datetime]) -> None:
    fail(HERE, times=settings.AXES_FAILURE_LIMIT + 10)  # while locked, guesses are refused uncounted
    assert lockout.wait_for("worker", HERE) == lockout.FIRST_LOCK
    for _ in range(15):  # 2**14 minutes would be eleven days
        clock[0] += lockout.wait_for("worker", HERE) + dt.timedelta(seconds=1)
        fail(HERE)
    assert lockout.wait_for("worker", HERE) == lockout.LONGEST_LOCK
    clock[0] += lockout.LONGEST_LOCK + lockout.FORGET_AFTER + dt.timedelta(minutes=1)
    fail(HERE)
    assert lockout.wait_for("worker", HERE) == dt.timedelta(0)  # counting starts again


def test_lockout_records_hold_neither_the_name_as_typed_nor_the_address_nor_the_form(world: World) -> None:
    typed = "zarema-passphrase-oops"  # a password typed into the username field
    Client(REMOTE_ADDR=THERE).post("/", {"username": typed, "password": "Secret-Typed-77", "code": "123456"}, HTTP_USER_AGENT="Helper-Phone-Model-X")
    stored = all_database_bytes()
    for trace in (typed, THERE, "Secret-Typed-77", "Helper-Phone-Model-X"):
        assert trace.encode() not in stored, trace


def test_the_locked_page_says_how_long_and_who_can_unlock(world: World) -> None:
    fail(HERE, times=settings.AXES_FAILURE_LIMIT - 1)
    page = Client(REMOTE_ADDR=HERE).post("/", {"username": "worker", "password": "wrong", "code": ""})
    text = page.content.decode()
    assert page.status_code == 429
    assert "1 minute" in text and "administrator or coordinator" in text and "safepassage account unlock" in text


def test_an_administrator_unlocks_from_the_accounts_page(world: World) -> None:
    fail(HERE, times=settings.AXES_FAILURE_LIMIT)
    admin = verified_client(world.administrator)
    assert "unlock" in admin.get("/accounts/").content.decode().lower()
    assert admin.post(f"/accounts/{world.caseworker.pk}/unlock/").status_code == 302
    assert login(HERE, "worker", PASSWORD, current_code(world.caseworker)) == 302
    assert AuditEntry.objects.filter(action="account.unlock", actor="admin", detail="worker").exists()


def test_only_managers_of_the_same_organisation_unlock(world: World) -> None:
    fail(HERE, times=settings.AXES_FAILURE_LIMIT)
    assert verified_client(world.outsider).post(f"/accounts/{world.caseworker.pk}/unlock/").status_code == 404
    assert verified_client(world.foreign_coordinator).post(f"/accounts/{world.caseworker.pk}/unlock/").status_code == 404
    assert verified_client(world.coordinator).get(f"/accounts/{world.caseworker.pk}/unlock/").status_code == 405
    assert login(HERE, "worker", PASSWORD, current_code(world.caseworker)) == 429


def test_the_operator_unlocks_with_the_command(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("safepassage.cli.web_commands._django", lambda: None)
    fail(HERE, times=settings.AXES_FAILURE_LIMIT)
    fail(THERE, times=settings.AXES_FAILURE_LIMIT)
    result = CliRunner().invoke(app, ["account", "unlock", "worker"])
    assert result.exit_code == 0, result.output
    assert login(HERE, "worker", PASSWORD, current_code(world.caseworker)) == 302
    assert AuditEntry.objects.filter(action="account.unlock", actor="cli", detail="worker").exists()


def test_unlocking_an_unknown_name_is_bad_input(world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from safepassage.cli import main

    monkeypatch.setattr("safepassage.cli.web_commands._django", lambda: None)
    monkeypatch.setattr("sys.argv", ["safepassage", "account", "unlock", "nobody-here"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    error = capsys.readouterr().err.strip()
    assert exit_info.value.code == 2 and len(error.splitlines()) == 1 and "nobody-here" in error


def test_the_locked_page_in_russian(world: World) -> None:
    fail(HERE, times=settings.AXES_FAILURE_LIMIT - 1)
    page = Client(REMOTE_ADDR=HERE, HTTP_ACCEPT_LANGUAGE="ru").post("/", {"username": "worker", "password": "wrong", "code": ""})
    assert page.status_code == 429 and "заблокирован на 1 минуту" in page.content.decode()
