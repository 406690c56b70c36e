#!/usr/bin/env bash
# The web tests run a second time against PostgreSQL (127.0.0.1:5432, trust auth, database
# `test`). Make sure the server is up; start it when we can (root on Debian).
set -u
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ready; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  (service postgresql start || pg_ctlcluster --skip-systemctl-redirect 15 main start) >/dev/null 2>&1
  for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
fi
echo "PostgreSQL is not reachable at 127.0.0.1:5432; the PostgreSQL test run needs it" >&2
exit 1
