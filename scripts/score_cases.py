"""Score the engine on the published reference cases: how often the rating lands in the band that
follows from what happened, how often within one band of it, how well the ratings rank the cases
(Spearman), and how well they separate the cases that ended in harm from the rest (AUC).

    python scripts/score_cases.py [--pending] [--list] [DIR ...]

Defaults to tests/cases/. `--pending` adds tests/cases-pending/. `--list` prints every case.

Definitions (the README quotes these figures):
- exact: the rating is inside the expected band ([elevated, unsafe] accepts either).
- within one: the rating is inside the band or one step outside it; `unknown` is never within.
- Spearman: rank correlation between the engine's ordinal (rating index, with the score inside
  the band breaking ties) and the middle of the expected band; `unknown` ratings are left out.
- AUC (unsafe vs rest): the cases whose band includes `unsafe` (the person was harmed, returned,
  or nearly so) against the others, ranked by the same ordinal; the probability that a harmed
  case ranks above a protected one (ties count half). `unknown` ratings are left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from safepassage.assess import assess_country
from safepassage.assess.factor import RATING_ORDER
from safepassage.kb import KnowledgeBase, load
from safepassage.profile.reader import profile_from_data

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
PENDING = ROOT / "tests" / "cases-pending"


@dataclass(frozen=True)
class CaseResult:
    name: str
    country: str
    as_of: dt.date
    band: tuple[str, ...]  # the ratings the case accepts, in order
    rating: str
    score: float | None

    @property
    def exact(self) -> bool:
        return self.rating in self.band

    @property
    def within_one(self) -> bool:
        if self.rating not in RATING_ORDER:
            return False
        index = RATING_ORDER.index(self.rating)  # type: ignore[arg-type]
        low, high = RATING_ORDER.index(self.band[0]), RATING_ORDER.index(self.band[-1])  # type: ignore[arg-type]
        return low - 1 <= index <= high + 1

    @property
    def ordinal(self) -> float | None:
        """The engine's answer as one number: rating index, score breaking ties within it."""
        if self.rating not in RATING_ORDER:
            return None
        return RATING_ORDER.index(self.rating) + (self.score or 0.0) / 1000  # type: ignore[arg-type]

    @property
    def expected_middle(self) -> float:
        return sum(RATING_ORDER.index(r) for r in (self.band[0], self.band[-1])) / 2  # type: ignore[arg-type]

    @property
    def harmed(self) -> bool:
        return "unsafe" in self.band


def band_of(expected: Sequence[str]) -> tuple[str, ...]:
    ordered = sorted(expected, key=RATING_ORDER.index)  # type: ignore[arg-type]
    low, high = ordered[0], ordered[-1]  # [unsafe] or [elevated, unsafe], either way round
    return tuple(RATING_ORDER[RATING_ORDER.index(low) : RATING_ORDER.index(high) + 1])


def run_case(kb: KnowledgeBase, path: Path) -> CaseResult:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    profile = profile_from_data(case["profile"])
    assessment = assess_country(profile, case["country"], kb.view(case["as_of"]))
    return CaseResult(
        name=path.stem,
        country=case["country"],
        as_of=case["as_of"],
        band=band_of(case["expected"]),
        rating=assessment.rating,
        score=assessment.score,
    )


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    if len(xs) < 3:
        return None
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return None if vx == 0 or vy == 0 else cov / (vx * vy)


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float | None:
    if not positives or not negatives:
        return None
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


@dataclass(frozen=True)
class Scores:
    cases: int
    exact: float
    within_one: float
    spearman: float | None
    auc: float | None
    unknown: int


def score(results: Iterable[CaseResult]) -> Scores:
    items = list(results)
    rated = [r for r in items if r.ordinal is not None]
    return Scores(
        cases=len(items),
        exact=sum(r.exact for r in items) / len(items) if items else 0.0,
        within_one=sum(r.within_one for r in items) / len(items) if items else 0.0,
        spearman=spearman([r.ordinal for r in rated], [r.expected_middle for r in rated]),  # type: ignore[misc]
        auc=auc(
            [r.ordinal for r in rated if r.harmed],  # type: ignore[misc]
            [r.ordinal for r in rated if not r.harmed],  # type: ignore[misc]
        ),
        unknown=len(items) - len(rated),
    )


def case_files(folders: Iterable[Path]) -> list[Path]:
    return sorted(p for folder in folders for p in folder.glob("*.yaml"))


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--pending", action="store_true", help="add tests/cases-pending/")
    parser.add_argument("--list", action="store_true", help="print every case")
    parser.add_argument("--kb", type=Path, help="another knowledge-base folder (a branch's data)")
    args = parser.parse_args(argv)
    folders = args.folders or [CASES]
    if args.pending:
        folders.append(PENDING)
    kb = load(args.kb) if args.kb else load()
    results = [run_case(kb, path) for path in case_files(folders)]
    if args.list:
        for r in results:
            mark = "exact" if r.exact else "near " if r.within_one else "MISS "
            print(
                f"{mark} {r.name:40} {r.country} {r.as_of}  {r.rating:8} "
                f"(score {r.score})  expected {r.band[0]}..{r.band[-1]}"
            )
    s = score(results)
    print(
        f"{s.cases} cases: exact {s.exact:.0%}, within one band {s.within_one:.0%}, "
        f"Spearman {_fmt(s.spearman)}, AUC (unsafe vs rest) {_fmt(s.auc)}"
        + (f"; {s.unknown} rated unknown" if s.unknown else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
