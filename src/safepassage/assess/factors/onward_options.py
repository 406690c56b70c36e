"""Onward options: can the person leave this country for a safer one with what they hold?

A person with only an internal ID can go only where that ID is accepted; if every such place is
tied to the pursuing state by legal-assistance conventions, they are stuck within its reach.
"""

from __future__ import annotations

from safepassage.assess.evidence import join_names, shared_instruments
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import DocumentAccessFact, EntryRuleFact, FactBase

TIES = frozenset({"legal_assistance", "extradition", "security_bloc", "anti_extremism"})


class OnwardOptionsFactor:
    name = "onward_options"
    family = "onward"
    scope = "person"
    weights = Weights(family=2, state=1.5, non_state=1.5)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        profile = context.profile
        if profile.documents is None:
            return Missing(self.name, "which documents the person holds")
        if profile.has_travel_document:
            held = "a passport" if profile.holds("passport") else "a refugee travel document"
            return Finding(
                factor=self.name,
                risk=0.2,
                summary=f"The person holds {held}, so onward travel to a safer country is possible.",
            )
        restricted = [
            f
            for country in profile.citizenship
            for f in context.view.of_kind(country, DocumentAccessFact)
            if f.value.document == "passport"
            and f.value.access != "normal"
            and (f.community is None or f.community in profile.community)
        ]
        if not profile.holds("internal_id"):
            return Finding(
                factor=self.name,
                risk=0.95,
                summary="The person holds no identity or travel document: no lawful onward travel.",
                facts=tuple(restricted[:1]),
            )
        destinations = self._internal_id_destinations(context)
        used: list[FactBase] = [*restricted[:1]]
        no_passport = "The person has no international passport" + (
            f" ({restricted[0].summary.rstrip('.')})" if restricted else ""
        )
        if not destinations:
            return Finding(
                factor=self.name,
                risk=0.85,
                summary=(
                    f"{no_passport}; no other country is recorded as admitting them on an "
                    "internal ID, so they cannot travel on lawfully."
                ),
                facts=tuple(used),
            )
        tied = [d for d, rule in destinations if self._tied(context, d)]
        used += [rule for _, rule in destinations]
        names = join_names(context.name(d) for d, _ in destinations)
        if len(tied) == len(destinations):
            risk = 0.9
            tail = (
                f"only {names} admit(s) them on an internal ID, and all are bound to the "
                "pursuing state by legal-assistance or security conventions"
            )
        else:
            risk = 0.6
            tail = f"only {names} admit(s) them on an internal ID"
        return Finding(self.name, risk, f"{no_passport}; {tail}.", facts=tuple(used))

    def _internal_id_destinations(self, context: Context) -> list[tuple[str, EntryRuleFact]]:
        citizenships = set(context.profile.citizenship)
        found: dict[str, EntryRuleFact] = {}
        for rule in context.view.all_of_kind(EntryRuleFact):
            if (
                rule.about in citizenships
                and rule.value.document == "internal_id"
                and rule.value.admitted
                and rule.country != context.country
                and rule.country not in context.pursuing_states
            ):
                # one rule per destination is enough to name it; several may hold at once
                found.setdefault(rule.country, rule)
        return sorted(found.items())

    def _tied(self, context: Context, destination: str) -> bool:
        probe = context.elsewhere(destination)
        return any(
            context.view.instrument(mine.value.instrument).kind in TIES
            for state in context.pursuing_states
            for mine, _ in shared_instruments(probe, state)
        )


FACTOR = OnwardOptionsFactor()
