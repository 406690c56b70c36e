"""JSON, exactly as DESIGN.md §5 specifies, for scripts and other tools."""

from __future__ import annotations

import json

from safepassage.report.model import Report


class JsonFormat:
    name = "json"
    suffix = ".json"

    def render(self, report: Report) -> str:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


FORMAT = JsonFormat()
