"""The dependency audit step (scripts/audit-dependencies.py) reads pip-audit's JSON report: a
known vulnerability fails the step, packages PyPI could not answer for are named in a warning
(and fail only in strict mode)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit-dependencies.py"


def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLEAN = {"name": "waitress", "version": "3.0.2", "vulns": []}
VULNERABLE = {"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"], "aliases": []}]}
UNCHECKED = {"name": "zxcvbn", "skip_reason": "Dependency not found on PyPI and could not be audited: zxcvbn (4.5.0)"}


def test_a_known_vulnerability_fails_and_names_the_fix() -> None:
    code, lines = audit().summarise({"dependencies": [CLEAN, VULNERABLE], "fixes": []}, strict=False)
    assert code == 1 and any("django 5.2.0: PYSEC-2025-1 (fixed in: 5.2.1)" in line for line in lines)


def test_clean_passes() -> None:
    code, lines = audit().summarise({"dependencies": [CLEAN], "fixes": []}, strict=True)
    assert code == 0 and lines == ["dependency audit: 1 of 1 packages checked against PyPI, 0 with known vulnerabilities"]


def test_unchecked_packages_are_a_warning_or_in_strict_mode_a_failure() -> None:
    report = {"dependencies": [CLEAN, UNCHECKED], "fixes": []}
    code, lines = audit().summarise(report, strict=False)
    assert code == 0 and "1 not checked" in lines[-1] and "zxcvbn" in lines[-1]
    assert audit().summarise(report, strict=True)[0] == 1
