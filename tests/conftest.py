from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from safepassage.kb import KnowledgeBase, load

# Property-based tests are derandomised, so every machine runs the same examples and CI cannot
# turn red by chance; HYPOTHESIS_PROFILE=explore searches afresh (and longer) when wanted.
hypothesis_settings.register_profile(
    "ci", derandomize=True, deadline=None, database=None, max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
hypothesis_settings.register_profile("explore", deadline=None, database=None, max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CASES = Path(__file__).parent / "cases"
FIXTURES = Path(__file__).parent / "fixtures" / "datasets"

# The parsed-knowledge cache goes to a folder of this test run, never the user's cache folder
# (subprocesses inherit it).
os.environ.setdefault("SAFEPASSAGE_CACHE_DIR", tempfile.mkdtemp(prefix="safepassage-test-cache-"))


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


SOURCE = """
sources:
  - id: {id}
    publisher: Example Publisher
    title: An example page
    url: https://example.org/{id}
    published: {published}
    accessed: 2026-11-25
"""


def source_yaml(source_id: str = "src-a", published: str = "2020-01-01") -> str:
    return SOURCE.format(id=source_id, published=published)


TODAY = dt.date(2026, 11, 25)


def said_parts(message: object) -> dict[str, object]:
    """Every message inside a finding's message (a finding made of sentences has several),
    by id: what the tests check instead of English wording."""
    from safepassage.assess.message import Message, Sentences

    found: dict[str, object] = {}

    def walk(value: object) -> None:
        if isinstance(value, Message):
            found[value.id] = value
            for inner in value.values.values():
                walk(inner)
        elif isinstance(value, Sentences):
            for part in value.parts:
                walk(part)

    walk(message)
    return found
