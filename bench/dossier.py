"""Dossier rendering times for the founding case (target: under 2 s per dossier).

  warm : each kind and language rendered in one process after the knowledge base is loaded
         (what the casework app does per download), a different case each run: median and
         max of N runs (the max is the first, which also parses fonts and builds the
         knowledge-base views of its dates), and the page count
  cold : `safepassage dossier PROFILE --kind lawyer ...` as a fresh process, end to end

Usage: python bench/dossier.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "founding-case.yaml"
AS_OF = dt.date(2025, 2, 7)


def bench_warm(runs: int) -> list[str]:
    from safepassage.kb import load
    from safepassage.profile import read_profile
    from safepassage.report.dossier import CaseFile, DossierRequest, Removal, render_dossier

    kb = load()
    profile = read_profile(EXAMPLE)
    removal = Removal(dt.date(2025, 2, 10), "06:00", "RU")
    kinds = {
        "lawyer": {"country": "KZ"},
        "un-complaint": {"country": "KZ", "committee": "cedaw", "removal": removal},
        "rule39": {"country": "GE", "removal": removal},
        "coi-annex": {"country": "KZ"},
    }
    lines = []
    for kind, extra in kinds.items():
        for language in ("en", "ru"):
            request = DossierRequest(kind=kind, as_of=AS_OF, language=language, **extra)  # type: ignore[arg-type]
            times, pdf = [], b""
            for run in range(runs):
                # a different name each time, so Typst cannot hand back the previous layout
                case = CaseFile(profile=profile, name=f"Person {run}", from_case=True)
                start = time.perf_counter()
                pdf = render_dossier(kb, request, case)
                times.append(time.perf_counter() - start)
            lines.append(
                f"| {kind} | {language} | {statistics.median(times) * 1000:.0f} | {max(times) * 1000:.0f} | {page_count(pdf)} |"
            )
    return ["| kind | language | median ms | max ms | pages |", "|---|---|---|---|---|", *lines]


def page_count(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        try:
            info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return "?"
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def bench_cold(runs: int) -> str:
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "d.pdf"
        command = [sys.executable, "-m", "safepassage", "dossier", str(EXAMPLE), "--kind", "lawyer",
                   "--as-of", AS_OF.isoformat(), "-o", str(out)]  # fmt: skip
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return (
        f"cold: `safepassage dossier PROFILE --kind lawyer` as a fresh process: median "
        f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for line in bench_warm(args.runs):
        print(line, flush=True)
    print(bench_cold(args.runs), flush=True)


if __name__ == "__main__":
    main()
