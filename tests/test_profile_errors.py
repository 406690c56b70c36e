"""Bad profiles get one clear line naming the field, and exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import write

GOOD = """id: p1
citizenship: [RU]
origin: {country: RU, region: RU-CE}
community: [chechen]
gender: female
threats: [{actor: family, state: RU}]
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safepassage", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD.replace("citizenship: [RU]\n", ""), "citizenship: required field is missing"),
        (GOOD.replace("citizenship: [RU]", "citizenship: [XX]"), "'XX' is not an ISO 3166-1"),
        (GOOD + "  - [unclosed\n", "not valid YAML"),
        (GOOD.replace("actor: family", "actor: clan"), "threats.0.actor: 'clan' is not allowed"),
        (GOOD.replace("gender: female", "gender: female\ndocuments: [paspport]"), "documents"),
        ("just a string\n", "expected a mapping"),
    ],
    ids=[
        "missing-citizenship",
        "unknown-iso",
        "malformed-yaml",
        "unknown-actor",
        "unknown-document",
        "not-a-mapping",
    ],
)
def test_bad_profile_gives_one_line_and_exit_2(tmp_path: Path, text: str, expected: str) -> None:
    profile = write(tmp_path / "p.yaml", text)
    result = run("assess", str(profile), "--country", "KZ")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]


def test_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    result = run("assess", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_an_unknown_country_option_is_bad_input(tmp_path: Path) -> None:
    profile = write(tmp_path / "p.yaml", GOOD)
    result = run("assess", str(profile), "--country", "ZZ")
    assert result.returncode == 2
    assert "--country: 'ZZ'" in result.stderr


def test_a_bad_as_of_is_bad_input(tmp_path: Path) -> None:
    profile = write(tmp_path / "p.yaml", GOOD)
    result = run("assess", str(profile), "--country", "KZ", "--as-of", "5 Feb")
    assert result.returncode == 2
    assert "--as-of" in result.stderr


def test_omitted_documents_mean_unknown_not_none(tmp_path: Path) -> None:
    from safepassage.profile import read_profile

    profile = read_profile(write(tmp_path / "p.yaml", GOOD))
    assert profile.documents is None
    assert not profile.documents_known
