"""Load benchmark of the casework app: 20 caseworkers (each acting every 1-3 s) against
`safepassage serve` on loopback, bounded in time, on SQLite and on the local PostgreSQL server.

For each database: start a fresh instance with the demo case, create 20 accounts (each with its
own TOTP device and API token), run locust headless, then check that every acknowledged write is
in the database and that the audit chain is intact. Prints p50/p95 latency and throughput.

Usage: python bench/load.py [--seconds 60] [--users 20] [--workers 2] [--threads 8] [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get("SAFEPASSAGE_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_DB = "safepassage_bench"

SETUP = """
import json, sys
from safepassage.casework.bootstrap import setup_django, migrate
setup_django(); migrate()
from safepassage.casework.demo import ensure_demo
ensure_demo()
import base64
from safepassage.casework.accounts.models import ApiToken, Authenticator, Role, Team, User
from safepassage.casework.cases.models import Case
team = Team.objects.get(name="North Caucasus desk")
users = []
for n in range(int(sys.argv[1])):
    user = User.objects.create_user(username=f"bench{n}", password="bench-password-long", organisation=team.organisation, role=Role.CASEWORKER)
    user.teams.add(team)
    device = Authenticator.objects.create(user=user, name="bench", confirmed=True)
    _row, token = ApiToken.issue(user)
    users.append({"username": user.username, "password": "bench-password-long", "totp_secret": base64.b32encode(device.bin_key).decode(), "token": token})
print(json.dumps({"case": str(Case.objects.get().pk), "users": users}))
"""

CHECK = """
import json
from safepassage.casework.bootstrap import setup_django
setup_django()
from safepassage.casework.audit.chain import verify_chain
from safepassage.casework.cases.models import Event
verdict = verify_chain()
print(json.dumps({"events": Event.objects.count(), "audit_ok": verdict.ok, "audit_entries": verdict.entries}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def python(code: str, env: dict[str, str], *args: str) -> str:
    return subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True).stdout


def fresh_postgres() -> str:
    for sql in (f"DROP DATABASE IF EXISTS {PG_DB}", f"CREATE DATABASE {PG_DB}"):
        subprocess.run(["psql", f"{PG_ADMIN}/postgres", "-q", "-c", sql], check=True, capture_output=True)
    return f"{PG_ADMIN}/{PG_DB}"


def run(database: str, seconds: int, users: int, results: Path, workers: int, threads: int) -> dict[str, object]:
    home = Path(tempfile.mkdtemp(prefix="safepassage-bench-"))
    env = {**os.environ, "SAFEPASSAGE_HOME": str(home), "SAFEPASSAGE_LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)
    if database == "postgresql":
        env["DATABASE_URL"] = fresh_postgres()
    accounts = json.loads(python(SETUP, env, str(users)))
    accounts_file = home / "bench-accounts.json"
    accounts_file.write_text(json.dumps(accounts))
    port = free_port()
    server_log = open(results / f"{database}-server.log", "w")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen(
        [sys.executable, "-m", "safepassage", "serve", "--port", str(port), "--threads", str(threads),
         *(["--workers", str(workers)] if workers > 1 else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=server_log,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        prefix = results / database
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
             "-u", str(users), "-r", "4", "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
             "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--reset-stats"],
            env={**env, "SAFEPASSAGE_BENCH_ACCOUNTS": str(accounts_file)}, check=False, capture_output=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
        server_log.close()
    with open(f"{prefix}_stats.csv", newline="") as handle:
        stats = {row["Name"]: row for row in csv.DictReader(handle)}
    check = json.loads(python(CHECK, env))
    acknowledged = int(stats["add event (API)"]["Request Count"]) - int(stats["add event (API)"]["Failure Count"])
    shutil.rmtree(home, ignore_errors=True)
    return {
        "database": database,
        "stats": {name: {k: row[k] for k in ("Request Count", "Failure Count", "50%", "95%", "Requests/s")} for name, row in stats.items()},
        "writes_acknowledged": acknowledged,
        "writes_stored": check["events"] - 2,  # the demo case starts with two events
        "audit_ok": check["audit_ok"],
        "audit_entries": check["audit_entries"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="server processes (1: waitress, more: gunicorn)")
    parser.add_argument("--threads", type=int, default=8, help="threads per process")
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    for database in args.databases.split(","):
        before = os.getloadavg()[0]
        outcome = run(database, args.seconds, args.users, results, args.workers, args.threads)
        # the machine is shared: the load average says how much else ran meanwhile
        print(f"\n{database}: {args.users} users, {args.seconds} s, {args.workers} process(es) x {args.threads} threads; "
              f"load average {before:.1f} before, {os.getloadavg()[0]:.1f} after")
        print(f"  {'endpoint':24} {'requests':>9} {'failures':>9} {'p50 ms':>7} {'p95 ms':>7} {'req/s':>7}")
        for name, row in outcome["stats"].items():  # type: ignore[attr-defined]
            print(f"  {name:24} {row['Request Count']:>9} {row['Failure Count']:>9} {row['50%']:>7} {row['95%']:>7} {float(row['Requests/s']):>7.1f}")
        lost = max(0, int(outcome["writes_acknowledged"]) - int(outcome["writes_stored"]))  # type: ignore[call-overload]
        print(f"  writes acknowledged {outcome['writes_acknowledged']}, stored {outcome['writes_stored']} "
              f"(lost {lost}; extra ones were in flight when the run stopped); "
              f"audit chain {'intact' if outcome['audit_ok'] else 'BROKEN'} ({outcome['audit_entries']} entries)")


if __name__ == "__main__":
    main()
