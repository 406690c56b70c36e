"""Finding watched people in article text: an index over name keys, then fuzzy verification of
the few candidates it returns (never every name against every article).

A watched person has several names (every script, transliterations, nicknames); each is split
into words. A name counts as found when at least two of its words (one, for a one-word name) are
verified close together, in any order. So a name can only be found through one of its rarer
words: every word but the most common one is an "anchor", and only anchors are looked up for
each article. A first name shared by hundreds of watched people then costs nothing until a
surname of one of them appears too. The score says how sure the match is: the mean similarity of the matched words,
lowered when words of the name are missing, and lowered more for one-word names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from safepassage.monitor.names.script import Forms, forms, index_keys, is_abjad, is_cyrillic
from safepassage.monitor.names.variants import expand_names
from safepassage.monitor.text import words

# Words that are part of many names and identify nobody on their own.
PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "bint", "abu", "van", "von", "de", "оглы", "кызы", "бен", "ибн", "аль", "эль", "بن", "بنت", "ابن", "أبو", "ابو"})
WORD_THRESHOLD = 80.0  # per-word similarity (0..100) a candidate must reach
SKELETON_SIMILARITY = 85.0  # same consonants, different vowels: Mohammed / Muhammad
SKELETON_FLOOR = 70.0
MIN_STEM_COMPARED = 4
SHORT_STEM_SIMILARITY = 95.0
ABJAD_WEIGHT = 0.95  # Arabic script gives consonants only: a little less certain
CROSS_SCRIPT_FLOOR = 75.0
SHORT_ABJAD_SIMILARITY = 85.0  # two consonants alike across scripts (هدى / Hoda): only if equal
SINGLE_WORD_WEIGHT = 0.6  # a one-word name (a nickname alone) is weak evidence
WINDOW_SLACK = 3  # extra words allowed between the words of one name
RELEVANT_CACHE = 500_000  # words remembered per index
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
    best = _similarity(article, name)
    if article.v_form or name.v_form:  # a Latin w may also be a Russian в
        best = max(best, _similarity(article.v_form or article, name.v_form or name))
    return best


def _similarity(article: Forms, name: Forms) -> float:
    if article.abjad and name.abjad:  # both in Arabic script: compare letter for letter
        return ratio(article.folded, name.folded)
    if article.abjad or name.abjad:  # across scripts, only the consonants can be compared
        if min(len(article.skeleton), len(name.skeleton)) < 3:
            # two consonants are weak evidence: the long vowels Arabic writes must agree too
            # ("and" has the consonants of العنود)
            alike = article.skeleton == name.skeleton and ratio(article.folded, name.folded) >= CROSS_SCRIPT_FLOOR
            return SHORT_ABJAD_SIMILARITY if alike else 0.0
        return ratio(article.skeleton, name.skeleton) * ABJAD_WEIGHT
    best = ratio(article.folded, name.folded)
    if min(len(article.stemmed), len(name.stemmed)) >= MIN_STEM_COMPARED:
        best = max(best, ratio(article.stemmed, name.stemmed))
    elif article.stemmed == name.stemmed:  # short stems must be equal: Хедой is Хеда, "данным" not Диана
        best = max(best, SHORT_STEM_SIMILARITY)
    # same consonants, vowels spelled differently (Mohammed / Muhammad): only for names with
    # enough consonants, and only if the spellings are not far apart anyway ("отделении" has
    # the consonants of a surname Tudalina)
    if best >= SKELETON_FLOOR and len(name.skeleton) >= 4 and article.skeleton == name.skeleton:
        best = max(best, SKELETON_SIMILARITY)
    return best


def name_words(name: str) -> list[str]:
    return [w for w in words(name) if w.lower() not in PARTICLES]


class NameIndex:
    def __init__(self, entries: Iterable[WatchEntry]) -> None:
        self.entries = list(entries)
        self._variants: list[_Variant] = []
        usage: dict[str, int] = {}  # how many name words share a key: the commoner, the worse an anchor
        for number, entry in enumerate(self.entries):
            for name in expand_names(entry.names):
                parts = name_words(name)
                if not parts:
                    continue
                variant = _Variant(number, name, [(w, forms(w)) for w in parts])
                self._variants.append(variant)
                for word in parts:
                    for key in index_keys(word):
                        usage[key] = usage.get(key, 0) + 1
        self._name_keys = frozenset(usage)
        # article word -> those of its keys that any watched name has (most words: none)
        self._relevant: dict[str, tuple[str, ...]] = {}
        self._anchors: dict[str, list[int]] = {}
        self._keys: list[list[tuple[str, ...]]] = []  # per variant, per word: its keys
        self._key_sets: list[tuple[frozenset[str], ...]] = []
        for variant_id, variant in enumerate(self._variants):
            keys = [index_keys(word) for word, _ in variant.words]
            self._keys.append(keys)
            self._key_sets.append(tuple(frozenset(k) for k in keys))
            commonness = [sum(usage[k] for k in word_keys) or 0 for word_keys in keys]
            anchors = range(len(keys)) if len(keys) == 1 else sorted(range(len(keys)), key=lambda i: commonness[i])[: len(keys) - 1]
            for word_no in anchors:
                for key in keys[word_no]:
                    self._anchors.setdefault(key, []).append(variant_id)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str, min_score: float = 0.6) -> list[NameMatch]:
        return self.find_in_words(words(text), min_score)

    def find_in_words(self, article: list[str], min_score: float = 0.6) -> list[NameMatch]:
        where: dict[str, list[int]] = {}  # key -> positions in the article
        relevant = self._relevant
        for position, word in enumerate(article):
            keys = relevant.get(word)
            if keys is None:
                keys = relevant[word] = tuple(k for k in index_keys(word) if k in self._name_keys)
                if len(relevant) > RELEVANT_CACHE:
                    relevant.clear()
            for key in keys:
                where.setdefault(key, []).append(position)
        anchors = self._anchors
        candidates = {v for key in where if key in anchors for v in anchors[key]}
        best: dict[int, NameMatch] = {}
        present = where.keys()
        for variant_id in candidates:
            variant = self._variants[variant_id]
            # cheap first: are enough of the name's words in the article at all? (set operations)
            if variant.required > 1:
                in_article = [not present.isdisjoint(keys) for keys in self._key_sets[variant_id]]
                if sum(in_article) < variant.required:
                    continue
            variant_hits = {
                (position, word_no)
                for word_no, word_keys in enumerate(self._keys[variant_id])
                for key in word_keys
                for position in where.get(key, ())
            }
            if len({word_no for _, word_no in variant_hits}) < variant.required:
                continue
            match = self._verify(variant, article, sorted(variant_hits))
            if match and match.score >= min_score:
                current = best.get(variant.entry)
                if current is None or match.score > current.score:
                    best[variant.entry] = match
        return sorted(best.values(), key=lambda m: (-m.score, m.watch_id))

    def _verify(self, variant: _Variant, article: list[str], hits: list[tuple[int, int]]) -> NameMatch | None:
        window = len(variant.words) + WINDOW_SLACK
        verified: list[tuple[int, int, float]] = []
        for position, word_no in _close(hits, window, variant.required):
            score = similarity(forms(article[position]), variant.words[word_no][1])
            if score >= WORD_THRESHOLD:
                verified.append((position, word_no, score))
        if len({word_no for _, word_no, _ in verified}) < variant.required:
            return None
        chosen: dict[int, tuple[int, float]] = {}
        for i, (start, _, _) in enumerate(verified):
            cluster: dict[int, tuple[int, float]] = {}
            script = _script(article[start])
            for position, word_no, score in verified[i:]:
                if position - start >= window:
                    break
                if _script(article[position]) != script:
                    continue  # one mention of a name is written in one script
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


def _script(word: str) -> str:
    return "A" if is_abjad(word) else "C" if is_cyrillic(word) else "L"


def _close(hits: list[tuple[int, int]], window: int, required: int) -> list[tuple[int, int]]:
    """The hits (sorted by position) that lie in some window of `window` words holding at least
    `required` different words of the name: positions alone, before any string comparison."""
    if required == 1:
        return hits
    keep: set[int] = set()
    for i, (start, _) in enumerate(hits):
        j = i
        while j < len(hits) and hits[j][0] - start < window:
            j += 1
        if len({word_no for _, word_no in hits[i:j]}) >= required:
            keep.update(range(i, j))
    return [hits[i] for i in sorted(keep)]


def _mean(cluster: dict[int, tuple[int, float]]) -> float:
    return sum(score for _, score in cluster.values()) / len(cluster) if cluster else 0.0
