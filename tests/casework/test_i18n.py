"""The Russian catalogue is complete and its compiled .mo matches the .po reviewers edit."""

from __future__ import annotations

from pathlib import Path

import polib

import safepassage.casework

PO = Path(safepassage.casework.__file__).parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_russian_translation() -> None:
    untranslated = [e.msgid for e in polib.pofile(str(PO)) if (not e.msgstr or "fuzzy" in e.flags) and not e.obsolete]
    assert untranslated == []


def test_compiled_catalogue_matches_the_source() -> None:
    source = {e.msgid: e.msgstr for e in polib.pofile(str(PO)) if not e.obsolete and e.msgid}
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(PO.with_suffix(".mo"))) if e.msgid}
    assert compiled == source, "run scripts/compile-translations.py after editing django.po"
