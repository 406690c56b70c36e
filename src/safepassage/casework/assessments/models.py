"""Assessments stored as snapshots: what the engine said, from which knowledge-base version and
as-of date, so a later reader sees what was known when a decision was made."""

from __future__ import annotations

import json
from typing import Any

from django.db import models
from pydantic import BaseModel

from safepassage.casework.cases.models import Case, Sealed
from safepassage.casework.vault.sealing import seal, unseal


class SnapshotSummary(BaseModel):
    as_of: str
    kb_version: str
    scope: list[str] | None  # the countries asked for; None = every country
    ratings: dict[str, str]  # country -> rating


class Snapshot(Sealed):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="snapshots")
    sealed_summary = models.BinaryField()  # small, for lists and comparisons

    def seal_report(self, key: bytes, report: dict[str, Any], summary: SnapshotSummary) -> None:
        self.sealed = seal(key, _json(report), self._place("report"))
        self.sealed_summary = seal(key, summary.model_dump_json().encode(), self._place("summary"))

    def open_report(self, key: bytes) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(unseal(key, bytes(self.sealed), self._place("report")))
        return data

    def open_summary(self, key: bytes) -> SnapshotSummary:
        return SnapshotSummary.model_validate_json(
            unseal(key, bytes(self.sealed_summary), self._place("summary"))
        )


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
