"""Onward options: can the person leave this country for a safer one with what they hold?

A person with only an internal ID can go only where that ID is accepted; if every such place is
tied to the pursuing state by legal-assistance conventions, they are stuck within its reach.
"""

from __future__ import annotations

from safepassage.assess.evidence import join_names, shared_instruments
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import NO_VISA_IN_ADVANCE, DocumentAccessFact, EntryRuleFact, FactBase

TIES = frozenset({"legal_assistance", "extradition", "security_bloc", "anti_extremism"})
# A passport's reach: (at least this many other states without a visa in advance, risk). Most
# passports reach dozens; the few that reach almost none leave a person waiting for visas.
PASSPORT_REACH = ((30, 0.2), (10, 0.3), (1, 0.45))
PASSPORT_NOWHERE = 0.6


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
            if profile.holds("passport"):
                reach = self._passport_reach(context)
                if reach is not None:
                    return reach
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

    def _passport_reach(self, context: Context) -> Finding | None:
        """How many other states the person's passport enters without a visa in advance
        (the Passport Index): the same for every country assessed, so worked out once a run."""
        key = ("onward:passport", context.as_of, tuple(context.profile.citizenship), context.pursuing_states)
        if key not in context.shared:
            open_to: dict[str, EntryRuleFact] = {}
            known = False
            for citizenship in context.profile.citizenship:
                for rule in context.view.from_origin(EntryRuleFact, citizenship):
                    if rule.value.document != "passport" or rule.row is None:
                        continue
                    known = True
                    if (
                        rule.value.admitted
                        and rule.value.requirement in NO_VISA_IN_ADVANCE
                        and rule.country not in context.pursuing_states
                    ):
                        open_to.setdefault(rule.country, rule)
            context.shared[key] = (known, open_to)
        known, open_to = context.shared[key]  # type: ignore[misc]
        if not known:
            return None
        elsewhere = {c: r for c, r in open_to.items() if c != context.country}
        risk = next((r for least, r in PASSPORT_REACH if len(elsewhere) >= least), PASSPORT_NOWHERE)
        examples = [elsewhere[c] for c in sorted(elsewhere)[:3]]
        names = join_names(context.name(r.country) for r in examples)
        snapshot = max((str(r.valid_from) for r in elsewhere.values()), default="")
        return Finding(
            factor=self.name,
            risk=risk,
            summary=(
                f"The person holds a passport, which enters {len(elsewhere)} other states without a "
                f"visa in advance (Passport Index snapshots up to {snapshot}"
                + (f"; among them {names}" if names else "")
                + "), so onward travel is possible."
                if elsewhere
                else "The person holds a passport, but it enters no other state without a visa in "
                "advance (Passport Index): onward travel needs a visa first."
            ),
            facts=tuple(examples),
        )

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
