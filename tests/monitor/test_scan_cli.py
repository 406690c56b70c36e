"""`safepassage monitor scan`: saved articles, folders, saved feeds and feed URLs (from a local
server) against a watch file; one JSON object per match; bad input is one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .server import Reply, page, rss, serve

FIXTURES = Path(__file__).parent / "fixtures"
WATCH = """
- id: case-a
  names: [Аминат Досхоева]
- id: case-k
  names: [Kheda Vataeva]
- id: case-m
  names: [Maysa Al-Dahlawi]
"""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "safepassage", "monitor", "scan", *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})},
    )  # fmt: skip


@pytest.fixture
def watch(tmp_path: Path) -> Path:
    path = tmp_path / "watch.yaml"
    path.write_text(WATCH, encoding="utf-8")
    return path


def lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_folder_of_saved_articles_in_three_languages(watch: Path) -> None:
    found = lines(run(str(FIXTURES / "articles"), "--watch", str(watch), "--format", "json"))
    by_id = {m["watch_id"]: m for m in found}
    assert set(by_id) == {"case-a", "case-k", "case-m"}
    assert set(found[0]) == {"watch_id", "article", "matched", "score", "places"}
    assert by_id["case-a"]["matched"] == ["Аминат", "Досхоеву"]
    assert {p["name"] for p in by_id["case-a"]["places"]} >= {"Almaty", "Chechnya"}  # type: ignore[union-attr]
    assert by_id["case-k"]["matched"] == ["Kheda", "Vatayeva"] and by_id["case-k"]["places"][0]["name"] == "Bishkek"  # type: ignore[index]
    assert by_id["case-m"]["places"][0]["name"] == "Dubai"  # type: ignore[index]
    assert str(by_id["case-m"]["article"]).endswith("ar-dubai.txt")


def test_a_saved_feed_file(watch: Path) -> None:
    found = lines(run(str(FIXTURES / "feeds" / "rights-en.atom"), "--watch", str(watch), "--format", "json"))
    assert [(m["watch_id"], m["article"]) for m in found] == [("case-a", "https://rights.example/updates/released")]


def test_a_feed_url_and_its_pages_from_a_local_server(watch: Path) -> None:
    routes = {
        "/page-1": Reply(page("Detained", ["Полиция в Астане задержала Аминат Досхоеву."]), headers={"Content-Type": "text/html"}),
        "/page-2": Reply(page("Bridge", ["A new bridge opened."]), headers={"Content-Type": "text/html"}),
    }
    with serve(routes) as site:
        site.routes["/feed"] = Reply(
            rss([("Detained", f"{site.base}/page-1", "short"), ("Bridge", f"{site.base}/page-2", "short")]),
            headers={"Content-Type": "application/rss+xml"},
        )
        env = {"SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES": f"127.0.0.1:{site.port}"}
        found = lines(run(f"{site.base}/feed", "--watch", str(watch), "--format", "json", env=env))
        assert site.paths() == ["/feed", "/page-1", "/page-2"]
    assert [(m["watch_id"], m["article"], m["matched"]) for m in found] == [("case-a", f"{site.base}/page-1", ["Аминат", "Досхоеву"])]
    assert found[0]["places"][0]["name"] == "Astana"  # type: ignore[index]


def test_a_feed_url_on_a_local_address_is_refused_without_the_allow_list(watch: Path) -> None:
    with serve({"/feed": Reply(b"", headers={"Content-Type": "application/rss+xml"})}) as site:
        result = run(f"{site.base}/feed?token=abc", "--watch", str(watch))
        assert site.requests == []
    assert result.returncode == 2 and "local or private address" in result.stderr
    assert "token=abc" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_text_output_is_one_line_per_match(watch: Path) -> None:
    result = run(str(FIXTURES / "articles" / "en-released.html"), "--watch", str(watch))
    assert result.returncode == 0 and result.stdout.count("\n") == 1 and result.stdout.startswith("case-k\t1.00\t")


@pytest.mark.parametrize(
    "watch_text, message",
    [
        ("- id: a\n  names: []\n", "entry 1 (a): names must be a non-empty list"),
        ("{not: a list}", "expected a non-empty list"),
        ("- id: a\n  names: [X Y]\n- id: a\n  names: [Z W]\n", "entry 2: id a is used twice"),
        ("- [unclosed", "not valid YAML"),
    ],
)
def test_a_bad_watch_file_is_one_line_and_exit_2(tmp_path: Path, watch_text: str, message: str) -> None:
    path = tmp_path / "watch.yaml"
    path.write_text(watch_text)
    result = run(str(FIXTURES / "articles"), "--watch", str(path))
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_other_bad_input_is_one_line_and_exit_2(watch: Path, tmp_path: Path) -> None:
    for args, message in (
        (["/no/such/place", "--watch", str(watch)], "no such file, folder or http(s) URL"),
        ([str(FIXTURES / "articles"), "--watch", str(tmp_path / "missing.yaml")], "cannot read"),
        ([str(FIXTURES / "articles"), "--watch", str(watch), "--format", "xml"], "--format"),
        ([str(FIXTURES / "feeds" / "billion-laughs.xml"), "--watch", str(watch)], "entities"),
        ([str(tmp_path), "--watch", str(watch)], "no .html, .txt or feed files"),
    ):
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
