"""Every factor's words, in English and Russian: complete catalogues, every message of every
reference case said in both languages, Russian plural forms, and the read-aloud rules."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from fluent.runtime import FluentResource
from fluent.syntax import ast

from safepassage.assess import assess_world
from safepassage.assess.engine import Assessment
from safepassage.assess.message import (
    Count,
    Countries,
    Country,
    Message,
    When,
    message,
    sentences,
)
from safepassage.assess.registry import catalogue_of, load_factors
from safepassage.kb import KnowledgeBase
from safepassage.kb.dates import PartialDate
from safepassage.profile import Profile
from safepassage.profile.reader import profile_from_data
from safepassage.report.explain import SaidAssessment
from safepassage.report.messages import Wording, WordingError, message_ids
from safepassage.report.model import Report

from .conftest import CASES

MESSAGES = Path(__file__).parents[1] / "src" / "safepassage" / "report" / "messages"
# Besides each case's own host, hosts whose names test the Russian cases and prepositions:
# plural names, indeclinable ones, islands that take «на», a pursuing state, big neighbours.
ALSO = ("US", "AE", "NL", "CU", "PH", "KP", "GB", "DE", "FR", "TR", "CN", "SA", "GE", "UA",
        "BY", "KG", "CD", "CI", "LC", "MV", "VA", "ZA", "RU", "KZ")
FACTOR_IDS = {f.name for f in load_factors()}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Names of sources the Russian sentences cite in their own (Latin) spelling.
PROPER_NAMES = ("Freedom House", "Freedom in the World", "Passport Index")


def ids_in(text: str) -> set[str]:
    return {e.id.name for e in FluentResource(text).body if isinstance(e, ast.Message | ast.Term)}


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


_RUNS: dict[Path, tuple[Profile, dt.date, list[Assessment]]] = {}


def case_run(path: Path, kb: KnowledgeBase) -> tuple[Profile, dt.date, list[Assessment]]:
    if path in _RUNS:
        return _RUNS[path]
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    profile = profile_from_data(case["profile"])
    day = dt.date.fromisoformat(str(case["as_of"]))
    countries = sorted({case["country"], *ALSO})
    _RUNS[path] = (profile, day, assess_world(profile, kb.view(day), countries))
    return _RUNS[path]


def said(kb: KnowledgeBase, path: Path, language: str) -> list[SaidAssessment]:
    profile, day, assessments = case_run(path, kb)
    return Report(profile, day, kb, assessments, language=language).said()


def sentences_of(a: SaidAssessment) -> list[str]:
    return [f.text for f in a.findings] + [m.text for m in a.missing] + a.caveats


class TestCatalogues:
    def test_every_factor_ships_both_languages_with_the_same_ids(self) -> None:
        for factor in load_factors():
            en, ru = (catalogue_of(factor.name, lang).read_text(encoding="utf-8") for lang in ("en", "ru"))
            assert ids_in(en) == ids_in(ru), factor.name
            assert factor.name in ids_in(en), f"{factor.name} has no label"

    def test_the_common_catalogues_have_the_same_ids(self) -> None:
        en, ru = ((MESSAGES / f"{lang}.ftl").read_text(encoding="utf-8") for lang in ("en", "ru"))
        assert ids_in(en) == ids_in(ru)

    def test_every_instrument_has_a_name_in_both_languages(self, kb: KnowledgeBase) -> None:
        for language in ("en", "ru"):
            assert {f"instrument-{i}" for i in kb.instruments} <= message_ids(language)

    def test_every_community_in_the_facts_has_a_name_in_both_languages(self, kb: KnowledgeBase) -> None:
        communities = {f.community for f in kb.facts if f.community}
        for language in ("en", "ru"):
            assert {f"community-{c}" for c in communities} <= message_ids(language)

    def test_an_unknown_message_is_an_error_not_english(self) -> None:
        with pytest.raises(WordingError, match="no ru words for message 'land_border-nonsense'"):
            Wording("ru").say(message("land_border-nonsense"))

    def test_a_message_without_its_values_is_an_error(self) -> None:
        with pytest.raises(WordingError, match="land_border-none"):
            Wording("en").say(message("land_border-none", here=Country("KZ")))

    def test_a_message_round_trips_through_json(self) -> None:
        said = sentences(
            [
                message("land_border-none", here=Country("KZ"), there=Countries(("RU", "BY"))),
                message("community_presence-missing", when=When(PartialDate.parse("2019-03"))),
            ]
        )
        assert Message.from_json(said.to_json()) == said


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_every_message_of_every_case_is_said_in_both_languages(kb: KnowledgeBase, path: Path) -> None:
    """No missing value or id (a WordingError would raise), no English word in the Russian
    sentences beyond what the knowledge base's own Russian text says (proper names such as
    "Telegram" are written in Latin there), no factor id and no risk figure in either."""
    curated = [f.summary_ru for f in kb.facts if f.summary_ru]
    for english, russian in zip(said(kb, path, "en"), said(kb, path, "ru"), strict=True):
        assert len(sentences_of(english)) == len(sentences_of(russian))
        for text in sentences_of(russian):
            engine_words = text
            for quoted in (*curated, *PROPER_NAMES):
                engine_words = engine_words.replace(quoted, "")
            assert not LATIN_WORD.findall(engine_words), (russian.country, text)
        for text in sentences_of(english) + sentences_of(russian):
            assert not FACTOR_IDS & set(re.findall(r"[a-z_]+", text)), text
            assert not re.search(r"\b\d+\.\d+\b", text), text  # no risk or score figure
            assert not re.search(r"\b\d{4}-\d{2}\b", text), text  # dates as people say them


def test_the_decisive_fact_comes_first(kb: KnowledgeBase) -> None:
    """The founding case: her own detention, not a 2004 diaspora figure, is what is said first."""
    path = CASES / "elza-soltaeva-kz-2025.yaml"
    for language, detained in (("en", "detained"), ("ru", "задержала")):
        [kz] = [a for a in said(kb, path, language) if a.country == "KZ"]
        assert kz.findings[0].factor == "police_conduct"
        assert detained in kz.headline.split(".")[0]
        assert kz.findings[0].floor  # and it keeps the rating up


class TestRussianPlurals:
    @pytest.mark.parametrize(
        ("n", "word"),
        [(1, "задокументированный случай"), (2, "задокументированных случая"),
         (5, "задокументированных случаев"), (21, "задокументированный случай"),
         (22, "задокументированных случая"), (11, "задокументированных случаев")],
    )
    def test_refusals(self, n: int, word: str) -> None:
        said = Wording("ru").say(message("removal_record-refusals", count=Count(n), here=Country("KZ")))
        assert f"{n}\u00a0{word}" in said or f"{n} {word}" in said

    @pytest.mark.parametrize(
        ("n", "word"), [(1, "общее соглашение"), (2, "общих соглашения"), (5, "общих соглашений"), (21, "общее соглашение")]
    )
    def test_shared_agreements(self, n: int, word: str) -> None:
        said = Wording("ru").say(
            message("wanted_exposure-channels", here=Country("KZ"), there=Country("RU"), channels=Count(n))
        )
        assert f"{n} {word}" in said
        assert said.startswith("У Казахстана и России")

    @pytest.mark.parametrize("n", [1, 2, 5, 21])
    def test_of_so_many_cases(self, n: int) -> None:
        said = Wording("ru").say(
            message("police_conduct-incidents", incidents=_no_facts(), count=Count(n), here=Country("KZ"),
                    states=Countries(("RU",)))
        )
        if n == 1:
            assert "единственный задокументированный случай в Казахстане с людьми из России" in said
        else:
            expected = "задокументированного случая" if n % 10 == 1 else "задокументированных случаев"
            assert f"из {n} {expected}" in said

    @pytest.mark.parametrize(("n", "word"), [(1, "год"), (2, "года"), (5, "лет"), (21, "год")])
    def test_years(self, n: int, word: str) -> None:
        from safepassage.assess.message import Choice

        said = Wording("ru").say(message("transnational_reach-standing", act=Choice("killing"), years=Count(n)))
        assert f"последние {n} {word} " in said

    def test_english_has_one_and_other(self) -> None:
        one = Wording("en").say(message("removal_record-refusals", count=Count(1), here=Country("KZ")))
        two = Wording("en").say(message("removal_record-refusals", count=Count(2), here=Country("KZ")))
        assert "1 documented case." in one and "2 documented cases." in two


def _no_facts() -> object:
    from safepassage.assess.message import Facts

    return Facts(())


class TestNamesAndDates:
    def test_russian_country_names_decline_and_take_their_preposition(self) -> None:
        said = Wording("ru").say(message("land_border-none", here=Country("CU"), there=Countries(("RU", "BY"))))
        assert said == "У Кубы нет сухопутной границы с Россией и Беларусью."
        assert Wording("ru").say(message("free_entry-visa", here=Country("PH"), there=Country("US"))) == (
            "Гражданам США для въезда на Филиппины нужна виза."
        )
        assert Wording("ru").say(message("wanted_exposure-interpol", here=Country("FR"))).endswith(
            "к аресту во Франции."
        )

    @pytest.mark.parametrize(
        ("date", "en", "ru"),
        [
            ("2025-02-05", "on 5 February 2025", "5 февраля 2025 года"),
            ("2010-08", "in August 2010", "в августе 2010 года"),
            ("2004", "in 2004", "в 2004 году"),
        ],
    )
    def test_dates_are_said_as_people_say_them(self, date: str, en: str, ru: str) -> None:
        day = PartialDate.parse(date)
        assert Wording("en").date(day, "date-in") == en
        assert Wording("ru").date(day, "date-in") == ru

    def test_one_rating_word_per_band(self) -> None:
        words = {lang: [Wording(lang).rating(r) for r in ("unsafe", "elevated", "moderate", "lower", "unknown")]
                 for lang in ("en", "ru")}
        assert words["ru"] == ["опасно", "повышенный риск", "умеренный риск", "пониженный риск", "недостаточно данных"]
        for lang, said in words.items():
            assert len(set(said)) == 5, lang
            assert not any(w == "safe" or w == "безопасно" for w in said)


def test_a_fact_without_russian_text_is_said_from_its_values(kb: KnowledgeBase) -> None:
    """An incident with no summary_ru inside a Russian sentence: when, where, what happened."""
    incident = next(
        f for f in kb.facts if f.kind == "incident" and not f.summary_ru and f.value.date.is_exact  # type: ignore[attr-defined]
    )
    from safepassage.assess.message import Facts

    text = Wording("ru", kb).say(message("police_conduct-practices", practices=Facts((incident.id,))))
    assert text.startswith("Случай ")
    assert Wording("ru", kb).date(incident.value.date, "date-in") in text  # type: ignore[attr-defined]
    assert not LATIN_WORD.search(text)
    listed = Wording("ru", kb).fact_text(incident.id)
    assert listed.language == "en" and listed.text == incident.summary  # a list shows it, marked


class TestOneSentenceEverywhere:
    """The command line, the JSON a snapshot keeps, the web page's renderer and the dossier say
    a finding with the same words (the web page's part is in tests/casework/test_i18n.py)."""

    DAY = dt.date(2025, 2, 7)
    EXAMPLE = Path(__file__).parents[1] / "examples" / "founding-case.yaml"

    def report(self, kb: KnowledgeBase, language: str) -> Report:
        from safepassage.profile import read_profile

        profile = read_profile(self.EXAMPLE)
        return Report(profile, self.DAY, kb, assess_world(profile, kb.view(self.DAY), ["KZ"]), language=language)

    def test_the_json_summary_is_the_english_sentence(self, kb: KnowledgeBase) -> None:
        report = self.report(kb, "en")
        data = report.to_dict()["assessments"][0]
        assert [f["summary"] for f in data["findings"]] == [f.text for f in report.said()[0].findings]
        assert data["caveats"] == report.said()[0].caveats

    def test_the_command_line_says_what_the_report_says(self, kb: KnowledgeBase) -> None:
        import subprocess
        import sys

        from safepassage.report.markdown_format import escape

        result = subprocess.run(
            [sys.executable, "-m", "safepassage", "assess", str(self.EXAMPLE), "--country", "KZ",
             "--as-of", self.DAY.isoformat(), "--format", "markdown", "--language", "ru"],
            capture_output=True, text=True, timeout=120, check=True,
        )
        for finding in self.report(kb, "ru").said()[0].findings:
            assert escape(finding.text) in result.stdout

    def test_the_dossier_says_what_the_report_says(self, kb: KnowledgeBase) -> None:
        from safepassage.profile import read_profile
        from safepassage.report.dossier import CaseFile, DossierRequest, build_document

        request = DossierRequest(kind="lawyer", country="KZ", as_of=self.DAY, language="ru")  # type: ignore[call-arg]
        document = build_document(kb, request, CaseFile(profile=read_profile(self.EXAMPLE)), dt.date(2026, 12, 4))
        said = [
            item["text"]
            for section in document.to_data()["sections"]
            for block in section["blocks"]
            if block["type"] == "findings"
            for item in block["items"]
        ]
        assert said[: len(self.report(kb, "ru").said()[0].findings)] == [
            f.text for f in self.report(kb, "ru").said()[0].findings
        ]
