"""Put every fact in its home file and define every source once (`safepassage kb tidy`).

The data folder is laid out so a reviewer finds a fact where docs/kb-format.md says it is: a
country's own facts in `countries/XX.yaml`, entry rules by citizenship in `entry/XX.yaml`,
memberships by instrument, incidents where they happened, a state's acts against its exiles
abroad in `transnational/XX.yaml`. Each fact kind knows its home (`FactBase.home_file`); this
module only moves entries, never changes what they say, and `kb check` reports what is out of
place. A source is written once, in the first file (in path order) whose facts cite it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from safepassage.kb.base import BaseLayer
from safepassage.kb.loader import DATA_DIR, Defect, knowledge_files
from safepassage.kb.models import Fact, FactBase
from safepassage.kb.yaml_writer import knowledge_file

_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FACT: TypeAdapter[Fact] = TypeAdapter(Fact)
SECTIONS = ("instruments", "sources", "facts")


@dataclass
class Layout:
    """Where each entry is now and where it belongs."""

    # file -> section -> entries, as they will be written
    files: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    moves: list[tuple[str, str, str]] = field(default_factory=list)  # (what, from, to)
    twice: list[tuple[str, list[str]]] = field(default_factory=list)  # (source id, files)
    uncited: list[tuple[str, str]] = field(default_factory=list)  # (source id, file)
    same_url: list[tuple[str, str, str]] = field(default_factory=list)  # (url, first id, other id)
    changed: set[str] = field(default_factory=set)


def _read(data_dir: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    files = {}
    for path in knowledge_files(data_dir):
        raw = yaml.load(path.read_bytes(), Loader=_YamlLoader) or {}
        files[str(path.relative_to(data_dir))] = {s: list(raw.get(s) or []) for s in SECTIONS}
    return files


def plan_layout(data_dir: Path = DATA_DIR) -> Layout:
    """Work out every entry's home. The folder must load without defects first."""
    current = _read(data_dir)
    layout = Layout()
    staying: dict[str, list[dict[str, Any]]] = defaultdict(list)
    arriving: dict[str, list[dict[str, Any]]] = defaultdict(list)
    homes: dict[str, str] = {}
    for name, sections in current.items():
        for raw in sections["facts"]:
            fact: FactBase = _FACT.validate_python(raw)
            home = fact.home_file()
            homes[fact.id] = home
            if home == name:
                staying[home].append(raw)
            else:
                arriving[home].append(raw)
                layout.moves.append((f"fact {fact.id}", name, home))
    facts = {name: staying[name] + arriving[name] for name in {*staying, *arriving}}

    cited_in: dict[str, set[str]] = defaultdict(set)
    for name, entries in facts.items():
        for raw in entries:
            for source_id in raw["sources"]:
                cited_in[source_id].add(name)
    sources: dict[str, list[dict[str, Any]]] = defaultdict(list)
    defined: dict[str, list[str]] = defaultdict(list)
    placed: set[str] = set()
    for name, sections in current.items():
        for raw in sections["sources"]:
            defined[raw["id"]].append(name)
    for name, sections in current.items():
        for raw in sections["sources"]:
            source_id = raw["id"]
            if source_id in placed:
                continue
            placed.add(source_id)
            if not cited_in[source_id]:
                layout.uncited.append((source_id, name))
            home = min(cited_in[source_id]) if cited_in[source_id] else name
            if home != name:
                layout.moves.append((f"source {source_id}", name, home))
            sources[home].append(raw)
    layout.twice = [(i, names) for i, names in defined.items() if len(names) > 1]
    first_with_url: dict[str, str] = {}
    for entries in sources.values():
        for raw in entries:
            url = str(raw["url"]).rstrip("/")
            other = first_with_url.setdefault(url, raw["id"])
            if other != raw["id"]:
                layout.same_url.append((url, other, raw["id"]))

    for name in sorted({*current, *facts, *sources}):
        old = current.get(name, {s: [] for s in SECTIONS})
        new = {
            "instruments": old["instruments"],
            "sources": _ordered(old["sources"], sources.get(name, [])),
            "facts": facts.get(name, []),
        }
        layout.files[name] = new
        if new != old:
            layout.changed.add(name)
    return layout


def _ordered(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep entries that stay in their old order, then the ones moving in."""
    ids = {entry["id"] for entry in after}
    kept = [entry for entry in before if entry["id"] in ids]
    kept_ids = {entry["id"] for entry in kept}
    return kept + [entry for entry in after if entry["id"] not in kept_ids]


def header(name: str, base: BaseLayer) -> list[str]:
    folder, _, stem = name.rpartition("/")
    stem = stem.removesuffix(".yaml")
    country = f"{base.name(stem)} ({stem})" if stem in base else stem
    return {
        "countries": [f"{country}: facts about the country itself. Format: docs/kb-format.md"],
        "entry": [
            f"Entry rules for citizens of {country}: which documents other states admit them on."
        ],
        "incidents": [f"Documented incidents that happened in {country}."],
        "transnational": [
            f"What {country} did to its exiles and critics abroad, wherever it happened."
        ],
        "memberships": [f"Which states joined or left {stem}, and when."],
    }.get(folder, [])


def write_layout(layout: Layout, base: BaseLayer, data_dir: Path = DATA_DIR) -> list[str]:
    """Rewrite the files that change; remove those left empty. Returns the files touched."""
    touched = []
    for name in sorted(layout.changed):
        path = data_dir / name
        sections = layout.files[name]
        if not any(sections.values()):
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            keep_header = _existing_header(path) if path.exists() else []
            path.write_text(
                knowledge_file(header(name, base) or keep_header, sections), encoding="utf-8"
            )
        touched.append(name)
    return touched


def _existing_header(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].removeprefix(" "))
    return lines


def layout_defects(layout: Layout) -> list[Defect]:
    """What `kb check` reports: facts outside their home file, sources defined twice or unused."""
    defects = [
        Defect(origin, what, f"belongs in {home} (run `safepassage kb tidy`)")
        for what, origin, home in layout.moves
        if what.startswith("fact")
    ]
    defects += [
        Defect(
            names[1],
            f"source {source_id}",
            f"defined again (first in {names[0]}); define a source once",
        )
        for source_id, names in layout.twice
    ]
    defects += [
        Defect(name, f"source {source_id}", "no fact cites it; remove it or cite it")
        for source_id, name in layout.uncited
    ]
    defects += [
        Defect("sources", f"source {other}", f"has the same URL as {first}; use one id")
        for _url, first, other in layout.same_url
    ]
    return defects
