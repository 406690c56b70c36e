"""Bring the Russian catalogue up to date with the web app's source, keeping what reviewers wrote.

Runs Django's `makemessages` (GNU xgettext) on a temporary copy of the casework package, then
adds each new message to locale/ru/LC_MESSAGES/django.po with an empty translation and drops the
messages no longer used; existing entries keep their order and text, so a merge with another
branch's additions stays small. Then fill in the new `msgstr`s and run compile-translations.py.
tests/casework/test_i18n.py fails while any message is untranslated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "safepassage" / "casework"
PO = PACKAGE / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def extracted() -> polib.POFile:
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "casework"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "locale", "static"))
        (copy / "locale").mkdir()
        env = {**os.environ, "SAFEPASSAGE_HOME": temporary}
        subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "--locale", "ru", "--no-location", "--no-obsolete",
             "--settings", "safepassage.casework.settings"],
            cwd=copy, env=env, check=True, capture_output=True,
        )
        return polib.pofile(str(copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"))


def main() -> None:
    source = extracted()
    catalogue = polib.pofile(str(PO))
    wanted = {(e.msgctxt, e.msgid) for e in source if e.msgid}
    have = {(e.msgctxt, e.msgid) for e in catalogue if e.msgid}
    for entry in [e for e in catalogue if e.msgid and (e.msgctxt, e.msgid) not in wanted]:
        print(f"dropped (no longer used): {entry.msgid[:70]!r}")
        catalogue.remove(entry)
    for entry in source:
        if entry.msgid and (entry.msgctxt, entry.msgid) not in have:
            entry.occurrences = []
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            catalogue.append(entry)
            print(f"new: {entry.msgid[:70]!r}")
    catalogue.save(str(PO))


if __name__ == "__main__":
    main()
