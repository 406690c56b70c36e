"""The parsed-YAML cache: same knowledge as without it, safe to read, never used by kb check."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from safepassage.kb import parse_cache
from safepassage.kb.loader import read_knowledge
from tests.conftest import source_yaml, write

FACT = """
facts:
  - id: kz-land-border-ru
    kind: land_border
    country: KZ
    valid_from: 1991-12-16
    confidence: high
    sources: [src-a]
    summary: Kazakhstan and Russia share a land border.
    value: {neighbour: RU, length_km: 7644}
"""


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SAFEPASSAGE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SAFEPASSAGE_NO_CACHE", raising=False)
    data = tmp_path / "data"
    write(data / "countries" / "KZ.yaml", source_yaml() + FACT)
    return data


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("kb-parsed-*.json"))


class TestParseCache:
    def test_a_second_load_reads_the_cache_and_gives_the_same_knowledge(self, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        first = read_knowledge(folder)
        (path,) = cache_files(tmp_path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

        def no_yaml(*args: object, **kwargs: object) -> object:
            raise AssertionError("parsed YAML although the cache holds it")

        monkeypatch.setattr(yaml, "load", no_yaml)
        second = read_knowledge(folder)
        assert second.facts == first.facts and second.sources == first.sources
        assert second.facts[0].valid_from is not None and second.facts[0].valid_from.earliest == dt.date(1991, 12, 16)

    def test_any_edit_is_a_new_key(self, folder: Path, tmp_path: Path) -> None:
        read_knowledge(folder)
        path = folder / "countries" / "KZ.yaml"
        path.write_text(path.read_text().replace("length_km: 7644", "length_km: 7600"))
        assert read_knowledge(folder).facts[0].value.length_km == 7600  # type: ignore[union-attr]
        assert len(cache_files(tmp_path)) == 1  # the old entry is gone

    def test_a_cache_others_may_write_is_not_read(self, folder: Path, tmp_path: Path) -> None:
        read_knowledge(folder)
        (path,) = cache_files(tmp_path)
        tampered = json.loads(path.read_text())
        tampered["files"]["countries/KZ.yaml"]["facts"][0]["summary"] = "Injected through the cache."
        path.write_text(json.dumps(tampered))
        os.chmod(path, 0o666)
        assert read_knowledge(folder).facts[0].summary == "Kazakhstan and Russia share a land border."

    def test_a_broken_cache_is_ignored(self, folder: Path, tmp_path: Path) -> None:
        read_knowledge(folder)
        (path,) = cache_files(tmp_path)
        path.write_text("{not json")
        assert len(read_knowledge(folder).facts) == 1

    def test_it_can_be_turned_off(self, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SAFEPASSAGE_NO_CACHE", "1")
        read_knowledge(folder)
        assert parse_cache.cache_dir() is None and cache_files(tmp_path) == []

    def test_kb_check_reads_the_files_not_the_cache(self, tmp_path: Path) -> None:
        env = {**os.environ, "SAFEPASSAGE_CACHE_DIR": str(tmp_path / "cache")}
        script = (
            "from safepassage.kb.loader import read_knowledge; import safepassage.kb.parse_cache as c, "
            "hashlib, json, pathlib; read_knowledge(); (p,) = pathlib.Path(c.cache_dir()).glob('kb-parsed-*.json'); "
            "d = json.loads(p.read_text()); name = sorted(d['files'])[0]; d['files'][name] = None; p.write_text(json.dumps(d)); "
            "print(len(read_knowledge().facts))"
        )
        poisoned = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
        check = subprocess.run([sys.executable, "-m", "safepassage", "kb", "check"], env=env, capture_output=True, text=True, timeout=300)
        assert check.returncode == 0, check.stderr
        honest = int(check.stdout.split("ok: ")[1].split(" facts")[0])
        assert int(poisoned.stdout) < honest  # the poisoned cache dropped a file for load(), not for kb check
