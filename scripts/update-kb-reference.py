"""Rewrite the generated fact-kind reference in docs/kb-format.md from the models."""

from __future__ import annotations

from pathlib import Path

from safepassage.kb.reference import render_reference

DOC = Path(__file__).parents[1] / "docs" / "kb-format.md"

if __name__ == "__main__":
    DOC.write_text(render_reference(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {DOC}")
