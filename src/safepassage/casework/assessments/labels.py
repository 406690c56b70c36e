"""The engine's factor labels and rating words for the web pages, in the reader's language.

They are the report layer's (safepassage.report.messages: each factor's catalogue names it, the
common catalogue has one word per rating band), so a page, the command line and a dossier say
them the same way; these mappings only pick the language of the request being served.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from django.utils import translation

from safepassage.assess.factor import RATING_ORDER
from safepassage.assess.registry import load_factors
from safepassage.report.messages import LANGUAGES, Wording


def wording() -> Wording:
    """Words in the language of the request being served (English when it has none)."""
    language = (translation.get_language() or "en").split("-")[0]
    return Wording(language if language in LANGUAGES else "en")


class _Labels(Mapping[str, str]):
    """code -> label, worded when read, so one module-level mapping serves every language."""

    def __init__(self, codes: tuple[str, ...], say: str) -> None:
        self._codes = codes
        self._say = say

    def __getitem__(self, code: str) -> str:
        if code not in self._codes:
            raise KeyError(code)
        return str(getattr(wording(), self._say)(code))

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


FACTOR_LABELS: Mapping[str, str] = _Labels(tuple(f.name for f in load_factors()), "factor_label")
RATING_LABELS: Mapping[str, str] = _Labels(
    (*reversed(RATING_ORDER), "unknown"), "rating"
)
CONFIDENCE_LABELS: Mapping[str, str] = _Labels(("high", "medium", "low"), "confidence")
