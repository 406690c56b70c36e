"""Benchmark of the news monitor's matching: N synthetic articles against M watched names on one
core, the whole per-article analysis (names, places near them, incident candidates). Figures go
into the README by hand.

The articles are made of sentences in Russian, English and Arabic (the synthetic corpus of
tests/monitor/fixtures/corpus.yaml and generic news sentences below); one article in fifty has a
watched person planted in it, in another script or transliteration, with a Russian case ending
or in reversed order, sometimes next to a city. Every name is generated from invented parts.
Fetching and text extraction are not part of this figure (they wait on the network and on
trafilatura); their cost is printed separately for a sample of pages. So is the same analysis
split as the casework worker does it: incidents when an article is stored, names when its batch
is matched (casework/monitoring/batches.py).

Usage: python bench/monitor.py [--articles 10000] [--names 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import iuliia
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from safepassage.monitor.analyse import analyse  # noqa: E402
from safepassage.monitor.extract import from_html  # noqa: E402
from safepassage.monitor.names.index import NameIndex, WatchEntry  # noqa: E402
from safepassage.monitor.places import load_gazetteer  # noqa: E402

FIRST = ["Аминат", "Хеда", "Зарема", "Мадина", "Луиза", "Фатима", "Айшат", "Марьям", "Седа", "Лейла", "Асет", "Раиса", "Элина", "Камила", "Амина", "Хадижат", "Патимат", "Зулай", "Петимат", "Мака", "Зайнап", "Тамара", "Диана", "Милана", "Ясмина", "Румиса", "Жанна", "Лариса", "Эльмира", "Гульнара", "Дильноза", "Нигора", "Шахноза", "Феруза", "Мохира", "Нилуфар", "Гулбахор", "Севара"]
# Invented surname roots: two syllables, about a thousand combinations, so that 10,000 watched
# people have about as many different surnames as a real list would (none is a surname of the
# test corpus, whose sentences are the filler).
HEADS = ["Ба", "Бе", "Ви", "Га", "Гу", "Да", "До", "Жа", "За", "Зу", "Иб", "Ка", "Ку", "Ла", "Лу", "Ма", "Му", "На", "Ну", "Па", "Ра", "Ру", "Са", "Су", "Та", "Ту", "Ха", "Ху", "Ца", "Ша", "Эл", "Юн"]
TAILS = ["бир", "вад", "гаш", "дум", "жил", "зан", "иск", "лам", "мар", "нух", "пах", "рид", "сул", "тем", "улт", "хан", "чер", "шид", "эль", "юс", "гир", "дал", "кос", "мех", "нар", "сах", "тиш", "фар", "цог", "шам"]
ROOTS = [head + tail for head in HEADS for tail in TAILS]
SUFFIXES = ("ова", "ева", "аева", "иева", "ханова", "урова", "оева", "алиева", "анова", "ина")
ARABIC_FIRST = ["نورة", "هيا", "ريم", "لجين", "دانة", "شهد", "أسيل", "جود", "رغد", "منيرة", "العنود"]
ARABIC_FAMILY = ["المطيري", "الشمري", "القحطاني", "الزهراني", "الغامدي", "العتيبي", "الحربي", "الدوسري", "السبيعي", "البلوي", "الجهني"]
CITIES_RU = ["в Алматы", "в Астане", "в Бишкеке", "в Стамбуле", "в Тбилиси", "в Москве", "в Вене", "в Берлине"]
CITIES_EN = ["in Almaty", "in Istanbul", "in Tbilisi", "in Vienna", "in Berlin", "in Dubai", "in Yerevan"]
GENERIC = [
    "Власти региона объявили о новых мерах поддержки малого бизнеса и фермеров.",
    "По данным синоптиков, в выходные ожидается снег и сильный ветер.",
    "Суд перенёс рассмотрение дела на следующий месяц по просьбе защиты.",
    "Министерство образования сообщило о ремонте двадцати школ до конца года.",
    "Цены на бензин выросли на три процента за последний месяц, сообщает статистическое ведомство.",
    "Жители нескольких сёл пожаловались на перебои с водой и газом.",
    "Футбольный клуб подписал контракт с новым тренером на два сезона.",
    "В городе открылась выставка современного искусства, она продлится до весны.",
    "The ministry said the new rules would take effect at the beginning of next year.",
    "Local officials met representatives of the business community to discuss taxes.",
    "The court adjourned the hearing until next month at the request of the defence.",
    "Heavy snow is expected over the weekend, forecasters said on Thursday.",
    "Fuel prices rose by three percent last month, according to the statistics office.",
    "The football club signed a new coach on a two-year contract.",
    "Residents of several villages complained about interruptions to water and gas supplies.",
    "A new exhibition of contemporary art opened in the city and will run until spring.",
    "قالت وزارة التعليم إن أعمال الصيانة ستشمل عشرين مدرسة قبل نهاية العام.",
    "أعلنت السلطات عن إجراءات جديدة لدعم المشاريع الصغيرة والمزارعين.",
    "أجلت المحكمة النظر في القضية إلى الشهر المقبل بناء على طلب الدفاع.",
    "ارتفعت أسعار الوقود بنسبة ثلاثة في المئة الشهر الماضي بحسب مكتب الإحصاء.",
    "وقع النادي عقدا مع مدرب جديد لمدة موسمين.",
    "افتتح معرض للفن المعاصر في المدينة ويستمر حتى الربيع.",
]
SYLLABLES_LATIN = ["ba", "ko", "ri", "sta", "mel", "dun", "par", "vi", "te", "los", "gra", "shen", "tor", "ka", "mi", "nu", "fe", "lo", "bri", "zan"]
SYLLABLES_CYRILLIC = ["ба", "ко", "ри", "ста", "мел", "дун", "пар", "ви", "те", "лос", "гра", "шен", "тор", "ка", "ми", "ну", "фе", "ло", "бри", "зан"]
CORPUS_SHARE = 0.05  # sentences from the test corpus: people, places, incidents
NOISE_SHARE = 0.15  # words replaced by one of a large invented vocabulary (cache misses, as in real news)
ENDINGS = ("у", "ой", "ы")  # accusative / instrumental-genitive forms of a -ова surname


def make_names(count: int, rng: random.Random) -> list[WatchEntry]:
    seen: set[str] = set()
    entries: list[WatchEntry] = []
    while len(entries) < count:
        if rng.random() < 0.1:
            name = f"{rng.choice(ARABIC_FIRST)} {rng.choice(ARABIC_FAMILY)}{rng.choice(['', 'ي'])}"
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(ROOTS)}{rng.choice(SUFFIXES)}"
        if name not in seen:
            seen.add(name)
            entries.append(WatchEntry(f"w{len(entries)}", (name,)))
    return entries


def mention(name: str, rng: random.Random) -> str:
    """The watched name as a journalist might write it: another script, another scheme, a case
    ending, reversed order, next to a city."""
    first, last = name.split(" ", 1)
    style = rng.randrange(4)
    if "\u0600" <= name[0] <= "\u06ff":
        return f"أوقفت الشرطة {first} {last} في المطار."
    if style == 0:
        return f"Police {rng.choice(CITIES_EN)} detained {iuliia.ICAO_DOC_9303.translate(first)} {iuliia.ICAO_DOC_9303.translate(last)} on Tuesday."
    if style == 1:
        return f"{iuliia.BGN_PCGN.translate(last)}, {iuliia.BGN_PCGN.translate(first)}, was released after publicity."
    if style == 2 and last.endswith("а"):
        return f"Полиция задержала {first} {last[:-1]}{rng.choice(ENDINGS)} {rng.choice(CITIES_RU)}."
    return f"Правозащитники сообщили, что {first} {last} находится {rng.choice(CITIES_RU)}."


def vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    words = []
    for _ in range(size):
        syllables = SYLLABLES_CYRILLIC if rng.random() < 0.5 else SYLLABLES_LATIN
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        words.append(word.capitalize() if rng.random() < 0.1 else word)
    return words


def noisy(sentence: str, words: list[str], rng: random.Random) -> str:
    return " ".join(rng.choice(words) if rng.random() < NOISE_SHARE else w for w in sentence.split())


def make_articles(count: int, names: list[WatchEntry], rng: random.Random) -> tuple[list[str], dict[int, str]]:
    corpus = yaml.safe_load((ROOT / "tests" / "monitor" / "fixtures" / "corpus.yaml").read_text(encoding="utf-8"))
    # the corpus's own people are not in this watch list; its sentences are realistic filler
    stories = [a["text"] for a in corpus["articles"]]
    words = vocabulary(rng)
    articles: list[str] = []
    planted: dict[int, str] = {}
    for number in range(count):
        sentences = [
            noisy(rng.choice(stories) if rng.random() < CORPUS_SHARE else rng.choice(GENERIC), words, rng)
            for _ in range(rng.randint(22, 32))
        ]
        if number % 50 == 0:
            entry = rng.choice(names)
            sentences.insert(rng.randrange(len(sentences)), mention(entry.names[0], rng))
            planted[number] = entry.id
        articles.append(" ".join(sentences))
    return articles, planted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = make_names(args.names, rng)
    articles, planted = make_articles(args.articles, names, rng)
    words = sum(len(a.split()) for a in articles)

    start = time.perf_counter()
    index = NameIndex(names)
    built = time.perf_counter() - start
    gazetteer = load_gazetteer()
    analyse("warm-up", index, gazetteer)

    start, cpu_start = time.perf_counter(), time.process_time()
    results = [analyse(text, index, gazetteer) for text in articles]
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start

    # The worker splits the same work in two: incidents when an article is stored (no watch
    # list), names and the places near them when its batch is matched.
    cpu_start = time.process_time()
    for text in articles:
        analyse(text, None, gazetteer)
    stored_cpu = time.process_time() - cpu_start
    cpu_start = time.process_time()
    for text in articles:
        analyse(text, index, gazetteer, incidents=False)
    batch_cpu = time.process_time() - cpu_start

    found = {n: {f.match.watch_id for f in r.findings} for n, r in enumerate(results)}
    hits = sum(1 for n, watch_id in planted.items() if watch_id in found[n])
    beside = sum(len(ids - {planted[n]}) for n, ids in found.items() if n in planted)
    stray = sum(len(ids) for n, ids in found.items() if n not in planted)
    leaks = sum(1 for r in results for f in r.findings if f.location_leak)
    incidents = sum(1 for r in results if r.incident)

    sample = [f"<html><body><article><h1>T</h1><p>{a}</p></article></body></html>" for a in articles[:200]]
    start = time.perf_counter()
    for html in sample:
        from_html(html)
    extraction = (time.perf_counter() - start) / len(sample)

    print(f"index: {len(names):,} watched names built in {built:.2f} s")
    print(
        f"match: {len(articles):,} articles ({words / len(articles):.0f} words each on average):"
        f" {cpu:.2f} s of CPU = {len(articles) / cpu:,.0f} articles per second per core"
        f" ({cpu / len(articles) * 1000:.2f} ms per article); wall clock {elapsed:.2f} s"
        f" = {len(articles) / elapsed:,.0f} per second (one process; the machine's load shows in the difference)"
    )
    print(
        f"as the worker splits it: {stored_cpu / len(articles) * 1000:.2f} ms per article for incidents when it is stored"
        f" + {batch_cpu / len(articles) * 1000:.2f} ms for names in its batch = {len(articles) / (stored_cpu + batch_cpu):,.0f}"
        f" articles per second per core (names alone: {len(articles) / batch_cpu:,.0f})"
    )
    print(
        f"planted mentions found: {hits} of {len(planted)}; alerts for another watched name beside a planted one"
        f" (names alike but for a letter): {beside}; alerts in the {len(articles) - len(planted):,} articles without"
        f" a planted name: {stray}; alerts with a place nearby: {leaks}; articles with an incident candidate: {incidents}"
    )
    print(f"text extraction (trafilatura), for comparison: {extraction * 1000:.1f} ms per page")


if __name__ == "__main__":
    main()
