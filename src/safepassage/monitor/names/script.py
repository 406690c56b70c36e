"""How one word of a name is reduced so that its spellings in Cyrillic, Latin and Arabic meet.

Three forms of every word, from the most to the least exact:

- `fold`: Latin letters with the usual transliteration differences flattened (ye/e, kh/h,
  y/i, doubled letters...): "Солтаева", "Soltayeva" and "Soltaeva" all give "soltaeva".
- `stem`: the fold without a Russian case ending ("Солтаевой", "Soltaevoy" give "soltaev").
- `skeleton`: consonants only, so that Arabic (written without short vowels) meets Latin:
  "سلطاييفا" and "Soltaeva" both give "sltf".

Index keys are skeletons (typo- and script-tolerant, cheap); verification compares folds and
stems with rapidfuzz, or skeletons where one side is written in an abjad.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

# Arabic letters straight to the folded Latin alphabet, our own table (anyascii marks ain and
# hamza with punctuation and spells ta marbuta "h"). No digraphs are built from Arabic, so
# د followed by ه stays "dh" and is not read as ذ; letters without a Latin consonant become
# vowels (dropped by the skeleton) or nothing.
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "a", "آ": "a", "ٱ": "a", "ى": "a", "ة": "a", "ء": "", "ع": "",
    "ئ": "i", "ؤ": "u", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "h", "د": "d",
    "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u",
    "ي": "i", "پ": "p", "چ": "ch", "ژ": "j", "گ": "g", "ک": "k", "ی": "i", "ڤ": "v",
}  # fmt: skip
# harakat, superscript alif, tatweel, zero-width joiners
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d]")

# Russian noun and adjective case endings, longest first. Stripped only when at least three
# letters remain, so short names keep their shape.
_CYRILLIC_ENDINGS = (
    "ыми", "ими", "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ый", "ий", "ым", "им",
    "ом", "ем", "ых", "их", "ах", "ях", "ам", "ям", "ую", "юю", "ая", "яя", "ою", "ею",
    "у", "ю", "а", "я", "е", "ы", "и", "о", "ь",
)  # fmt: skip
# The same endings as they look after transliteration and folding (y -> i, yu -> iu ...).
_LATIN_ENDINGS = (
    "oiu", "eiu", "imi", "ami", "ogo", "ego", "omu", "emu", "aia", "oi", "ei", "ii", "im",
    "om", "em", "ih", "ah", "am", "iu", "ia", "u", "a", "e", "i", "o",
)  # fmt: skip
_MIN_STEM = 3

# Order matters: longer spellings first, and "zh"/"dzh" are parked on "J" before j -> i;
# th/dh/ph/gh come before kh, or Russian дх (dkh) would lose its h.
_FOLD_STEPS = (
    ("shch", "sh"), ("sch", "sh"), ("dzh", "J"), ("dj", "J"), ("zh", "J"), ("th", "t"),
    ("dh", "d"), ("ph", "f"), ("gh", "g"), ("kh", "h"), ("ck", "k"), ("q", "k"),
    ("tch", "ch"), ("ts", "z"), ("tz", "z"), ("x", "ks"), ("j", "i"), ("y", "i"),
    ("w", "u"),  # Marwan, Dahlawi: a glide, as Arabic writes it, rarely a Russian "v"
    ("ie", "e"), ("J", "j"),
)  # fmt: skip
_LONE_C = re.compile(r"c(?!h)")
_DOUBLE = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-zJ]")
_VOWELS = str.maketrans("", "", "aeiou")
_SKELETON_STEPS = (("ch", "s"), ("sh", "s"), ("v", "f"), ("p", "b"))


_CYRILLIC = re.compile("[\u0400-\u052f]")
_ABJAD = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]")


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def is_abjad(word: str) -> bool:
    """Arabic-script words (Arabic, Persian, Urdu letters) carry no short vowels."""
    return _ABJAD.search(word) is not None


def strip_marks(text: str) -> str:
    return _ARABIC_MARKS.sub("", text)


def to_latin(word: str) -> str:
    if is_abjad(word):
        word = strip_marks(word)
        if word.startswith("ال") and len(word) > 4:  # the article al- is not part of the name
            word = word[2:]
        return "".join(_ARABIC.get(ch, "") for ch in word)
    return anyascii(unicodedata.normalize("NFC", word))


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    if is_abjad(word):  # already in the folded alphabet; ت+س is the Russian ц, as in Latin
        return _DOUBLE.sub(r"\1", to_latin(word).replace("ts", "z"))
    latin = _NOT_LETTER.sub("", _LONE_C.sub("k", to_latin(word).lower()))
    for old, new in _FOLD_STEPS:
        latin = latin.replace(old, new)
    return _DOUBLE.sub(r"\1", latin)


def _strip(word: str, endings: tuple[str, ...], shortest: int = _MIN_STEM) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The fold without a case ending; Arabic-script words are left whole."""
    if is_abjad(word):
        return fold(word)
    if is_cyrillic(word):
        return fold(_strip(word.lower(), _CYRILLIC_ENDINGS))
    return _strip(fold(word), _LATIN_ENDINGS)


@lru_cache(maxsize=200_000)
def short_stem(word: str) -> str:
    """Like place_key, but a Cyrillic word may keep only two letters: for short place names
    declined in the text ("в Оше" is in Osh)."""
    if is_cyrillic(word):
        return "C" + fold(_strip(word.lower(), _CYRILLIC_ENDINGS, shortest=2))
    return place_key(word)


@lru_cache(maxsize=200_000)
def place_key(word: str) -> str:
    """Places are compared within one script (the gazetteer has each city's name in each
    script, and across scripts short names collide with ordinary words): by stem in Cyrillic
    (Russian declines them: "в Астане"), by fold elsewhere (English does not, and stemming
    Latin words would make "Adam" the town Adama)."""
    if is_cyrillic(word):
        return "C" + stem(word)
    return ("A" if is_abjad(word) else "L") + fold(word)


def skeleton(folded: str) -> str:
    for old, new in _SKELETON_STEPS:
        folded = folded.replace(old, new)
    return _DOUBLE.sub(r"\1", folded.translate(_VOWELS))


def _v_spelling(word: str) -> str | None:
    """Latin w is folded as a glide (Dahlawi, Marwan: و in Arabic), but it also stands for
    Russian в (Dahlawi / Дахлави): such words are also filed and compared with w read as v."""
    if is_abjad(word) or is_cyrillic(word) or "w" not in word.lower():
        return None
    return word.replace("w", "v").replace("W", "V")


def _keys(word: str) -> set[str]:
    return {key for key in (skeleton(fold(word)), skeleton(stem(word))) if len(key) >= 2}


@lru_cache(maxsize=200_000)
def index_keys(word: str) -> tuple[str, ...]:
    """Keys under which a word is filed and looked up: the skeletons of its fold and its stem,
    or, for words with fewer than two consonants, the exact fold (marked with '=')."""
    keys = _keys(word)
    v_spelling = _v_spelling(word)
    if v_spelling:
        keys |= _keys(v_spelling)
    if keys:
        return tuple(sorted(keys))
    folded = fold(word)
    return (f"={folded}",) if len(folded) >= 2 else ()


@dataclass(frozen=True)
class Forms:
    folded: str
    stemmed: str
    skeleton: str
    abjad: bool
    v_form: Forms | None = None  # the same word with w read as v, for Latin words with a w


@lru_cache(maxsize=200_000)
def forms(word: str) -> Forms:
    folded = fold(word)
    v_spelling = _v_spelling(word)
    v_form = forms(v_spelling) if v_spelling else None
    return Forms(folded, stem(word), skeleton(folded), is_abjad(word), v_form)
