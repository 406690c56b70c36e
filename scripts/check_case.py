"""Run one reference case (tests/cases/*.yaml) through the engine and say whether it lands in
its expected band. For contributors writing a new case: `python scripts/check_case.py FILE...`."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from score_cases import band_of  # this folder is on sys.path when run as a script

from safepassage.assess import assess_country
from safepassage.kb import load
from safepassage.profile.reader import profile_from_data


def check_case(path: Path) -> bool:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    kb = load()
    assessment = assess_country(
        profile_from_data(case["profile"]), case["country"], kb.view(case["as_of"])
    )
    band = band_of(case["expected"])
    low, high = band[0], band[-1]
    ok = assessment.rating in band
    print(
        f"{'PASS' if ok else 'FAIL'} {path.stem}: {case['country']} as of {case['as_of']} -> "
        f"{assessment.rating} (score {assessment.score}, coverage {assessment.coverage:.2f}); expected {low}..{high}"
    )
    for finding in assessment.findings:
        print(f"  {finding.factor:22} risk {finding.risk:.2f}  {finding.summary[:150]}")
    for missing in assessment.missing:
        print(f"  missing: {missing.factor}: {missing.what}")
    return ok


if __name__ == "__main__":
    results = [check_case(Path(arg)) for arg in sys.argv[1:]]
    sys.exit(0 if results and all(results) else 1)
