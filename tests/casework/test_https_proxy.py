"""`SAFEPASSAGE_HTTPS=1 safepassage serve` behind a TLS proxy on this machine: a request the proxy
marks `X-Forwarded-Proto: https` is answered (200, with HSTS), not redirected again and again;
the header counts only from the configured proxy; boolean settings take 1/true/yes or 0/false/no
and refuse anything else in one line naming the variable."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from safepassage.casework.environment import SettingError, flag

SERVING = re.compile(r"serving on http://127\.0\.0\.1:(\d+)/")


def environment_for(home: Path, **extra: str) -> dict[str, str]:
    """The production settings (not the tests'), on SQLite in `home`."""
    dropped = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFEPASSAGE_") and k not in dropped}
    return {**env, "SAFEPASSAGE_HOME": str(home), "SAFEPASSAGE_LOG_LEVEL": "WARNING", **extra}


@contextmanager
def served(home: Path, **extra: str) -> Iterator[int]:
    """A real `safepassage serve` on a port the system picks (port 0); yields that port."""
    server = subprocess.Popen(
        [sys.executable, "-m", "safepassage", "serve", "--port", "0", "--threads", "2"],
        env=environment_for(home, **extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert server.stderr is not None
        port = None
        deadline = time.monotonic() + 120
        while port is None and time.monotonic() < deadline:
            line = server.stderr.readline()
            if not line:
                raise AssertionError(f"serve exited with {server.wait()}")
            if found := SERVING.search(line):
                port = int(found.group(1))
        assert port is not None, "serve never said where it listens"
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def get(port: int, headers: dict[str, str]) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/", headers={"Host": f"127.0.0.1:{port}", **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_the_proxy_on_this_machine_is_trusted_and_hsts_is_sent(tmp_path: Path) -> None:
    with served(tmp_path, SAFEPASSAGE_HTTPS="1") as port:
        through_proxy = get(port, {"X-Forwarded-Proto": "https"})
        assert through_proxy.status == 200
        assert through_proxy.getheader("Strict-Transport-Security", "").startswith("max-age=")
        plain = get(port, {})  # not marked as TLS by the proxy: sent to https
        assert plain.status == 301 and plain.getheader("Location", "").startswith("https://")


def test_the_header_counts_only_from_the_configured_proxy(tmp_path: Path) -> None:
    with served(tmp_path, SAFEPASSAGE_HTTPS="yes", SAFEPASSAGE_TRUSTED_PROXY="127.0.0.2") as port:
        forged = get(port, {"X-Forwarded-Proto": "https"})  # we are 127.0.0.1, not the proxy
        assert forged.status == 301


@pytest.mark.parametrize("value", ["1", "true", "YES", " yes "])
def test_true_values(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SAFEPASSAGE_EXAMPLE", value)
    assert flag("SAFEPASSAGE_EXAMPLE") is True


@pytest.mark.parametrize("value", ["0", "false", "No"])
def test_false_values(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SAFEPASSAGE_EXAMPLE", value)
    assert flag("SAFEPASSAGE_EXAMPLE", default=True) is False


def test_unset_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAFEPASSAGE_EXAMPLE", raising=False)
    assert flag("SAFEPASSAGE_EXAMPLE") is False and flag("SAFEPASSAGE_EXAMPLE", default=True) is True


@pytest.mark.parametrize("value", ["on", "2", "", "maybe"])
def test_anything_else_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SAFEPASSAGE_EXAMPLE", value)
    with pytest.raises(SettingError, match="SAFEPASSAGE_EXAMPLE"):
        flag("SAFEPASSAGE_EXAMPLE")


def test_a_bad_boolean_setting_stops_the_command_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "safepassage", "audit", "verify"],
        env=environment_for(tmp_path, SAFEPASSAGE_HTTPS="maybe"), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SAFEPASSAGE_HTTPS" in lines[0], result.stderr
