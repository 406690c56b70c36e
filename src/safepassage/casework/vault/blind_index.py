"""Keyed blind index for name search: find a case by a name without storing the name in clear.

Each word of a name is normalised (Latin transliteration, case-folded) and stored only as an
HMAC under a key derived from that case's own data key. So the index of one case says nothing
about another (equal words in two cases give different tokens), and once a case is erased its
key is gone and nobody, not even someone holding master.key and a dictionary of names, can
recompute or test its tokens, in the live database, its WAL or any earlier backup.

The price: a search computes each visible case's tokens for the searched words (one key-file
read and an HMAC per word and case) instead of one lookup; bench/search.py measures it.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from anyascii import anyascii

from safepassage.casework.vault.keys import subkey

_WORD = re.compile(r"[a-z0-9]+")


def name_words(text: str) -> set[str]:
    """'Эльза Солтаева' and 'Elza Soltaeva' give the same words."""
    # anyascii marks the soft sign with an apostrophe ("El'za"); drop it so the word stays whole
    latin = anyascii(text).replace("'", "").casefold()
    return {word for word in _WORD.findall(latin) if len(word) >= 2}


def blind_tokens(case_key: bytes, text: str) -> set[str]:
    key = subkey(case_key, "name-index")
    return {hmac.new(key, word.encode(), hashlib.sha256).hexdigest()[:32] for word in name_words(text)}


def location_token(case_key: bytes, country: str) -> str:
    """The country where the person is now, for the case list's filter: under a subkey of its
    own, so a location token never equals a name word's."""
    key = subkey(case_key, "location-index")
    return hmac.new(key, country.upper().encode(), hashlib.sha256).hexdigest()[:32]
