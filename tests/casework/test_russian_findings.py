"""The assessment page in Russian says every finding, caveat and gap in Russian: the finding-text
part of the Russian page walk (the interface strings have their own). Text a page may leave in
its own language is only what the knowledge base's Russian text writes in Latin (proper names)
and what a source calls itself: publishers and titles, marked translate="no" or <cite>."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from safepassage.casework.assessments.service import knowledge_base
from safepassage.report.messages import Wording

from .conftest import World, verified_client

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Sources the Russian sentences cite by their own Latin names.
PROPER_NAMES = ("Freedom House", "Freedom in the World", "Passport Index")


class ReasonText(HTMLParser):
    """The text of every finding, caveat and gap on the page, less what sources call themselves,
    with the language each piece says it is in."""

    REASONS = ("finding", "caveat", "missing")

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool, bool, str | None]] = []  # tag, in a reason, skipped, lang
        self.pieces: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        inside, skipped, lang = self.stack[-1][1:] if self.stack else (False, False, None)
        inside = inside or any(c in self.REASONS for c in classes)
        skipped = skipped or found.get("translate") == "no" or tag == "cite"
        self.stack.append((tag, inside, skipped, found.get("lang") or lang))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1] and not self.stack[-1][2] and data.strip():
            self.pieces.append((data.strip(), self.stack[-1][3]))


def reasons_on(page: str) -> list[tuple[str, str | None]]:
    parser = ReasonText()
    parser.feed(page)
    return parser.pieces


def english_words(text: str) -> list[str]:
    kb = knowledge_base()
    for quoted in (*(f.summary_ru for f in kb.facts if f.summary_ru), *PROPER_NAMES):
        text = text.replace(quoted, "")
    return LATIN_WORD.findall(text)


def test_the_russian_assessment_page_says_every_reason_in_russian(world: World) -> None:
    client = verified_client(world.caseworker)
    client.post("/language/", {"language": "ru", "back": "/cases/"})
    page = client.post(
        f"/cases/{world.case.pk}/assess/", {"country": "KZ", "as_of": "2025-02-07"}, follow=True
    ).content.decode()
    pieces = reasons_on(page)
    assert len(pieces) > 10  # the page has its reasons
    untranslated = [(text, words) for text, _ in pieces if (words := english_words(text))]
    assert untranslated == []
    assert all(lang == "ru" for _, lang in pieces if lang)  # nothing marked as another language
    # the first reason is the decisive one, and it is the command line's sentence
    kazakh = Wording("ru", knowledge_base())
    assert "5 февраля 2025 года" in page and kazakh.factor_label("police_conduct") in page


def test_the_walk_finds_english_where_there_is_some(world: World) -> None:
    """The check fails when a reason is English (so the test above can fail)."""
    english = '<ul><li class="finding"><strong>Label</strong> <span lang="ru">Kazakhstan borders Russia.</span>'
    english += '<ul class="sources" translate="no"><li>The Moscow Times</li></ul></li></ul>'
    pieces = reasons_on(english)
    assert [words for text, _ in pieces if (words := english_words(text))] == [
        ["Label"], ["Kazakhstan", "borders", "Russia"]
    ]
