"""Issue 11's as-of rule for registry facts: a membership an official register records is public
from its own date, whenever we read the register; anything else still needs a dated source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.kb.base import load_base_layer
from safepassage.kb.check import find_defects
from safepassage.kb.knowledge import is_visible
from safepassage.kb.loader import read_knowledge

from .conftest import write

REGISTER = """
sources:
  - id: register
    publisher: An international organisation
    title: Member countries
    url: https://example.org/members
    published: 2026-12-04
    accessed: 2026-12-04
    registry: true
facts:
  - id: xx-membership
    kind: membership
    country: KZ
    valid_from: 1993-09
    confidence: high
    sources: [register]
    summary: Kazakhstan has been a member since 1993, as the register records.
    value: {instrument: cis, status: member}
"""

BORDER = """
  - id: kz-border
    kind: land_border
    country: KZ
    confidence: high
    sources: [register]
    summary: Kazakhstan borders Russia.
    value: {neighbour: RU}
"""

INSTRUMENTS = """
instruments:
  - {id: cis, title: Commonwealth of Independent States, kind: political_bloc}
"""


class TestRegistrySources:
    def test_a_registered_membership_is_public_from_its_own_date(self, tmp_path: Path) -> None:
        write(tmp_path / "instruments.yaml", INSTRUMENTS)
        write(tmp_path / "m.yaml", REGISTER)
        raw = read_knowledge(tmp_path)
        fact = raw.facts[0]
        assert is_visible(fact, raw.sources, dt.date(2000, 1, 1))
        assert not is_visible(fact, raw.sources, dt.date(1993, 9, 15))  # the month is not over

    def test_without_the_register_flag_it_waits_for_the_page(self, tmp_path: Path) -> None:
        write(tmp_path / "instruments.yaml", INSTRUMENTS)
        write(tmp_path / "m.yaml", REGISTER.replace("    registry: true\n", ""))
        raw = read_knowledge(tmp_path)
        assert not is_visible(raw.facts[0], raw.sources, dt.date(2000, 1, 1))

    def test_a_register_supports_only_memberships(self, tmp_path: Path) -> None:
        write(tmp_path / "instruments.yaml", INSTRUMENTS)
        write(tmp_path / "m.yaml", REGISTER + BORDER)
        defects = [str(d) for d in find_defects(read_knowledge(tmp_path), load_base_layer())]
        assert any("kz-border" in d and "can only support a membership" in d for d in defects)
