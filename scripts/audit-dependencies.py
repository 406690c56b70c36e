"""The dependency audit step of `make test`: pip-audit over what is installed in .venv.

What it checks: every installed distribution (safepassage itself, installed editable, is not
on PyPI and is skipped), by name and exact version, against the vulnerability records PyPI
publishes for that release in its JSON API (https://pypi.org/pypi/NAME/VERSION/json, which
carries the PyPA advisory database). That is pip-audit's `--vulnerability-service pypi`, so
OSV's own API (api.osv.dev) is not needed. Any known vulnerability fails the step, unless its id
is listed, with a reason, in scripts/pip-audit-ignore.txt.

Deterministic: no progress spinner, answers cached in .venv/pip-audit-cache, a fixed list of
accepted ids. When PyPI cannot answer (no network, or a mirror without the per-release JSON, as
on this project's build machine), the packages it could not check are counted and named in one
warning line instead of failing the build; SAFEPASSAGE_AUDIT_STRICT=1 (a CI runner with real
internet access) makes that a failure too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from safepassage.casework.environment import SettingError, flag

ROOT = Path(__file__).resolve().parents[1]
IGNORE = ROOT / "scripts" / "pip-audit-ignore.txt"


def accepted() -> list[str]:
    lines = (line.split("#")[0].strip() for line in IGNORE.read_text(encoding="utf-8").splitlines())
    return [line.split()[0] for line in lines if line]


def main() -> int:
    try:
        strict = flag("SAFEPASSAGE_AUDIT_STRICT")
    except SettingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    command = [
        sys.executable, "-m", "pip_audit", "--local", "--skip-editable", "--vulnerability-service", "pypi",
        "--format", "json", "--progress-spinner", "off", "--timeout", "30",
        "--cache-dir", str(ROOT / ".venv" / "pip-audit-cache"),
    ]
    for vulnerability in accepted():
        command += ["--ignore-vuln", vulnerability]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1][:200]
        print(f"dependency audit: pip-audit could not reach PyPI ({last})", file=sys.stderr)
        return 1 if strict else 0
    code, lines = summarise(report, strict)
    print("\n".join(lines))
    return code


def summarise(report: dict[str, Any], strict: bool) -> tuple[int, list[str]]:
    """pip-audit's JSON report as an exit code and the lines to print."""
    dependencies = report["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    unchecked = sorted(d["name"] for d in dependencies if "skip_reason" in d)
    lines = []
    for dependency in vulnerable:
        ids = ", ".join(v["id"] for v in dependency["vulns"])
        fixes = ", ".join(sorted({f for v in dependency["vulns"] for f in v.get("fix_versions", [])})) or "none yet"
        lines.append(f"dependency audit: {dependency['name']} {dependency['version']}: {ids} (fixed in: {fixes})")
    checked = len(dependencies) - len(unchecked)
    lines.append(f"dependency audit: {checked} of {len(dependencies)} packages checked against PyPI, {len(vulnerable)} with known vulnerabilities")
    if unchecked:
        lines.append(
            f"dependency audit: warning: {len(unchecked)} not checked (PyPI gave no per-release record): "
            + ", ".join(unchecked[:8]) + (" ..." if len(unchecked) > 8 else "")
        )
    return (1 if vulnerable or (strict and unchecked) else 0), lines


if __name__ == "__main__":
    sys.exit(main())
