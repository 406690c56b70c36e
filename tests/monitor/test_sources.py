"""The configured feeds file is valid and says where each feed URL was found."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.monitor.sources import SourcesError, load_sources


def test_the_packaged_sources_are_valid_and_cover_russian_english_and_arabic() -> None:
    sources = load_sources()
    assert len(sources) >= 10
    assert {"ru", "en", "ar"} <= {language for s in sources for language in s.languages}
    assert all(s.url.scheme == "https" and "search tool" in s.found_in for s in sources)


def test_a_bad_sources_file_is_one_line_naming_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - {id: ok-one, name: A, url: 'not a url', languages: [en], kind: news, found_in: somewhere documented}\n")
    with pytest.raises(SourcesError, match=r"source 1: url"):
        load_sources(path)
