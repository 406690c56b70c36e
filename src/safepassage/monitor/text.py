"""Splitting article text into words, the same way for names, places and incident terms."""

from __future__ import annotations

import re

from safepassage.monitor.names.script import strip_marks

# Letters only (any script), with inner apostrophes kept (O'Brien, Pod'yachev); digits and
# punctuation separate words. Arabic diacritics are removed first: they are combining marks,
# which would otherwise split a word in two.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    return WORD.findall(strip_marks(text))


def excerpt(text: str, first_word: int, last_word: int, context: int = 160, offsets: list[tuple[int, int]] | None = None) -> str:
    """The passage around words first_word..last_word, on one line. `offsets` are the words'
    spans in the text with Arabic marks removed (computed here unless the caller has them)."""
    clean = strip_marks(text)
    if offsets is None:
        offsets = word_offsets(clean)
    if not offsets:
        return ""
    start = offsets[max(0, min(first_word, len(offsets) - 1))][0]
    end = offsets[max(0, min(last_word, len(offsets) - 1))][1]
    left, right = max(0, start - context), min(len(clean), end + context)
    passage = " ".join(clean[left:right].split())
    return ("…" if left else "") + passage + ("…" if right < len(clean) else "")


def word_offsets(clean: str, found: list[str] | None = None) -> list[tuple[int, int]]:
    """Where each word of `words(clean)` starts and ends; with the words already found, by
    plain string search (much cheaper than running the regular expression again)."""
    if found is None:
        return [m.span() for m in WORD.finditer(clean)]
    offsets: list[tuple[int, int]] = []
    position = 0
    for word in found:
        start = clean.find(word, position)
        position = start + len(word)
        offsets.append((start, position))
    return offsets
