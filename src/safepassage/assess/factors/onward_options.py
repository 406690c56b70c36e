"""Onward options: can the person leave this country for a safer one with what they hold?

A person with only an internal ID can go only where that ID is accepted; if every such place is
tied to the pursuing state by legal-assistance conventions, they are stuck within its reach.
"""

from __future__ import annotations

from safepassage.assess.evidence import shared_instruments
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Choice, Count, Countries, When, message
from safepassage.kb.dates import PartialDate
from safepassage.kb.models import NO_VISA_IN_ADVANCE, DocumentAccessFact, EntryRuleFact, FactBase

HELD_RISK = 0.2
CANCELLABLE_RISK = 0.5
TIES = frozenset({"legal_assistance", "extradition", "security_bloc", "anti_extremism"})
# A passport's reach: (at least this many other states without a visa in advance, risk). Most
# passports reach dozens; the few that reach almost none leave a person waiting for visas.
PASSPORT_REACH = ((30, HELD_RISK), (10, 0.3), (1, 0.45))
PASSPORT_NOWHERE = 0.6


class OnwardOptionsFactor:
    name = "onward_options"
    family = "onward"
    scope = "person"
    weights = Weights(family=2, state=1.5, non_state=1.5)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        profile = context.profile
        if profile.documents is None:
            return Missing(self.name, message("onward_options-missing"))
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
                message=message("onward_options-refugee_document"),
            )
        if profile.holds("passport"):
            # Every passport the person can hold is the pursuing state's, and that state is
            # documented cancelling or refusing passports: the one held may not last the journey.
            only_pursuers = set(profile.citizenship) <= context.pursuing_states
            if only_pursuers and restricted:
                return Finding(
                    factor=self.name,
                    risk=CANCELLABLE_RISK,
                    message=message("onward_options-passport-cancellable"),
                    facts=tuple(restricted[:1]),
                )
            reach = self._passport_reach(context)  # where the Passport Index says it goes
            return reach or Finding(
                factor=self.name,
                risk=HELD_RISK,
                message=message("onward_options-passport"),
            )
        status = profile.passport_status
        if not profile.holds("internal_id"):
            return Finding(
                factor=self.name,
                risk=0.95,
                message=message("onward_options-no-documents", passport=Choice(status or "none")),
                facts=tuple(restricted[:1]),
            )
        destinations = self._internal_id_destinations(context)
        used: list[FactBase] = [*restricted[:1]]
        # the restriction's own words are in its fact, cited with the finding
        no_passport = message(
            "onward_options-no-passport",
            passport=Choice(status or "none"),
            restricted=Choice("yes" if restricted else "no"),
        )
        if not destinations:
            return Finding(
                factor=self.name,
                risk=0.85,
                message=message("onward_options-internal-nowhere", no_passport=no_passport),
                facts=tuple(used),
            )
        tied = [d for d, rule in destinations if self._tied(context, d)]
        used += [rule for _, rule in destinations]
        where = Countries(tuple(d for d, _ in destinations))
        all_tied = len(tied) == len(destinations)
        return Finding(
            self.name,
            0.9 if all_tied else 0.6,
            message(
                "onward_options-internal-tied" if all_tied else "onward_options-internal-some",
                no_passport=no_passport,
                destinations=where,
                count=Count(len(destinations)),
            ),
            facts=tuple(used),
        )

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
            ordered = [open_to[c] for c in sorted(open_to)]
            latest = max((str(r.valid_from) for r in ordered if r.valid_from), default="")
            context.shared[key] = (known, ordered, latest)
        cached: tuple[bool, list[EntryRuleFact], str] = context.shared[key]  # type: ignore[assignment]
        known, ordered, snapshot = cached
        if not known:
            return None
        reached = len(ordered) - any(r.country == context.country for r in ordered)
        risk = next((r for least, r in PASSPORT_REACH if reached >= least), PASSPORT_NOWHERE)
        examples = [r for r in ordered[:4] if r.country != context.country][:3]
        if not reached:
            return Finding(self.name, risk, message("onward_options-passport-nowhere"), facts=())
        return Finding(
            factor=self.name,
            risk=risk,
            message=message(
                "onward_options-passport-reach",
                reached=Count(reached),
                snapshot=When(PartialDate.parse(snapshot or context.as_of.isoformat())),
                examples=Countries(tuple(r.country for r in examples)),
            ),
            facts=tuple(examples),
        )

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
