"""Onward options: can the person leave this country for a safer one with what they hold?

A person with only an internal ID can go only where that ID is accepted; if every such place is
tied to the pursuing state by legal-assistance conventions, they are stuck within its reach.
"""

from __future__ import annotations

from safepassage.assess.evidence import join_names, shared_instruments
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import DocumentAccessFact, EntryRuleFact, FactBase

HELD_RISK = 0.2
CANCELLABLE_RISK = 0.5
STATUS_WORDS = {
    "valid": "valid",
    "expired": "expired",
    "cancelled": "cancelled",
    "held_by_family": "held by the family",
}
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
        restricted = [
            f
            for country in profile.citizenship
            for f in context.view.of_kind(country, DocumentAccessFact)
            if f.value.document == "passport"
            and f.value.access != "normal"
            and (f.community is None or f.community in profile.community)
            and (f.value.gender is None or f.value.gender == profile.gender)
        ]
        if profile.holds("refugee_travel_document"):
            return Finding(
                factor=self.name,
                risk=HELD_RISK,
                summary="The person holds a refugee travel document, so onward travel to a safer "
                "country is possible.",
            )
        if profile.holds("passport"):
            # Every passport the person can hold is the pursuing state's, and that state is
            # documented cancelling or refusing passports: the one held may not last the journey.
            only_pursuers = set(profile.citizenship) <= context.pursuing_states
            if only_pursuers and restricted:
                return Finding(
                    factor=self.name,
                    risk=CANCELLABLE_RISK,
                    summary=(
                        "The person holds a passport, but the issuing state restricts or cancels "
                        f"passports ({restricted[0].summary.rstrip('.')}): it may be invalidated "
                        "or not renewed before the person is safe."
                    ),
                    facts=tuple(restricted[:1]),
                )
            return Finding(
                factor=self.name,
                risk=HELD_RISK,
                summary="The person holds a passport, so onward travel to a safer country is possible.",
            )
        status = profile.passport_status
        if not profile.holds("internal_id"):
            return Finding(
                factor=self.name,
                risk=0.95,
                summary=(
                    f"The person's passport is {STATUS_WORDS[status]} and they hold no other "
                    "identity or travel document: no lawful onward travel."
                    if status
                    else "The person holds no identity or travel document: no lawful onward travel."
                ),
                facts=tuple(restricted[:1]),
            )
        destinations = self._internal_id_destinations(context)
        used: list[FactBase] = [*restricted[:1]]
        no_passport = (
            f"The person's passport is {STATUS_WORDS[status]}"
            if status
            else "The person has no international passport"
        ) + (f" ({restricted[0].summary.rstrip('.')})" if restricted else "")
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
        """Where else the person's internal ID is admitted (the same list for every country
        assessed in a run, less the country itself)."""
        key = ("internal_id_destinations",)
        if key not in context.shared:
            citizenships = set(context.profile.citizenship)
            found: dict[str, EntryRuleFact] = {}
            for rule in context.view.all_of_kind(EntryRuleFact):
                if (
                    rule.about in citizenships
                    and rule.value.document == "internal_id"
                    and rule.value.admitted
                    and rule.country not in context.pursuing_states
                ):
                    # one rule per destination is enough to name it; several may hold at once
                    found.setdefault(rule.country, rule)
            context.shared[key] = sorted(found.items())
        everywhere: list[tuple[str, EntryRuleFact]] = context.shared[key]  # type: ignore[assignment]
        return [(code, rule) for code, rule in everywhere if code != context.country]

    def _tied(self, context: Context, destination: str) -> bool:
        key = ("tied_to_pursuers", destination)
        if key not in context.shared:
            probe = context.elsewhere(destination)
            context.shared[key] = any(
                context.view.instrument(mine.value.instrument).kind in TIES
                for state in context.pursuing_states
                for mine, _ in shared_instruments(probe, state)
            )
        return bool(context.shared[key])


FACTOR = OnwardOptionsFactor()
