"""The dataset layers the knowledge base loads, in one list (each reads its derived folders)."""

from __future__ import annotations

from pathlib import Path

from safepassage.kb.layers.air_connections import AirConnectionsLayer
from safepassage.kb.layers.asylum_decisions import AsylumDecisionsLayer
from safepassage.kb.layers.entry_rules import EntryRulesLayer
from safepassage.kb.layers.layer import DatasetLayer
from safepassage.kb.layers.migrant_stock import MigrantStockLayer
from safepassage.kb.layers.rule_of_law import RuleOfLawLayer
from safepassage.kb.layers.treaties import TreatyLayer
from safepassage.kb.loader import DATA_DIR

DATASETS_DIR = DATA_DIR / "datasets"
DEFAULT_LAYERS: tuple[type[DatasetLayer], ...] = (
    TreatyLayer,
    AsylumDecisionsLayer,
    EntryRulesLayer,
    MigrantStockLayer,
    RuleOfLawLayer,
    AirConnectionsLayer,
)


def load_layers(datasets_dir: Path = DATASETS_DIR) -> tuple[DatasetLayer, ...]:
    """A fresh instance of every layer whose datasets are all present."""
    layers = [cls(datasets_dir) for cls in DEFAULT_LAYERS]
    return tuple(layer for layer in layers if layer.present())


def layer_for_dataset(dataset: str, datasets_dir: Path = DATASETS_DIR) -> DatasetLayer | None:
    """The layer that reads `dataset`, to validate a new release of it."""
    for cls in DEFAULT_LAYERS:
        if dataset in cls.datasets:
            return cls(datasets_dir)
    return None
