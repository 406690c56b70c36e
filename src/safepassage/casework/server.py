"""Several server processes on one database: `safepassage serve --workers N` (N > 1) runs the app
under gunicorn, with N forked workers of `threads` threads each. One process (the default) stays
on waitress, which also runs on systems without fork.

Why gunicorn: a Python process uses one core for Python code at a time, so on a two-core server
a second process nearly doubles how many case pages can be rendered at once. Everything that
must hold across processes already lives in the database or on disk: the audit chain's head is
locked in the database (SQLite's IMMEDIATE transactions, PostgreSQL's row lock), its anchor file
is replaced atomically, case keys are files, sessions are in the database.

Security decisions for the workers (docs/threat-model.md):
- the app, the knowledge base and the map are loaded once in the master and forked
  (`preload_app`), and database connections are closed before the fork, so no two processes
  share a connection;
- gunicorn does not spool request or response bodies to temporary files: an upload is read
  from the socket by Django's memory-only upload handler, as under waitress;
- gunicorn's own access log stays off (our middleware logs route patterns only) and its error
  log goes through the same scrubbing filter as every other log, which removes request paths;
- the per-name login serialisation is per process: each further worker allows one more
  attempt in parallel (the lockout still counts every failure in the database).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gunicorn.http.wsgi
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from safepassage.casework.security.logs import ScrubFilter


class ScrubbedLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger, with our scrubbing filter on every handler it sets up."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.addFilter(ScrubFilter())


class Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, application: Callable[..., Any], options: dict[str, Any]) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Callable[..., Any]:
        return self.application


def behind_proxy(application: Callable[..., Any], proxy: str | None) -> Callable[..., Any]:
    """What waitress's trusted_proxy options do, for gunicorn: from the TLS proxy, the client's
    address is the last X-Forwarded-For entry (the lockout counts per address,
    accounts/lockout.py); from anyone else every X-Forwarded-* header is dropped, so nobody can
    claim another address or scheme. gunicorn itself sets the scheme from X-Forwarded-Proto only
    for the proxy (`forwarded_allow_ips`)."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if proxy is not None and environ.get("REMOTE_ADDR") == proxy:
            forwarded = [a.strip() for a in str(environ.get("HTTP_X_FORWARDED_FOR", "")).split(",") if a.strip()]
            if forwarded:
                environ["REMOTE_ADDR"] = forwarded[-1]
        for header in [k for k in environ if k.startswith("HTTP_X_FORWARDED_")]:
            del environ[header]
        return application(environ, start_response)

    return app


def _close_connections() -> None:
    from django.db import connections

    connections.close_all()


def _before_fork(server: Any, worker: Any) -> None:
    _close_connections()


def serve_workers(
    application: Callable[..., Any],
    host: str,
    port: int,
    workers: int,
    threads: int,
    trusted_proxy: str | None = None,
) -> None:
    """Run `application` under gunicorn until interrupted."""
    _close_connections()  # opened by migrate and the demo, in the master: not to be inherited
    # No "Server: gunicorn" header, as waitress sends none (ident=""): it only helps an attacker.
    gunicorn.http.wsgi.SERVER = "-"
    shm = Path("/dev/shm")
    options: dict[str, Any] = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "preload_app": True,
        "pre_fork": _before_fork,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": logging.getLevelName(logging.getLogger().getEffectiveLevel()).lower(),
        "logger_class": ScrubbedLogger,
        "proc_name": "safepassage",
        "limit_request_line": 8190,
        "timeout": 60,
        # gunicorn closes an idle keep-alive connection after 2 s by default, just when a
        # person's next click reuses it (a reset the browser shows as a failed request)
        "keepalive": 75,
        "graceful_timeout": 20,
        # the heartbeat file of each worker holds no data; in memory where the system allows
        "worker_tmp_dir": str(shm) if shm.is_dir() else None,
        # behind the TLS proxy, believe its forwarded headers; from anyone else gunicorn ignores them
        "forwarded_allow_ips": trusted_proxy or "",
    }
    Gunicorn(behind_proxy(application, trusted_proxy), options).run()
