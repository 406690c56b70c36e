"""Cross-script name matching: Cyrillic names found in Latin-script articles and the reverse,
Arabic and Latin both ways, Russian case endings, passport spellings, nicknames, word order.
Every private name here is invented."""

from __future__ import annotations

import pytest

from safepassage.monitor.names.index import NameIndex, WatchEntry
from safepassage.monitor.names.script import fold, index_keys, stem
from safepassage.monitor.names.variants import expand_names, transliterations


def found(names: tuple[str, ...], text: str) -> list[tuple[str, ...]]:
    index = NameIndex([WatchEntry("w", names)])
    return [m.matched for m in index.find(text)]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Police in Almaty detained Aminat Doskhoeva on Tuesday.", ("Aminat", "Doskhoeva")),  # ICAO / GOST
        ("Aminat Doskhoyeva was released.", ("Aminat", "Doskhoyeva")),  # BGN/PCGN "ye"
        ("Doskhoeva, Aminat: hearing postponed.", ("Doskhoeva", "Aminat")),  # word order
        ("AMINAT DOSKHOEVA SPEAKS", ("AMINAT", "DOSKHOEVA")),
    ],
)
def test_a_name_written_in_cyrillic_is_found_in_latin_articles(text: str, words: tuple[str, ...]) -> None:
    assert found(("Аминат Досхоева",), text) == [words]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Полиция задержала Аминат Досхоеву в Алматы.", ("Аминат", "Досхоеву")),  # accusative
        ("Адвокат Аминат Досхоевой заявила...", ("Аминат", "Досхоевой")),  # genitive
        ("С Аминат Досхоевой связались волонтёры.", ("Аминат", "Досхоевой")),  # instrumental
        ("Досхоева Аминат подала жалобу.", ("Досхоева", "Аминат")),
    ],
)
def test_a_name_written_in_latin_is_found_in_cyrillic_articles_with_case_endings(text: str, words: tuple[str, ...]) -> None:
    assert found(("Aminat Doskhoeva",), text) == [words]


def test_arabic_and_latin_find_each_other() -> None:
    assert found(("Maysa Al-Dahlawi",), "أوقفت السلطات مايسة الدهلوي في المطار") == [("مايسة", "الدهلوي")]
    assert found(("مايسة الدهلوي",), "Maysa al-Dahlawi spoke to reporters.") == [("Maysa", "Dahlawi")]
    assert found(("Ruslan Matsiev",), "ويخشى رسلان ماتسييف الترحيل") == [("رسلان", "ماتسييف")]


def test_a_latin_w_is_a_glide_for_arabic_and_a_v_for_cyrillic() -> None:
    assert found(("Maysa Al-Dahlawi",), "Майса ад-Дахлави попросила защиты.") == [("Майса", "Дахлави")]
    assert found(("Maysa Al-Dahlawi",), "مايسة الدهلوي") == [("مايسة", "الدهلوي")]


def test_vowel_variants_of_arabic_names_in_latin_meet() -> None:
    assert found(("Mohammed Al-Harbi",), "Muhammad al-Harbi was seen in Riyadh.") == [("Muhammad", "Harbi")]


def test_spelling_variants_and_a_typo_are_tolerated() -> None:
    assert found(("Солтаева Зарина",), "Zarina Saltaeva") == [("Zarina", "Saltaeva")]
    assert found(("Malika Eskerkhanova",), "Malika Eskerhanova did not attend") == [("Malika", "Eskerhanova")]


def test_a_nickname_from_the_nickname_list_is_found() -> None:
    assert found(("Юлия Кочергина",), "Юля Кочергина сейчас в безопасности") == [("Юля", "Кочергина")]


def test_the_score_says_how_sure_and_names_the_words() -> None:
    index = NameIndex([WatchEntry("w", ("Аминат Досхоева",))])
    exact = index.find("Aminat Doskhoeva arrived")[0]
    apart = index.find("Aminat, her sister and Doskhoeva arrived")[0]
    assert exact.score == 1.0 and exact.matched == ("Aminat", "Doskhoeva")
    assert apart.score < exact.score  # other words between them: less sure
    arabic = NameIndex([WatchEntry("w", ("Maysa Al-Dahlawi",))]).find("مايسة الدهلوي")[0]
    assert 0.6 < arabic.score < 1.0  # consonants only: a little less sure


def test_one_word_of_a_two_word_name_is_not_a_match() -> None:
    assert found(("Аминат Досхоева",), "Аминат — распространённое имя.") == []
    assert found(("Аминат Досхоева",), "The Doskhoev family has lived there for years.") == []


def test_different_people_with_similar_names_are_not_matched() -> None:
    assert found(("Malika Eskerkhanova",), "Malik Eskerov, a footballer, signed a contract.") == []
    assert found(("Maysa Al-Dahlawi",), "Maya Dahl, a Norwegian singer, announced a tour.") == []


def test_names_far_apart_are_not_a_match() -> None:
    text = "Юлия, менеджер банка, рассказала о вкладах. В другом городе водитель Кочергин попал в аварию."
    assert found(("Юлия Кочергина",), text) == []


def test_particles_alone_do_not_make_a_match() -> None:
    assert found(("Mohammed Al-Harbi",), "Al and bin were words in the headline.") == []


def test_folding_brings_transliteration_schemes_together() -> None:
    assert fold("Солтаева") == fold("Soltayeva") == fold("Soltaeva")
    assert stem("Солтаевой") == stem("Soltaevoy") == stem("Солтаевым")
    assert set(index_keys("سلطاييفا")) & set(index_keys("Soltaeva"))


def test_passport_spellings_are_offered_for_cyrillic_names() -> None:
    spellings = transliterations("Юлия Щукина")
    assert spellings["ICAO Doc 9303 (passports since 2013)"] == "Iuliia Shchukina"
    assert spellings["BGN/PCGN (English-language press)"] == "Yuliya Shchukina"
    assert transliterations("Yulia") == {}
    # spellings that fold alike are indexed once; a nickname is a name of its own
    assert expand_names(["Мария Щукина"]) == ["Мария Щукина", "Маша Щукина"]
    index = NameIndex([WatchEntry("w", ("Юлия Щукина",))])
    for spelling in spellings.values():  # every scheme's spelling is found without being listed
        assert index.find(f"Reporters spoke to {spelling} yesterday."), spelling


def test_several_people_in_one_article_are_each_reported_once() -> None:
    index = NameIndex([WatchEntry("a", ("Aminat Doskhoeva",)), WatchEntry("k", ("Хеда Ватаева",))])
    text = "Both women, Aminat Doskhoeva and Kheda Vataeva, asked for protection. Aminat Doskhoeva spoke first."
    assert sorted(m.watch_id for m in index.find(text)) == ["a", "k"]
