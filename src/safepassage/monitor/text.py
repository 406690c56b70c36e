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


def spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of each word of `words(text)`, in the text as given (marks stripped
    first, so offsets are of the stripped text; used for excerpts only)."""
    return [m.span() for m in WORD.finditer(strip_marks(text))]


def excerpt(text: str, first_word: int, last_word: int, context: int = 160) -> str:
    """The passage around words first_word..last_word, on one line."""
    clean = strip_marks(text)
    offsets = [m.span() for m in WORD.finditer(clean)]
    if not offsets:
        return ""
    start = offsets[max(0, min(first_word, len(offsets) - 1))][0]
    end = offsets[max(0, min(last_word, len(offsets) - 1))][1]
    left, right = max(0, start - context), min(len(clean), end + context)
    passage = " ".join(clean[left:right].split())
    return ("…" if left else "") + passage + ("…" if right < len(clean) else "")
