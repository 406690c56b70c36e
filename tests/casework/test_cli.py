"""The casework commands: account creation, and bad input as one line with exit code 2."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from safepassage.casework.accounts.models import User
from safepassage.cli import app, main


@pytest.mark.django_db(transaction=True)
def test_account_create_makes_a_user_who_must_choose_a_password() -> None:
    result = CliRunner().invoke(
        app, ["account", "create", "first", "--organisation", "Crisis group", "--role", "coordinator", "--team", "Desk"],
        input="a long enough one-time password\n",
    )
    assert result.exit_code == 0, result.output
    user = User.objects.get(username="first")
    assert user.role == "coordinator" and user.must_set_password
    assert [t.name for t in user.teams.all()] == ["Desk"]


@pytest.mark.django_db(transaction=True)
def test_bad_role_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["safepassage", "account", "create", "x", "--organisation", "O", "--role", "boss"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    error = capsys.readouterr().err.strip()
    assert "--role" in error and len(error.splitlines()) == 1


@pytest.mark.django_db(transaction=True)
def test_restore_of_a_missing_file_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["safepassage", "backup", "restore", "/nonexistent/backup.spbk"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2 and "no such file" in capsys.readouterr().err
