"""Finding watched people in article text: an index over name keys, then fuzzy verification of
the few candidates it returns (never every name against every article).

A watched person has several names (every script, transliterations, nicknames); each is split
into words. An article word that shares a key with a name word is a candidate; a name counts as
found when at least two of its words (one, for a one-word name) are verified close together, in
any order. The score says how sure the match is: the mean similarity of the matched words,
lowered when words of the name are missing, and lowered more for one-word names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from safepassage.monitor.names.script import Forms, forms, index_keys
from safepassage.monitor.names.variants import expand_names
from safepassage.monitor.text import words

# Words that are part of many names and identify nobody on their own.
PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "bint", "abu", "van", "von", "de", "оглы", "кызы", "бен", "ибн", "аль", "эль", "بن", "بنت", "ابن", "أبو", "ابو"})
WORD_THRESHOLD = 80.0  # per-word similarity (0..100) a candidate must reach
SKELETON_SIMILARITY = 85.0  # same consonants, different vowels: Mohammed / Muhammad
ABJAD_WEIGHT = 0.95  # Arabic script gives consonants only: a little less certain
SINGLE_WORD_WEIGHT = 0.6  # a one-word name (a nickname alone) is weak evidence
WINDOW_SLACK = 3  # extra words allowed between the words of one name
GAP_PENALTY = 0.05  # per word between them: "Elza ... Soltaeva Street" is less sure


@dataclass(frozen=True)
class WatchEntry:
    id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class NameMatch:
    watch_id: str
    name: str  # the watched name (variant) that matched
    matched: tuple[str, ...]  # the article's words, as written
    score: float  # 0..1
    first_word: int  # word positions in the article, for excerpts and place proximity
    last_word: int
    positions: tuple[int, ...] = ()  # of the matched words


@dataclass
class _Variant:
    entry: int
    name: str
    words: list[tuple[str, Forms]]
    required: int = field(init=False)

    def __post_init__(self) -> None:
        self.required = min(2, len(self.words))


def similarity(article: Forms, name: Forms) -> float:
    if article.abjad or name.abjad:
        if min(len(article.skeleton), len(name.skeleton)) < 2:
            return 100.0 * ABJAD_WEIGHT if article.folded == name.folded else 0.0
        return ratio(article.skeleton, name.skeleton) * ABJAD_WEIGHT
    best = max(ratio(article.folded, name.folded), ratio(article.stemmed, name.stemmed))
    if len(name.skeleton) >= 3 and article.skeleton == name.skeleton:
        best = max(best, SKELETON_SIMILARITY)
    return best


def name_words(name: str) -> list[str]:
    return [w for w in words(name) if w.lower() not in PARTICLES]


class NameIndex:
    def __init__(self, entries: Iterable[WatchEntry]) -> None:
        self.entries = list(entries)
        self._variants: list[_Variant] = []
        self._postings: dict[str, list[tuple[int, int]]] = {}
        for number, entry in enumerate(self.entries):
            for name in expand_names(entry.names):
                parts = name_words(name)
                if not parts:
                    continue
                variant_id = len(self._variants)
                self._variants.append(_Variant(number, name, [(w, forms(w)) for w in parts]))
                for position, word in enumerate(parts):
                    for key in index_keys(word):
                        self._postings.setdefault(key, []).append((variant_id, position))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str, min_score: float = 0.6) -> list[NameMatch]:
        return self.find_in_words(words(text), min_score)

    def find_in_words(self, article: list[str], min_score: float = 0.6) -> list[NameMatch]:
        postings = self._postings
        hits: dict[int, set[tuple[int, int]]] = {}
        for position, word in enumerate(article):
            for key in index_keys(word):
                found = postings.get(key)
                if found:
                    for variant_id, word_no in found:
                        hits.setdefault(variant_id, set()).add((position, word_no))
        best: dict[int, NameMatch] = {}
        for variant_id, variant_hits in hits.items():
            variant = self._variants[variant_id]
            if len({word_no for _, word_no in variant_hits}) < variant.required:
                continue
            match = self._verify(variant, article, sorted(variant_hits))
            if match and match.score >= min_score:
                current = best.get(variant.entry)
                if current is None or match.score > current.score:
                    best[variant.entry] = match
        return sorted(best.values(), key=lambda m: (-m.score, m.watch_id))

    def _verify(self, variant: _Variant, article: list[str], hits: list[tuple[int, int]]) -> NameMatch | None:
        verified: list[tuple[int, int, float]] = []
        for position, word_no in hits:
            score = similarity(forms(article[position]), variant.words[word_no][1])
            if score >= WORD_THRESHOLD:
                verified.append((position, word_no, score))
        if len({word_no for _, word_no, _ in verified}) < variant.required:
            return None
        window = len(variant.words) + WINDOW_SLACK
        chosen: dict[int, tuple[int, float]] = {}
        for i, (start, _, _) in enumerate(verified):
            cluster: dict[int, tuple[int, float]] = {}
            for position, word_no, score in verified[i:]:
                if position - start >= window:
                    break
                better = word_no not in cluster or score > cluster[word_no][1]
                # one article word stands for one name word only
                if better and all(p != position for p, _ in cluster.values()):
                    cluster[word_no] = (position, score)
            if (len(cluster), _mean(cluster)) > (len(chosen), _mean(chosen)):
                chosen = cluster
        if len(chosen) < variant.required:
            return None
        positions = sorted(p for p, _ in chosen.values())
        coverage = len(chosen) / len(variant.words)
        weight = SINGLE_WORD_WEIGHT if len(variant.words) == 1 else 0.85 + 0.15 * coverage
        gaps = positions[-1] - positions[0] + 1 - len(positions)  # other words between them
        weight *= 1 - GAP_PENALTY * gaps
        return NameMatch(
            watch_id=self.entries[variant.entry].id,
            name=variant.name,
            matched=tuple(article[p] for p in positions),
            score=round(_mean(chosen) / 100.0 * weight, 3),
            first_word=positions[0],
            last_word=positions[-1],
            positions=tuple(positions),
        )


def _mean(cluster: dict[int, tuple[int, float]]) -> float:
    return sum(score for _, score in cluster.values()) / len(cluster) if cluster else 0.0
