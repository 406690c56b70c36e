"""Read the knowledge-base folder into validated models, collecting every defect.

Loading never stops at the first problem: `kb check` must name each defect so a reviewer can
fix them all in one pass. The engine refuses a knowledge base with defects (see `load`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from safepassage.kb import parse_cache
from safepassage.kb.models import FACT_KINDS, Fact, Instrument, KnowledgeFile, Source

DATA_DIR = Path(__file__).parent / "data"
# Derived datasets live in their own folder with their own metadata (kb/layers), not as facts.
DATASETS_FOLDER = "datasets"

# libyaml's parser is ~10x faster; fall back to the pure-Python one where it is missing.
_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Defect:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        where = f" [{self.where}]" if self.where else ""
        return f"{self.file}{where}: {self.message}"


@dataclass
class RawKnowledge:
    """Everything read from disk, before cross-file checks."""

    facts: list[Fact] = field(default_factory=list)
    fact_files: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    defects: list[Defect] = field(default_factory=list)
    version: str = ""


def _describe_validation_error(error: ValidationError, raw: object) -> list[tuple[str, str]]:
    """Turn pydantic's errors into (where, message) pairs naming the fact id and field."""
    described = []
    for item in error.errors():
        location = list(item["loc"])
        where = ".".join(str(part) for part in location)
        # ("facts", 3, "incident", "value", "date") -> name the fact by its id when we can
        if len(location) >= 2 and location[0] in ("facts", "sources", "instruments"):
            section, index = location[0], location[1]
            try:
                entry = raw[section][index]  # type: ignore[index]
                entry_id = entry.get("id", f"#{index}")
            except (KeyError, IndexError, TypeError, AttributeError):
                entry_id = f"#{index}"
            rest = [str(p) for p in location[2:] if not _is_kind_tag(p)]
            where = f"{str(section)[:-1]} {entry_id}" + (f": {'.'.join(rest)}" if rest else "")
        described.append((where, item["msg"]))
    return described


def _is_kind_tag(part: object) -> bool:
    return isinstance(part, str) and part in _KIND_TAGS


_KIND_TAGS = frozenset(FACT_KINDS)


def knowledge_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """The curated YAML files, in path order (the derived datasets' folder is not among them)."""
    datasets = f"{data_dir / DATASETS_FOLDER}{os.sep}"
    return sorted(p for p in data_dir.rglob("*.yaml") if not str(p).startswith(datasets))


def read_knowledge(data_dir: Path = DATA_DIR, use_cache: bool = True) -> RawKnowledge:
    """Read and validate every curated file. With `use_cache`, the YAML parse of files that have
    not changed comes from the parse cache (kb/parse_cache.py); validation always runs."""
    knowledge = RawKnowledge()
    digest = hashlib.sha256()
    texts: list[tuple[str, bytes]] = []
    for path in knowledge_files(data_dir):
        name = str(path.relative_to(data_dir))
        text = path.read_bytes()
        digest.update(name.encode() + b"\0" + text)
        texts.append((name, text))
    key = digest.hexdigest()
    cached = parse_cache.read(key) if use_cache else None
    parsed: dict[str, Any] = {}
    for name, text in texts:
        if cached is not None and name in cached:
            raw = cached[name]
        else:
            try:
                raw = yaml.load(text, Loader=_YamlLoader)
            except (yaml.YAMLError, ValueError) as error:
                # PyYAML raises ValueError (not YAMLError) when a value it parsed cannot be built,
                # such as 2020-13-45 or a 5,000-digit number; either way one line names the file
                mark = getattr(error, "problem_mark", None)
                line = f"line {mark.line + 1}" if mark else ""
                problem = getattr(error, "problem", None) or str(error)
                knowledge.defects.append(Defect(name, line, f"not valid YAML: {' '.join(str(problem).split())}"))
                continue
        parsed[name] = raw
        if raw is None:
            continue
        try:
            validated = KnowledgeFile.model_validate(raw)
        except ValidationError as error:
            for where, message in _describe_validation_error(error, raw):
                knowledge.defects.append(Defect(name, where, message))
            continue
        _merge(knowledge, name, validated)
    if use_cache and cached is None and not knowledge.defects:
        parse_cache.write(key, parsed)
    knowledge.version = key[:12]
    return knowledge


def _merge(knowledge: RawKnowledge, name: str, parsed: KnowledgeFile) -> None:
    for source in parsed.sources:
        existing = knowledge.sources.get(source.id)
        if existing is not None and existing != source:
            knowledge.defects.append(
                Defect(name, f"source {source.id}", "id used for two different sources")
            )
            continue
        knowledge.sources[source.id] = source
    for instrument in parsed.instruments:
        if instrument.id in knowledge.instruments:
            knowledge.defects.append(
                Defect(name, f"instrument {instrument.id}", "duplicate instrument id")
            )
        knowledge.instruments[instrument.id] = instrument
    for fact in parsed.facts:
        if fact.id in knowledge.fact_files:
            other = knowledge.fact_files[fact.id]
            knowledge.defects.append(
                Defect(name, f"fact {fact.id}", f"duplicate fact id (also in {other})")
            )
            continue
        knowledge.fact_files[fact.id] = name
        knowledge.facts.append(fact)
