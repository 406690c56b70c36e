"""What every dataset layer offers the knowledge view, and the helpers layers share."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from safepassage.kb.dates import PartialDate
from safepassage.kb.layers.release import DatasetMeta, ReleaseError, changed_files, read_meta
from safepassage.kb.models import FactBase, Instrument, Source

F = TypeVar("F", bound=FactBase)
Key = Literal["country", "about"]


@dataclass(frozen=True)
class LayerContext:
    """What a layer needs from the knowledge base to write its facts."""

    as_of: dt.date
    name: Callable[[str], str]  # country name from the base layer
    instruments: dict[str, Instrument]


class DatasetLayer:
    """Base of the built-in layers: reads metadata and rows lazily, builds facts on demand.

    Subclasses set `name`, `datasets` (the folders they read), `kind` (the fact class they
    give) and `keyed_by`, and implement `_facts(context, key)` and `check_rows(dataset, folder)`.
    """

    name: ClassVar[str]
    datasets: ClassVar[tuple[str, ...]]
    kind: ClassVar[type[FactBase]]
    keyed_by: ClassVar[Key]

    def __init__(self, datasets_dir: Path) -> None:
        self.dir = datasets_dir
        self._meta: dict[str, DatasetMeta] = {}

    def present(self) -> bool:
        return all((self.dir / d).is_dir() for d in self.datasets)

    def meta(self, dataset: str) -> DatasetMeta:
        if dataset not in self._meta:
            self._meta[dataset] = read_meta(self.dir / dataset)
        return self._meta[dataset]

    def sources(self) -> list[Source]:
        return [s for d in self.datasets for s in self.meta(d).sources]

    def known_keys(self) -> list[str]:
        """Every country (or origin) the layer has rows for."""
        raise NotImplementedError

    def facts(self, context: LayerContext, key: str, country: str | None = None) -> list[FactBase]:
        """Facts visible on `context.as_of`: about country `key` (keyed by country), or
        concerning origin `key`, in `country` only when given (keyed by about)."""
        raise NotImplementedError

    def check_rows(self, dataset: str, folder: Path) -> list[str]:
        """Problems in the derived files of `dataset` in `folder` (empty when sound)."""
        raise NotImplementedError

    def count_by_country(self, context: LayerContext) -> Counter[str]:
        """How many facts are visible on `context.as_of` about each country (for `kb stats`)."""
        counts: Counter[str] = Counter()
        for key in self.known_keys():
            for fact in self.facts(context, key):
                counts[fact.country] += 1
        return counts

    def validate_release(self, dataset: str, folder: Path) -> list[str]:
        """Read a release's derived files completely, as the engine would, and check them."""
        try:
            read_meta(folder)
        except ReleaseError as error:
            return [str(error)]
        problems = [
            f"{dataset}/{name}: missing or changed since import (SHA256SUMS)"
            for name in changed_files(folder)
        ]
        return problems or self.check_rows(dataset, folder)

    def warnings(
        self, context: LayerContext, curated: list[FactBase], sources: dict[str, Source]
    ) -> list[str]:
        """Disagreements worth a reviewer's look (not defects); most layers have none."""
        return []


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a derived CSV (plain or gzip-compressed) as dicts."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


class RowIndex:
    """A derived CSV (plain or gzip) whose rows are parsed only for the keys asked for.

    The key is the first column (a country code, never quoted); a cold start asks for a few
    countries out of thousands of rows, so splitting lines is all the work done up front.
    """

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        lines = data.decode("utf-8").splitlines()
        self.header = next(csv.reader(lines[:1]))
        self._lines: dict[str, list[str]] = {}
        for line in lines[1:]:
            self._lines.setdefault(line.split(",", 1)[0], []).append(line)
        self._parsed: dict[str, list[dict[str, str]]] = {}

    def keys(self) -> list[str]:
        return sorted(self._lines)

    def rows(self, key: str) -> list[dict[str, str]]:
        if key not in self._parsed:
            self._parsed[key] = [
                dict(zip(self.header, cells, strict=True))
                for cells in csv.reader(self._lines.get(key, ()))
            ]
        return self._parsed[key]


def iter_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; the header is line 1."""
    yield from enumerate(read_rows(path), start=2)


def build(model: type[F], validate: bool, value: Any, **fields: Any) -> F:
    """A fact of `model`: validated when checking a release, constructed directly at run time
    (the rows were validated when imported and are checked by `kb check`)."""
    value_model = model.model_fields["value"].annotation
    kind = model.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]
    if validate:
        return model.model_validate({**fields, "kind": kind, "value": value})
    built: F = model.model_construct(kind=kind, value=value_model.model_construct(**value), **fields)  # type: ignore[union-attr,assignment]
    return built


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def from_date(value: dt.date) -> PartialDate:
    return PartialDate(value, value, value.isoformat())


def visible(start: PartialDate | None, end: PartialDate | None, as_of: dt.date) -> bool:
    """The knowledge base's as-of rule for a period (cautious with partial dates)."""
    if start is not None and start.latest > as_of:
        return False
    return not (end is not None and end.earliest <= as_of)
