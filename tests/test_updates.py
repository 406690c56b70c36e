"""`updates:` chains: a later stage of an event stands for it, once, keeping the first date and
every outcome of the stages visible on the day asked about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.kb.base import load_base_layer
from safepassage.kb.check import find_defects
from safepassage.kb.knowledge import load
from safepassage.kb.loader import read_knowledge
from safepassage.kb.models import IncidentFact

from .conftest import write

FILE = """
sources:
  - {id: s-arrest, publisher: Publisher, title: Arrest report, url: "https://example.org/a", published: 2021-07-20, accessed: 2026-11-25}
  - {id: s-court, publisher: Publisher, title: Court report, url: "https://example.org/b", published: 2021-12-16, accessed: 2026-11-25}
facts:
  - id: ma-arrest
    kind: incident
    country: MA
    about: CN
    confidence: high
    sources: [s-arrest]
    summary: A man was detained on arrival on an Interpol notice.
    value: {date: 2021-07-19, pursuers: [state], pretext: interpol_notice, actors: [police], outcomes: [detained]}
  - id: ma-extradition-approved
    kind: incident
    updates: ma-arrest
    country: MA
    about: CN
    confidence: high
    sources: [s-court]
    summary: The court of cassation approved his extradition.
    value: {date: 2021-12-15, pursuers: [state], actors: [courts], outcomes: [extradited]}
"""


def test_each_view_counts_the_event_once_with_what_was_known(tmp_path: Path) -> None:
    write(tmp_path / "data" / "MA.yaml", FILE)
    kb = load(data_dir=tmp_path / "data")
    summer = [f for f in kb.view(dt.date(2021, 8, 1)).facts if isinstance(f, IncidentFact)]
    assert [(f.id, f.value.outcomes) for f in summer] == [("ma-arrest", ("detained",))]
    winter = [f for f in kb.view(dt.date(2022, 1, 1)).facts if isinstance(f, IncidentFact)]
    assert len(winter) == 1
    event = winter[0]
    assert event.id == "ma-extradition-approved"
    assert event.value.outcomes == ("detained", "extradited")
    assert event.value.actors == ("police", "courts")
    assert str(event.value.date) == "2021-07-19" and event.value.pretext == "interpol_notice"
    assert set(event.sources) == {"s-arrest", "s-court"}


def test_updates_must_name_an_earlier_fact_of_the_same_kind(tmp_path: Path) -> None:
    broken = FILE.replace("updates: ma-arrest", "updates: no-such-fact")
    write(tmp_path / "data" / "MA.yaml", broken)
    defects = find_defects(read_knowledge(tmp_path / "data"), load_base_layer())
    assert any("updates 'no-such-fact'" in str(d) for d in defects)


DV = """
sources:
  - {id: s-law, publisher: Publisher, title: Law report, url: "https://example.org/l", published: 2017-06-01, accessed: 2026-11-25}
  - {id: s-shelters, publisher: Publisher, title: Shelter report, url: "https://example.org/s", published: 2023-09-01, accessed: 2026-11-25}
facts:
  - {id: kg-dv, kind: dv_protection, country: KG, confidence: high, sources: [s-law],
     summary: Police issue protection orders under the 2017 law., value: {protection_orders: "yes"}}
  - {id: kg-dv-later, updates: kg-dv, kind: dv_protection, country: KG, confidence: high, sources: [s-shelters],
     summary: Kyrgyzstan had 18 crisis centres in 2023., value: {shelters: limited}}
"""


def test_a_later_protection_report_keeps_what_the_earlier_one_knew(tmp_path: Path) -> None:
    write(tmp_path / "data" / "KG.yaml", DV)
    [fact] = load(data_dir=tmp_path / "data").view(dt.date(2024, 1, 1)).facts
    assert fact.id == "kg-dv-later"
    assert (fact.value.shelters, fact.value.protection_orders) == ("limited", "yes")  # type: ignore[union-attr]
