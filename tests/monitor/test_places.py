"""Places named in articles, in three scripts, with Russian declension."""

from __future__ import annotations

import pytest

from safepassage.monitor.places import load_gazetteer
from safepassage.monitor.text import words


def places(text: str) -> list[tuple[str, str]]:
    return [(p.place.name, p.place.kind) for p in load_gazetteer().find(words(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Её перевезли в Астану, потом в Шымкент.", [("Astana", "city"), ("Shymkent", "city")]),
        ("Она живёт в Алматы", [("Almaty", "city")]),
        ("в Оше и в Вене", [("Osh", "city"), ("Vienna", "city")]),
        ("She was taken from Nur-Sultan, Kazakhstan, to Chechnya.", [("Astana", "city"), ("Kazakhstan", "country"), ("Chechnya", "region")]),
        ("وصلت إلى إسطنبول ثم إلى دبي في الإمارات", [("Istanbul", "city"), ("Dubai", "city")]),
        ("Кыргызстан и Казахстан", [("Kyrgyzstan", "country"), ("Kazakhstan", "country")]),
    ],
)
def test_places_are_found_in_each_script(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text)[: len(expected)] == expected


def test_ordinary_words_are_not_places() -> None:
    assert places("Police said she was fine. Of course, Mary agreed.") == []
    assert places("Полиция сообщила, что она в безопасности.") == []
    assert places("قالت الشرطة إن السلطات بأن وزير") == []


def test_lower_case_words_are_not_places() -> None:
    assert places("the almaty police") == []
