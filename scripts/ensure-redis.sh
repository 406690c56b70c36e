#!/usr/bin/env bash
# The RQ tests of the news monitor use Redis at 127.0.0.1:6379 (database 5). Start the server
# when we can (root on Debian); without one those tests skip and say why.
set -u
ready() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }
if ready; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v redis-server >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1
  for _ in $(seq 1 20); do ready && exit 0; sleep 0.5; done
fi
echo "note: no Redis at 127.0.0.1:6379; the monitor's RQ tests will be skipped" >&2
exit 0
