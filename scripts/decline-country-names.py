"""Write report/messages/country-names.ru.csv: each country's Russian name in the six cases, with
the preposition it takes ("в Казахстане", "на Кубе"), for the sentences of the reports.

The names are CLDR's (Babel's `Locale("ru").territories`: the short names people use, "Россия"
rather than ISO's "Российская Федерация"), abbreviations spelled out so they read aloud; the
cases come from pymorphy3's dictionary (OpenCorpora). Both are development tools only: the
program reads the CSV. Names the dictionary declines wrongly, and the islands that take "на",
are corrected in OVERRIDES / ISLANDS below, each reviewed by hand.

    pip install babel pymorphy3 pymorphy3-dicts-ru
    python scripts/decline-country-names.py
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pymorphy3
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "src" / "safepassage" / "kb" / "data" / "base"
OUT = ROOT / "src" / "safepassage" / "report" / "messages" / "country-names.ru.csv"
CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
TAGS = {"gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct"}
SPELLED = [(r"\bо-ва\b", "острова"), (r"\bо-в\b", "остров"), (r"\bСв\.", "Святой")]
# Parenthesised notes CLDR adds that nobody says aloud.
DROPPED = re.compile(r"\s*\((САР|Бирма)\)")
# Where CLDR's name is not the one people say aloud.
NAMES = {
    "US": "США",
    "KR": "Южная Корея",
    "CD": "Демократическая Республика Конго",
    "CG": "Республика Конго",
    "BS": "Багамские Острова",
}
# Names whose every case is the nominative (indeclinable in Russian usage) beyond those the
# dictionary marks Fixd.
FIXED = {"США", "Сан-Марино"}
# Countries that take "на" rather than "в" (islands and a few others in standard usage).
ISLANDS = {
    "AG", "AI", "AW", "BB", "BL", "BM", "BQ", "BS", "BV", "CC", "CK", "CU", "CW", "CX", "CY",
    "DM", "FK", "FO", "FJ", "GD", "GS", "HM", "HT", "IM", "JM", "KM", "KN", "KY", "LC", "LK",
    "MF", "MG", "MH", "MP", "MQ", "MS", "MT", "MU", "MV", "NF", "PH", "PM", "PN", "PR", "RE",
    "SB", "SC", "SH", "SJ", "SX", "TC", "TT", "TV", "UM", "VC", "VG", "VI", "WF", "YT", "GP",
    "NR", "PW", "KI", "TO", "WS", "VU", "CV", "ST", "NU", "TK", "AX",
}
# Hand-reviewed forms where the dictionary is wrong or silent: code -> (gen, dat, acc, ins, loc)
OVERRIDES: dict[str, tuple[str, str, str, str, str]] = {
    "GW": ("Гвинеи-Бисау", "Гвинее-Бисау", "Гвинею-Бисау", "Гвинеей-Бисау", "Гвинее-Бисау"),
    "PG": (
        "Папуа — Новой Гвинеи",
        "Папуа — Новой Гвинее",
        "Папуа — Новую Гвинею",
        "Папуа — Новой Гвинеей",
        "Папуа — Новой Гвинее",
    ),
    "EH": ("Западной Сахары", "Западной Сахаре", "Западную Сахару", "Западной Сахарой", "Западной Сахаре"),
    "GS": (
        "Южной Георгии и Южных Сандвичевых островов",
        "Южной Георгии и Южным Сандвичевым островам",
        "Южную Георгию и Южные Сандвичевы острова",
        "Южной Георгией и Южными Сандвичевыми островами",
        "Южной Георгии и Южных Сандвичевых островах",
    ),
    "HM": (
        "островов Херд и Макдональд",
        "островам Херд и Макдональд",
        "острова Херд и Макдональд",
        "островами Херд и Макдональд",
        "островах Херд и Макдональд",
    ),
}

morph = pymorphy3.MorphAnalyzer()


def _inflect_word(word: str, case: str) -> str | None:
    for parse in morph.parse(word):
        if parse.tag.case != "nomn" or "Fixd" in parse.tag:
            continue
        if case == "acc" and not (parse.tag.gender == "femn" and parse.tag.number == "sing"):
            # a country is inanimate: its accusative is its nominative, except in the feminine
            # singular (the dictionary reads some names as people's: "Сальвадора")
            return word
        inflected = parse.inflect({TAGS[case]})
        if inflected is not None:
            return inflected.word
    return None


def _match_case(original: str, word: str) -> str:
    """The inflected word with the original's capitals (Кот-д’Ивуар -> Кот-д’Ивуара)."""
    padded = original.ljust(len(word))[: len(word)]
    return "".join(o if o.lower() == c else c for c, o in zip(word, padded, strict=True))


def decline_part(part: str, case: str) -> str:
    """Decline a name without " и ": the adjectives and first noun agree, the rest stays."""
    words = part.split(" ")
    out = []
    head_done = False
    for word in words:
        if head_done or word.startswith("("):
            out.append(word)
            continue
        # a hyphenated name declines in its last piece (Коста-Рика -> Коста-Рики, Сент-Люсия
        # -> Сент-Люсии); the few that decline in the first are in OVERRIDES
        *first, last = word.split("-")
        inflected = _inflect_word(last.lower(), case)
        out.append("-".join([*first, _match_case(last, inflected) if inflected else last]))
        parses = morph.parse(word.lower())
        if parses and parses[0].tag.POS == "NOUN":
            head_done = True
    return " ".join(out)


def decline(name: str, case: str) -> str:
    if case == "nom" or name in FIXED:
        return name
    return " и ".join(decline_part(p, case) for p in name.split(" и "))


def main() -> None:
    codes = sorted(json.loads((BASE / "countries.json").read_text())["countries"])
    territories = Locale("ru").territories
    rows = []
    for code in codes:
        name = NAMES.get(code, territories[code]).replace("Соединенн", "Соединённ")
        for pattern, spelled in SPELLED:
            name = re.sub(pattern, spelled, name)
        name = DROPPED.sub("", name)
        forms = {case: decline(name, case) for case in CASES}
        if code in OVERRIDES:
            forms.update(zip(CASES[1:], OVERRIDES[code], strict=True))
        preposition = "на" if code in ISLANDS else ("во" if re.match(r"[ВвФф][^аеёиоуыэюяАЕЁИОУЫЭЮЯ]", name) else "в")
        rows.append({"code": code, **forms, "in": preposition})
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["code", *CASES, "in"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} countries")


if __name__ == "__main__":
    main()
