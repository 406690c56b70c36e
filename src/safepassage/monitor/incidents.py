"""Incident candidates: an act (handover, detention, deportation, abduction, killing) near a
word for a watched origin (data/incident_terms.yaml). A candidate is queued for a person to
read and, if it holds, to write up as a sourced knowledge-base fact by hand; the monitor never
adds anything to the knowledge base itself."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from safepassage.monitor.names.script import is_abjad

TERMS_FILE = Path(__file__).parent / "data" / "incident_terms.yaml"
TERM_GAP = 3  # words allowed between the parts of one term
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


HEAD = 3  # every term begins with at least this many letters: the lookup key


Head = dict[str, list[tuple[str, str, tuple[str, ...]]]]


@dataclass(frozen=True)
class Terms:
    window: int
    kinds: dict[str, list[tuple[str, ...]]]
    origins: dict[str, tuple[str, ...]]
    # first letters -> ("act" or "origin", kind or origin, term): a word is compared only with
    # the terms that begin like it
    by_head: Head


def _by_head(kinds: dict[str, list[tuple[str, ...]]], origins: dict[str, tuple[str, ...]]) -> Head:
    table: Head = {}
    for kind, kind_terms in kinds.items():
        for term in kind_terms:
            table.setdefault(term[0][:HEAD], []).append(("act", kind, term))
    for origin, prefixes in origins.items():
        for prefix in prefixes:
            table.setdefault(prefix[:HEAD], []).append(("origin", origin, (prefix,)))
    return table


@dataclass(frozen=True)
class IncidentCandidate:
    kinds: tuple[str, ...]
    origins: tuple[str, ...]
    first_word: int
    last_word: int
    distance: int  # words between the closest act and origin


@cache
def load_terms(path: Path = TERMS_FILE) -> Terms:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    kinds = {kind: [tuple(str(p) for p in term) for term in terms] for kind, terms in raw["kinds"].items()}
    origins = {origin: tuple(str(p) for p in prefixes) for origin, prefixes in raw["origins"].items()}
    return Terms(window=int(raw["window"]), kinds=kinds, origins=origins, by_head=_by_head(kinds, origins))


@lru_cache(maxsize=200_000)
def _forms(word: str) -> tuple[str, ...]:
    lowered = word.lower()
    if not is_abjad(lowered):
        return (lowered,)
    bare = [lowered[len(p) :] for p in _ARABIC_PREFIXES if lowered.startswith(p) and len(lowered) - len(p) >= 3]
    return (lowered, *bare)


def _starts(forms: tuple[str, ...], prefix: str) -> bool:
    return any(form.startswith(prefix) for form in forms)


def _term_at(article: list[tuple[str, ...]], start: int, term: tuple[str, ...]) -> bool:
    position = start
    for part in term[1:]:
        for step in range(1, TERM_GAP + 2):
            if position + step < len(article) and _starts(article[position + step], part):
                position += step
                break
        else:
            return False
    return True


def find_incident(article_words: list[str], terms: Terms | None = None) -> IncidentCandidate | None:
    terms = terms or load_terms()
    table = terms.by_head
    article = [_forms(w) for w in article_words]
    acts: list[tuple[int, str]] = []
    origins: list[tuple[int, str]] = []
    for position, forms in enumerate(article):
        for form in forms:
            for role, name, term in table.get(form[:HEAD], ()):
                if not form.startswith(term[0]):
                    continue
                if role == "origin":
                    origins.append((position, name))
                elif _term_at(article, position, term):
                    acts.append((position, name))
    pairs = [(abs(a - o), a, o, kind, origin) for a, kind in acts for o, origin in origins if abs(a - o) <= terms.window]
    if not pairs:
        return None
    positions = [p for _, a, o, _, _ in pairs for p in (a, o)]
    return IncidentCandidate(
        kinds=tuple(sorted({kind for *_, kind, _ in pairs})),
        origins=tuple(sorted({origin for *_, origin in pairs})),
        first_word=min(positions),
        last_word=max(positions),
        distance=min(d for d, *_ in pairs),
    )
