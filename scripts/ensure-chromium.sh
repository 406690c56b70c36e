#!/usr/bin/env bash
# The HTML report is tested in a real browser: Debian's chromium. Install it when we can
# (root on Debian); otherwise say so, and the browser test will skip (or fail under CI).
set -u
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests..."
  (apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1; }) \
    || echo "could not install chromium; the browser test will not run" >&2
else
  echo "chromium is not installed (apt-get install chromium); the browser test will not run" >&2
fi
exit 0
