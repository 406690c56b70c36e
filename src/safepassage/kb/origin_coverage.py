"""Coverage per origin and host (`safepassage kb stats --origins`): for each origin state, the
host or transit countries whose facts concern that origin, and in how many fact kinds.

A fact concerns origin O in host H when it is about H and it names O (`about`, or the
`counterpart` of an agreement or practice), or concerns one of O's communities, or is H's
membership of an instrument that O is also a party or member of (a legal or security tie).
A community belongs to O when some fact names both (an incident or a count of that community
with `about: O`), so the mapping comes from the data, not from code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from safepassage.kb.knowledge import KnowledgeView
from safepassage.kb.models import BINDING_STATUSES, MembershipFact


@dataclass(frozen=True)
class OriginCoverage:
    origin: str
    kinds_by_host: dict[str, set[str]]
    incidents: int

    def hosts_with(self, min_kinds: int) -> list[str]:
        return sorted(h for h, kinds in self.kinds_by_host.items() if len(kinds) >= min_kinds)


def _communities(view: KnowledgeView) -> dict[str, set[str]]:
    by_origin: dict[str, set[str]] = defaultdict(set)
    for fact in view.facts:
        if fact.community and fact.about:
            by_origin[fact.about].add(fact.community)
    return by_origin


def _ties(view: KnowledgeView) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)  # instrument -> countries
    for fact in view.all_of_kind(MembershipFact):
        if fact.value.status in BINDING_STATUSES:
            members[fact.value.instrument].add(fact.country)
    return members


def origin_coverage(view: KnowledgeView, origins: list[str]) -> list[OriginCoverage]:
    communities = _communities(view)
    members = _ties(view)
    result = []
    for origin in origins:
        kinds: dict[str, set[str]] = defaultdict(set)
        incidents = 0
        for fact in view.facts:
            host = fact.country
            if host == origin:
                continue
            counterpart = getattr(fact.value, "counterpart", None)
            names_origin = fact.about == origin or counterpart == origin
            if names_origin or (fact.community and fact.community in communities.get(origin, ())):
                kinds[host].add(fact.kind)
                incidents += fact.kind == "incident" and fact.about == origin
            elif (
                isinstance(fact, MembershipFact)
                and fact.value.status in BINDING_STATUSES
                and origin in members.get(fact.value.instrument, ())
            ):
                kinds[host].add("membership")
        result.append(OriginCoverage(origin, dict(kinds), incidents))
    return result


def render_origin_coverage(rows: list[OriginCoverage], min_kinds: int = 4) -> str:
    """A Markdown table: origin, incidents, hosts with at least `min_kinds` kinds (and how many)."""
    lines = [
        f"| origin | incidents | hosts with ≥{min_kinds} kinds | those hosts (kinds) |",
        "|---|---|---|---|",
    ]
    for row in rows:
        hosts = row.hosts_with(min_kinds)
        detail = ", ".join(f"{h} ({len(row.kinds_by_host[h])})" for h in hosts) or "—"
        lines.append(f"| {row.origin} | {row.incidents} | {len(hosts)} | {detail} |")
    return "\n".join(lines)
