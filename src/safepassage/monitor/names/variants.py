"""Other ways a watched name is written: Latin spellings of a Cyrillic name under the schemes
passports and agencies use, and nicknames (data/nicknames.yaml).

Matching does not depend on the transliterations (folding already brings the schemes together,
tests/monitor/test_names.py shows it for each scheme); they are shown to the caseworker so she
can check the spellings that will be found.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import iuliia
import yaml

from safepassage.monitor.names.script import fold, is_cyrillic

NICKNAMES_FILE = Path(__file__).parent.parent / "data" / "nicknames.yaml"

# Passport and agency schemes (iuliia): ICAO Doc 9303 is what Russian international passports
# print since 2013; MVD 782 the older passport scheme; BGN/PCGN what English-language agencies
# and press use; the Wikipedia and scientific schemes cover most of the rest.
SCHEMES = {
    "ICAO Doc 9303 (passports since 2013)": iuliia.ICAO_DOC_9303,
    "MVD 782 (passports 2010-2013)": iuliia.MVD_782,
    "MVD 310 (passports 1997-2010)": iuliia.MVD_310,
    "BGN/PCGN (English-language press)": iuliia.BGN_PCGN,
    "Wikipedia": iuliia.WIKIPEDIA,
    "Scientific": iuliia.SCIENTIFIC,
}


def transliterations(name: str) -> dict[str, str]:
    """Latin spellings of a Cyrillic name by scheme; empty for names in other scripts."""
    if not is_cyrillic(name):
        return {}
    return {label: schema.translate(name) for label, schema in SCHEMES.items()}


@cache
def _nickname_groups() -> dict[str, tuple[str, ...]]:
    """fold(word) -> every form of that name in its group (full name and diminutives)."""
    groups = yaml.safe_load(NICKNAMES_FILE.read_text(encoding="utf-8"))["groups"]
    by_fold: dict[str, tuple[str, ...]] = {}
    for group in groups:
        members = tuple(str(member) for member in group)
        for member in members:
            by_fold.setdefault(fold(member), members)
    return by_fold


def nicknames(word: str) -> tuple[str, ...]:
    return tuple(m for m in _nickname_groups().get(fold(word), ()) if fold(m) != fold(word))


def expand_names(names: Iterable[str]) -> list[str]:
    """The names as given and each with one word swapped for a nickname; spellings that fold
    alike are kept once. Transliterations are not added: folding already matches every scheme,
    and the diacritics of the scholarly schemes (ž, š) would only add looser spellings."""
    seen: set[tuple[str, ...]] = set()
    expanded: list[str] = []

    def add(name: str) -> None:
        key = tuple(fold(w) for w in name.split())
        if key and key not in seen:
            seen.add(key)
            expanded.append(name)

    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        add(name)
        parts = name.split()
        if len(parts) > 1:  # a nickname replaces a given name, never the whole name
            for i, part in enumerate(parts):
                for nickname in nicknames(part):
                    add(" ".join([*parts[:i], nickname, *parts[i + 1 :]]))
    return expanded
