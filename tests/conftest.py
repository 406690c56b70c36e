from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest

from safepassage.kb import KnowledgeBase, load

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
