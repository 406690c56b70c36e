#!/usr/bin/env bash
# The dossier tests turn PDF pages into PNG (pdftoppm) and read their text layer (pdftotext):
# Debian's poppler-utils. Install it when we can (root on Debian); otherwise say so, and those
# tests skip (or fail under CI).
set -u
if command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's poppler-utils for the dossier tests..."
  (apt-get install -y -q poppler-utils >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q poppler-utils >/dev/null 2>&1; }) \
    || echo "could not install poppler-utils; the dossier page tests will not run" >&2
else
  echo "poppler-utils is not installed (apt-get install poppler-utils); the dossier page tests will not run" >&2
fi
exit 0
