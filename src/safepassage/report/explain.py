"""What a report says about one assessment beyond its findings, as messages: how the rating
came about (caveats), what is missing, the floor a finding sets. Worked out from the JSON shape
of an assessment (DESIGN §5), so a stored snapshot is explained exactly as a fresh run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from safepassage.assess.message import Factors, Message, Rating, message
from safepassage.report.messages import Wording


def caveats(a: Mapping[str, Any]) -> list[Message]:
    """Plain sentences on which floor or bound applied and why, what was left out, and how
    thin the ground is. No score or risk figure: those stay in the table."""
    said: list[Message] = []
    rated = a["rating"] != "unknown"
    if a.get("structural_only") and rated:
        said.append(message("caveat-structural"))
    floor = a.get("floor")
    if floor and floor.get("factor") and rated:
        said.append(
            message(
                "caveat-floored" if floor.get("decided_rating") else "caveat-floor",
                rating=Rating(floor["rating"]),
                label=Factors((floor["factor"],)),
            )
        )
    bound = a.get("bound")
    if bound and bound.get("factor"):
        said.append(message("caveat-bound", label=Factors((bound["factor"],))))
    if a.get("lifted_from_lower"):
        said.append(message("caveat-lifted", lower=Rating("lower"), moderate=Rating("moderate")))
    uncounted = sorted(f["factor"] for f in a.get("findings", []) if f.get("counted") is False)
    if uncounted:
        said.append(message("caveat-uncounted", labels=Factors(tuple(uncounted))))
    return said


def finding_message(finding: Mapping[str, Any]) -> Message | None:
    """A stored finding's message; None for one stored before schema 1.2 (summary only)."""
    raw = finding.get("message")
    return Message.from_json(raw) if raw else None


def missing_message(missing: Mapping[str, Any]) -> Message | None:
    raw = missing.get("message")
    return Message.from_json(raw) if raw else None


@dataclass(frozen=True)
class SaidFinding:
    """One finding as every face shows it."""

    factor: str
    label: str
    text: str
    language: str  # the text's language: "en" for a finding stored before messages existed
    floor: str  # the rating word it keeps the rating at or above, or ""
    risk: float
    sources: list[dict[str, str]]
    facts: list[str]


@dataclass(frozen=True)
class SaidMissing:
    factor: str
    label: str
    text: str
    language: str


@dataclass(frozen=True)
class SaidAssessment:
    """One country's assessment in the reader's language: the same words on the command line,
    the casework pages and the dossiers."""

    country: str
    name: str
    rating: str
    rating_word: str
    score: float | None
    confidence: str
    confidence_word: str
    coverage: float
    findings: list[SaidFinding]
    caveats: list[str]
    missing: list[SaidMissing]

    @property
    def headline(self) -> str:
        """The main reason: the first finding, which the engine puts first because it decides
        most (the floor-setter, else the weightiest about this country)."""
        return self.findings[0].text if self.findings else ""


def said_finding(f: Mapping[str, Any], wording: Wording) -> SaidFinding:
    """One finding of the JSON shape in `wording`'s language (its stored English summary when
    it predates messages)."""
    said = finding_message(f)
    return SaidFinding(
        factor=f["factor"],
        label=wording.factor_label(f["factor"]),
        text=wording.say(said) if said else f["summary"],
        language=wording.language if said else "en",
        floor=wording.rating(f["floor"]) if f.get("floor") else "",
        risk=float(f["risk"]),
        sources=list(f.get("sources", [])),
        facts=list(f.get("facts", [])),
    )


def explain(a: Mapping[str, Any], wording: Wording) -> SaidAssessment:
    """Say one assessment (one entry of the JSON "assessments") in `wording`'s language."""
    findings = [said_finding(f, wording) for f in a["findings"]]
    missing = []
    for m in a["missing"]:
        said = missing_message(m)
        missing.append(
            SaidMissing(
                factor=m["factor"],
                label=wording.factor_label(m["factor"]),
                text=wording.say(said) if said else m["what"],
                language=wording.language if said else "en",
            )
        )
    return SaidAssessment(
        country=a["country"],
        name=wording.country(a["country"]),
        rating=a["rating"],
        rating_word=wording.rating(a["rating"]),
        score=a.get("score"),
        confidence=a["confidence"],
        confidence_word=wording.confidence(a["confidence"]),
        coverage=float(a.get("coverage", 0.0)),
        findings=findings,
        caveats=[wording.say(c) for c in caveats(a)],
        missing=missing,
    )
