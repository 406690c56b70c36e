"""Read a data frame out of an R `.rda` file as plain rows (the `rdata` package; `import` extra)."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from safepassage.kb.importers.importer import ImportFailure, RowError


def rda_rows(path: Path, frame: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(R row name, {column: value}) for each row of the data frame `frame` in `path`.

    Missing values (R's NA) come back as None.
    """
    try:
        import rdata
    except ImportError as error:  # pragma: no cover - the dev and import extras install it
        raise ImportFailure("reading .rda files needs `pip install safepassage[import]`") from error
    try:
        with warnings.catch_warnings():
            # tibbles have no Python constructor; rdata falls back to a data.frame, as we want
            warnings.simplefilter("ignore", UserWarning)
            objects = rdata.read_rda(path)
    except Exception as error:
        raise ImportFailure(f"{path.name}: not a readable R data file ({error})") from error
    if frame not in objects:
        raise ImportFailure(f"{path.name}: holds no data frame named {frame!r}")
    table = objects[frame]
    columns = [str(c) for c in table.columns]
    for row_name, values in zip(table.index, table.itertuples(index=False, name=None), strict=True):
        yield str(row_name), {c: _plain(v) for c, v in zip(columns, values, strict=True)}


def _plain(value: Any) -> Any:
    if value is None or type(value).__name__ == "NAType":  # pandas.NA, without importing pandas
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def need(file: str, row: str, record: dict[str, Any], column: str) -> Any:
    if column not in record:
        raise RowError(file, row, column, "column missing from the data frame")
    value = record[column]
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RowError(file, row, column, "empty")
    return value


def count(file: str, row: str, record: dict[str, Any], column: str) -> int:
    """A non-negative whole number of people or cases."""
    value = need(file, row, record, column)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise RowError(file, row, column, f"expected a whole number, got {value!r}")
    if value < 0:
        raise RowError(file, row, column, f"negative count {value!r}")
    return int(value)
