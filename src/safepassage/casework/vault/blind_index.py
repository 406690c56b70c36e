"""Keyed blind index for name search: find a case by a name without storing the name in clear.

Each word of a name is normalised (Latin transliteration, case-folded) and stored only as an
HMAC under a key derived per organisation, so equal names in two organisations do not match and
the database alone reveals nothing but which rows share a word.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from anyascii import anyascii

from safepassage.casework.vault.keys import derive_key

_WORD = re.compile(r"[a-z0-9]+")


def name_words(text: str) -> set[str]:
    """'Эльза Солтаева' and 'Elza Soltaeva' give the same words."""
    # anyascii marks the soft sign with an apostrophe ("El'za"); drop it so the word stays whole
    latin = anyascii(text).replace("'", "").casefold()
    return {word for word in _WORD.findall(latin) if len(word) >= 2}


def blind_tokens(organisation_id: str, text: str) -> set[str]:
    key = derive_key("blind-index", organisation_id)
    return {
        hmac.new(key, word.encode(), hashlib.sha256).hexdigest()[:32] for word in name_words(text)
    }


def location_token(organisation_id: str, country: str) -> str:
    """The country where a person is now, for the case list's filter: a key of its own, so a
    location token never equals a name word's."""
    key = derive_key("blind-index-location", organisation_id)
    return hmac.new(key, country.upper().encode(), hashlib.sha256).hexdigest()[:32]
