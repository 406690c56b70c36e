"""The Russian catalogue is complete and its compiled .mo matches the .po reviewers edit."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import polib

import safepassage.casework
from safepassage.assess import assess_world
from safepassage.casework.assessments.service import knowledge_base, localise
from safepassage.profile.reader import read_profile
from safepassage.report.model import Report

PO = Path(safepassage.casework.__file__).parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_russian_translation() -> None:
    untranslated = [e.msgid for e in polib.pofile(str(PO)) if not e.translated() and not e.obsolete]
    assert untranslated == []


def test_compiled_catalogue_matches_the_source() -> None:
    source = {e.msgid: (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(PO)) if not e.obsolete and e.msgid}
    compiled = {e.msgid: (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(PO.with_suffix(".mo"))) if e.msgid}
    assert compiled == source, "run scripts/compile-translations.py after editing django.po"


def test_a_stored_snapshot_is_said_in_the_readers_language_as_the_command_line_says_it() -> None:
    """The page words a stored report through the report layer (report.explain), so its
    Russian is the command line's, sentence for sentence."""
    kb = knowledge_base()
    profile = read_profile(Path(__file__).parents[2] / "examples" / "founding-case.yaml")
    day = dt.date(2025, 2, 7)
    report = Report(profile, day, kb, assess_world(profile, kb.view(day), ["KZ"]), language="ru")
    stored = json.loads(json.dumps(report.to_dict()))  # as the snapshot keeps it
    russian = localise(copy.deepcopy(stored), "ru")["assessments"][0]
    [said] = report.said()
    assert russian["name"] == "Казахстан" and russian["rating_label"] == said.rating_word
    assert [f["text"] for f in russian["findings"]] == [f.text for f in said.findings]
    assert {f["text_lang"] for f in russian["findings"]} == {"ru"}
    assert russian["caveats_text"] == said.caveats
    english = localise(copy.deepcopy(stored), "en")["assessments"][0]
    assert [f["text"] for f in english["findings"]] == [f["summary"] for f in stored["assessments"][0]["findings"]]


def test_a_snapshot_stored_before_messages_shows_its_english_marked_as_english() -> None:
    old = {"assessments": [{"country": "KZ", "rating": "elevated", "confidence": "low", "score": 60.0,
                            "findings": [{"factor": "land_border", "risk": 0.9, "summary": "Kazakhstan borders Russia.",
                                          "facts": [], "sources": []}],
                            "missing": [{"factor": "distance", "what": "capital coordinates unknown"}]}]}
    russian = localise(old, "ru")["assessments"][0]
    assert russian["findings"][0]["text"] == "Kazakhstan borders Russia."
    assert russian["findings"][0]["text_lang"] == "en" and russian["missing"][0]["text_lang"] == "en"
    assert russian["findings"][0]["label"] == "Сухопутная граница с государством преследователей"
