"""The Russian catalogue is complete and its compiled .mo matches the .po reviewers edit."""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace

import polib
import pytest

import safepassage.casework
from safepassage.casework.assessments.service import knowledge_base, localise

PO = Path(safepassage.casework.__file__).parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_russian_translation() -> None:
    untranslated = [e.msgid for e in polib.pofile(str(PO)) if not e.translated() and not e.obsolete]
    assert untranslated == []


def test_compiled_catalogue_matches_the_source() -> None:
    def pairs(catalogue: polib._BaseFile) -> dict[tuple[str | None, str], object]:
        return {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in catalogue if not e.obsolete and e.msgid}

    source = pairs(polib.pofile(str(PO)))
    compiled = pairs(polib.mofile(str(PO.with_suffix(".mo"))))
    assert compiled == source, "run scripts/compile-translations.py after editing django.po"


def test_russian_readers_get_the_knowledge_base_russian_text(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = knowledge_base()
    fact = next(f for f in kb.facts if f.country == "KZ" and f.kind == "land_border")
    monkeypatch.setitem(kb.facts_by_id, fact.id, SimpleNamespace(summary_ru="Казахстан и Россия граничат."))
    report = {"assessments": [{"country": "KZ", "findings": [{"facts": [fact.id]}]}]}
    russian = localise(copy.deepcopy(report), "ru")["assessments"][0]
    assert russian["name"] == "Казахстан"
    assert russian["findings"][0]["local_facts"] == ["Казахстан и Россия граничат."]
    english = localise(copy.deepcopy(report), "en")["assessments"][0]
    assert english["name"] == "Kazakhstan" and english["findings"][0]["local_facts"] == []


def test_every_event_kind_has_a_label_on_the_pages_and_in_the_dossiers() -> None:
    from safepassage.casework.cases.labels import EVENTS
    from safepassage.casework.cases.records import EVENT_KINDS
    from safepassage.report.dossier.catalogue import entries

    assert set(EVENTS) == set(EVENT_KINDS)
    for language in ("en", "ru"):
        assert {k for k in EVENT_KINDS if f"events.{k}" not in entries(language)} == set(), language
