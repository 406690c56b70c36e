"""`safepassage serve --workers 2` runs two server processes on one database (gunicorn), and the
default stays one waitress process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from safepassage.cli import web_commands

from .test_browser_e2e import free_port


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_two_workers_serve_the_app(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(SAFEPASSAGE_HOME=str(tmp_path), SAFEPASSAGE_LOG_LEVEL="WARNING")
    server = subprocess.Popen(
        [sys.executable, "-m", "safepassage", "serve", "--demo", "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else "server exited"
                time.sleep(0.2)
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
                assert page.status == 200 and b'id="quick-exit"' in page.read()
                assert page.headers["Cache-Control"] == "no-store"
                assert "gunicorn" not in str(page.headers.get("Server", "")).lower()
        deadline = time.monotonic() + 20
        while len(children(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(children(server.pid)) == 2
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_one_process_is_waitress(monkeypatch: pytest.MonkeyPatch, db: None) -> None:
    import waitress

    seen: dict[str, object] = {}

    class NotServing:
        effective_port = 8000

        def run(self) -> None:
            seen["ran"] = True

    def create_server(app: object, **kwargs: object) -> NotServing:
        seen.update(kwargs)
        return NotServing()

    monkeypatch.setattr(web_commands, "_django", lambda: None)
    monkeypatch.setattr(waitress, "create_server", create_server)
    web_commands.serve(host="127.0.0.1", port=8000, demo=False, threads=4, workers=1)
    assert seen["threads"] == 4 and seen["ran"] is True


def test_forwarded_headers_count_only_from_the_trusted_proxy() -> None:
    from safepassage.casework.server import behind_proxy

    seen: list[dict[str, object]] = []
    app = behind_proxy(lambda environ, start: seen.append(dict(environ)) or [], "127.0.0.1")
    app({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9, 198.51.100.7", "HTTP_X_FORWARDED_PROTO": "https"}, None)
    app({"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "10.0.0.1", "HTTP_X_FORWARDED_PROTO": "https"}, None)
    assert seen[0]["REMOTE_ADDR"] == "198.51.100.7" and "HTTP_X_FORWARDED_FOR" not in seen[0]
    assert seen[1]["REMOTE_ADDR"] == "192.0.2.1" and not any(k.startswith("HTTP_X_FORWARDED") for k in seen[1])
