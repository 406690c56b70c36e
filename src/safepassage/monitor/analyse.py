"""One article against the watch list: who is named, which places are named near them, and
whether the article reports an incident against a person of a watched origin. Used by the
`scan` command and by the casework worker alike."""

from __future__ import annotations

from dataclasses import dataclass

from safepassage.monitor.incidents import IncidentCandidate, find_incident
from safepassage.monitor.names.index import NameIndex, NameMatch
from safepassage.monitor.names.script import strip_marks
from safepassage.monitor.places import FoundPlace, Gazetteer, load_gazetteer
from safepassage.monitor.text import excerpt, word_offsets, words

PLACE_WINDOW = 40  # words: a place this close to a name may tell where the person is


@dataclass(frozen=True)
class Finding:
    match: NameMatch
    places: tuple[FoundPlace, ...]
    excerpt: str

    @property
    def location_leak(self) -> bool:
        return bool(self.places)


@dataclass(frozen=True)
class Analysis:
    findings: tuple[Finding, ...]
    incident: IncidentCandidate | None
    incident_places: tuple[FoundPlace, ...]
    incident_excerpt: str


def places_near(places: list[FoundPlace], first: int, last: int, window: int = PLACE_WINDOW) -> tuple[FoundPlace, ...]:
    return tuple(p for p in places if first - window <= p.word <= last + window)


def analyse(text: str, index: NameIndex | None, gazetteer: Gazetteer | None = None, min_score: float = 0.6, incidents: bool = True) -> Analysis:
    """Names (none without an index), places near them, and (unless told not to) an incident."""
    article = words(text)
    matches = index.find_in_words(article, min_score) if index is not None else []
    incident = find_incident(article) if incidents else None
    places: list[FoundPlace] = []
    if matches or incident:
        places = (gazetteer or load_gazetteer()).find(article)
    # a word that is part of a watched name is not also a place (Kheda is a town in India)
    named = {p for m in matches for p in m.positions}
    places = [p for p in places if p.word not in named]
    offsets = word_offsets(strip_marks(text), article) if matches or incident else []
    findings = tuple(
        Finding(m, places_near(places, m.first_word, m.last_word), excerpt(text, m.first_word, m.last_word, offsets=offsets))
        for m in matches
    )
    if incident is None:
        return Analysis(findings, None, (), "")
    return Analysis(
        findings,
        incident,
        places_near(places, incident.first_word, incident.last_word),
        excerpt(text, incident.first_word, incident.last_word, context=240, offsets=offsets),
    )
