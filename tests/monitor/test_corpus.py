"""Precision and recall of the name matcher and of location leaks on the synthetic corpus
(fixtures/corpus.yaml: invented people, articles in Russian, English and Arabic)."""

from __future__ import annotations

from pathlib import Path

import yaml

from safepassage.monitor.analyse import analyse
from safepassage.monitor.names.index import NameIndex, WatchEntry

CORPUS = Path(__file__).parent / "fixtures" / "corpus.yaml"


def score_corpus() -> dict[str, tuple[int, int, int]]:
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    index = NameIndex([WatchEntry(w["id"], tuple(w["names"])) for w in data["watch"]])
    names = [0, 0, 0]  # true positives, false positives, false negatives
    places = [0, 0, 0]
    for article in data["articles"]:
        analysis = analyse(article["text"], index, incidents=False)
        got = {f.match.watch_id for f in analysis.findings}
        expected = set(article["expect"])
        found_places = {p.place.name for f in analysis.findings for p in f.places}
        for tally, have, want in ((names, got, expected), (places, found_places, set(article["places"]))):
            tally[0] += len(have & want)
            tally[1] += len(have - want)
            tally[2] += len(want - have)
    return {"names": (names[0], names[1], names[2]), "places": (places[0], places[1], places[2])}


def test_names_are_found_with_high_precision_and_recall() -> None:
    tp, fp, fn = score_corpus()["names"]
    assert tp >= 20
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95


def test_places_near_names_are_found() -> None:
    tp, fp, fn = score_corpus()["places"]
    assert tp >= 15
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9
