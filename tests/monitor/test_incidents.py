"""Incident candidates: an act near a watched origin, in Russian, English and Arabic."""

from __future__ import annotations

from safepassage.monitor.incidents import find_incident
from safepassage.monitor.text import words


def test_a_handover_of_a_chechen_woman_is_a_candidate() -> None:
    found = find_incident(words("В Махачкале полицейские передали чеченку её родственникам."))
    assert found is not None and found.kinds == ("handover",) and found.origins == ("chechen",)


def test_detention_and_deportation_in_english_and_arabic() -> None:
    found = find_incident(words("Turkish police detained an Uzbek activist and plan to deport him."))
    assert found is not None and found.kinds == ("deportation", "detention") and found.origins == ("uzbek",)
    arabic = find_incident(words("اعتقلت الشرطة امرأة سعودية في المطار"))
    assert arabic is not None and arabic.kinds == ("detention",) and arabic.origins == ("saudi",)


def test_an_abduction_and_a_killing() -> None:
    assert find_incident(words("Таджикского оппозиционера похитили в Стамбуле")).kinds == ("abduction",)  # type: ignore[union-attr]
    assert find_incident(words("An Iranian dissident was killed in Istanbul")).kinds == ("killing",)  # type: ignore[union-attr]


def test_an_act_without_an_origin_or_far_from_it_is_not_a_candidate() -> None:
    assert find_incident(words("Police detained a man for speeding.")) is None
    filler = " ".join(["word"] * 40)
    assert find_incident(words(f"A Chechen restaurant opened. {filler} Police detained a thief.")) is None
    assert find_incident(words("The weather in Chechnya was fine.")) is None
