"""Property-based tests (hypothesis) for what reads files people and attackers write: no input
crashes the profile reader or the knowledge-base loader with a traceback, and every bad input
gets a clear error (one line for a profile; a defect naming the file for the knowledge base).

Examples are derandomised (tests/conftest.py), so a run is the same on every machine."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from safepassage.kb import KnowledgeBaseError, load
from safepassage.kb.loader import read_knowledge
from safepassage.profile.models import Profile
from safepassage.profile.reader import ProfileError, profile_from_data, read_profile

from .conftest import source_yaml
from .strategies import JSON_VALUES, YAML_ISH, as_text, mutated
from .test_kb_check import fact

VALID_PROFILE: dict[str, Any] = {
    "id": "p1",
    "citizenship": ["RU"],
    "origin": {"country": "RU", "region": "RU-CE"},
    "community": ["chechen"],
    "gender": "female",
    "threats": [{"actor": "family", "state": "RU"}],
    "wanted": {"criminal_case": "unknown", "search_request": True, "interpol": False},
    "documents": ["internal_id", "visa:schengen"],
    "location": {"country": "KZ", "region": "KZ-ALA"},
}
NESTED_TOO_DEEP = "[" * 5000 + "]" * 5000


def read_text(text: str, suffix: str) -> Profile | ProfileError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"profile{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            return read_profile(path)
        except ProfileError as error:
            return error


def assert_clear(outcome: Profile | ProfileError) -> None:
    if isinstance(outcome, ProfileError):
        message = str(outcome)
        assert message and "\n" not in message and "Traceback" not in message, message
        assert "profile" in message.split(":")[0]  # names the file it is about


@given(text=YAML_ISH | st.text(max_size=300), suffix=st.sampled_from([".yaml", ".yml", ".json"]))
@example(text=NESTED_TOO_DEEP, suffix=".yaml")
@example(text=NESTED_TOO_DEEP, suffix=".json")
@example(text="{" * 5000, suffix=".yaml")
@example(text='{"id": 1' + "0" * 5000 + "}", suffix=".json")
@example(text="id: 1" + "0" * 5000, suffix=".yaml")
@example(text="id: p\ncitizenship: [RU]\norigin: {country: RU}\nthreats: [{actor: family}]\nx: 2020-13-45", suffix=".yaml")
def test_any_file_is_read_or_refused_in_one_line(text: str, suffix: str) -> None:
    assert_clear(read_text(text, suffix))


@given(document=mutated(VALID_PROFILE), kind=st.sampled_from(["yaml", "json"]))
def test_a_profile_with_any_field_changed_is_read_or_refused_in_one_line(document: Any, kind: str) -> None:
    assert_clear(read_text(as_text(document, kind), f".{kind}"))


@given(data=JSON_VALUES | mutated(VALID_PROFILE))
@example(data={**VALID_PROFILE, "threats": [{"actor": "Zarema's flat, 7 Quietstreet"}]})
@example(data={**VALID_PROFILE, "citizenship": ["R'U", 'X"Y']})
def test_profile_data_never_crashes_and_errors_do_not_quote_input_when_asked(data: Any) -> None:
    try:
        profile = profile_from_data(data, quote_input=False)
    except ProfileError as error:
        message = str(error)
        assert "\n" not in message and "'" not in message.partition(": ")[2], message
    else:
        assert profile_from_data(profile.model_dump(mode="json")) == profile  # stable round trip


VALID_KB = source_yaml() + fact()


def load_files(files: list[str]) -> None:
    """read_knowledge must collect defects, never raise; load must raise only KnowledgeBaseError."""
    with tempfile.TemporaryDirectory() as folder:
        for n, text in enumerate(files):
            (Path(folder) / f"f{n}.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        raw = read_knowledge(Path(folder))
        for defect in raw.defects:
            assert str(defect).startswith("f"), defect  # names the file
        try:
            load(Path(folder))
        except KnowledgeBaseError as error:
            assert error.defects


@given(files=st.lists(YAML_ISH | st.text(max_size=200), min_size=1, max_size=3))
def test_the_knowledge_base_loader_survives_any_text(files: list[str]) -> None:
    load_files(files)


@given(document=mutated(__import__("yaml").safe_load(VALID_KB)))
def test_the_knowledge_base_loader_survives_a_fact_with_anything_changed(document: Any) -> None:
    load_files([as_text(document, "yaml")])


# Found by the tests above: PyYAML raises ValueError, not YAMLError, when building a value it
# parsed; the loader reports it as a defect of the file.
@pytest.mark.parametrize("text", ["a: 2020-13-45\n", "a: 1" + "0" * 5000 + "\n"], ids=["impossible-date", "huge-integer"])
def test_known_loader_crashes(text: str) -> None:
    load_files([text])
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "f.yaml").write_text(text, encoding="utf-8")
        (defect,) = read_knowledge(Path(folder)).defects
        assert str(defect).startswith("f.yaml") and "not valid YAML" in str(defect)


def test_a_yaml_syntax_defect_is_one_line() -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "f.yaml").write_text("facts: [\n", encoding="utf-8")
        (defect,) = read_knowledge(Path(folder)).defects
        assert "\n" not in str(defect)
