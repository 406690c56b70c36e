"""`kb check` for the derived datasets: their files, their sources, and what they contradict.

Defects (the check fails): a dataset folder without valid metadata, a derived file changed or
added since its import (SHA256SUMS), a dataset source id that a curated file also defines, and,
with `--datasets`, any row the engine could not read. Warnings (reported, the check passes):
disagreements between the two treaty tables and between a curated membership and the tables,
each with how it was resolved.
"""

from __future__ import annotations

from pathlib import Path

from safepassage.kb.base import BaseLayer
from safepassage.kb.layers.layer import DatasetLayer, LayerContext
from safepassage.kb.layers.registry import DATASETS_DIR, DEFAULT_LAYERS, load_layers
from safepassage.kb.layers.release import ReleaseError, changed_files, read_meta
from safepassage.kb.loader import Defect, RawKnowledge


def dataset_defects(
    raw: RawKnowledge, datasets_dir: Path = DATASETS_DIR, rows: bool = False
) -> list[Defect]:
    defects: list[Defect] = []
    known = {d for cls in DEFAULT_LAYERS for d in cls.datasets}
    if not datasets_dir.is_dir():
        return defects
    for folder in sorted(p for p in datasets_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        where = f"datasets/{folder.name}"
        if folder.name not in known:
            defects.append(Defect(where, "", "no layer reads this dataset"))
            continue
        try:
            meta = read_meta(folder)
        except ReleaseError as error:
            defects.append(Defect(where, "metadata", str(error)))
            continue
        for name in changed_files(folder):
            defects.append(Defect(where, name, "changed since it was imported (SHA256SUMS); re-run `kb import`"))
        for source in meta.sources:
            if source.id in raw.sources:
                defects.append(Defect(where, f"source {source.id}", "id also defined in a curated file"))
    for partial in sorted(datasets_dir.glob(".*")):
        defects.append(Defect(f"datasets/{partial.name}", "", "left over from an interrupted import; delete it"))
    if rows and not defects:
        for layer in load_layers(datasets_dir):
            for dataset in layer.datasets:
                for problem in layer.check_rows(dataset, datasets_dir / dataset):
                    defects.append(Defect(f"datasets/{dataset}", "", problem))
    return defects


def dataset_warnings(raw: RawKnowledge, base: BaseLayer, datasets_dir: Path = DATASETS_DIR) -> list[str]:
    """What the layers find worth a reviewer's look, curated facts included."""
    import datetime as dt

    context = LayerContext(dt.date.max, base.name, raw.instruments)
    layers: tuple[DatasetLayer, ...] = load_layers(datasets_dir)
    warnings: list[str] = []
    for layer in layers:
        warnings.extend(layer.warnings(context, list(raw.facts), raw.sources))
    return warnings
