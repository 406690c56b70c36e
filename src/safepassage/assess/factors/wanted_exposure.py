"""Wanted lists: a search request, criminal case or Interpol notice travels along legal ties."""

from __future__ import annotations

from safepassage.assess.evidence import memberships, refusals_and_grants, shared_instruments
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import CooperationPracticeFact, FactBase, IncidentFact

# How much documented refusals of the pursuer's extradition requests, and asylum grants to its
# nationals, lower the risk of a wanted notice here.
REFUSAL_RELIEF = 0.3
GRANT_RELIEF = 0.2
RELIEVED_MIN = 0.15
# Instrument kinds through which interstate wanted lists circulate.
WANTED_LIST_KINDS = frozenset({"legal_assistance", "security_bloc", "anti_extremism"})


class WantedExposureFactor:
    name = "wanted_exposure"
    family = "legal_cooperation"
    scope = "person"
    weights = Weights(family=2, state=3, non_state=0.5)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        pursuers = context.foreign_pursuers
        if not pursuers:
            return None
        wanted = context.profile.wanted
        flags = {
            "a search request": wanted.search_request,
            "a criminal case": wanted.criminal_case,
            "an Interpol notice": wanted.interpol,
        }
        listed = [label for label, value in flags.items() if value is True]
        if not listed:
            if all(value is False for value in flags.values()):
                return Finding(
                    factor=self.name,
                    risk=0.1,
                    summary="The person is not known to be on any wanted list.",
                )
            return Missing(
                self.name, "whether the person is on a wanted list or has a criminal case"
            )
        here = context.name(context.country)
        worst: Finding | None = None
        for state in pursuers:
            there = context.name(state)
            channels = [
                (mine, theirs)
                for mine, theirs in shared_instruments(context, state)
                if context.view.instrument(mine.value.instrument).kind in WANTED_LIST_KINDS
            ]
            practice = [
                f
                for f in context.view.of_kind(context.country, CooperationPracticeFact)
                if f.value.counterpart == state
                and f.value.practice in ("wanted_list_detention", "extradition")
            ]
            used: list[FactBase] = [f for pair in channels for f in pair]
            used += practice
            what = " and ".join(listed)
            if channels or practice:
                risk = 0.9
                reasons = []
                if channels:
                    reasons.append(
                        f"{here} shares {len(channels)} legal-assistance or security "
                        f"instrument(s) with {there} through which such requests circulate"
                    )
                if practice:
                    reasons.append(
                        f"{here} has detained or extradited people on {there}'s requests before"
                    )
                summary = (
                    f"The person is subject to {what} from {there}; " + " and ".join(reasons) + "."
                )
            elif wanted.interpol is True:
                risk, summary = 0.6, f"An Interpol notice can lead to arrest in {here}."
            elif memberships(context, context.country) or refusals_and_grants(context, state):
                risk = 0.3
                summary = (
                    f"The person is subject to {what} from {there}, but {here} shares no "
                    "legal-assistance convention with it on record."
                )
            else:
                continue
            protection = refusals_and_grants(context, state)
            if protection:
                risk, summary = self._relieved(context, state, risk, summary, protection, practice)
                used += protection[:2]
            finding = Finding(self.name, risk, summary, facts=tuple(used))
            if worst is None or finding.risk > worst.risk:
                worst = finding
        return worst or Missing(self.name, f"treaty memberships of {here}")

    def _relieved(
        self,
        context: Context,
        state: str,
        risk: float,
        summary: str,
        protection: list[FactBase],
        practice: list[CooperationPracticeFact],
    ) -> tuple[float, str]:
        """Courts here that refused this state's extradition requests, and asylum granted to its
        nationals, make a wanted notice less likely to end in removal; a record of acting on
        its requests as well halves that relief."""
        refused = [f for f in protection if _is_refusal(f)]
        granted = [f for f in protection if not _is_refusal(f)]
        relief = (REFUSAL_RELIEF if refused else 0.0) + (GRANT_RELIEF if granted else 0.0)
        if practice:
            relief /= 2
        here, there = context.name(context.country), context.name(state)
        said = []
        if refused:
            said.append(f"its courts or government have refused {there}'s extradition requests")
        if granted:
            said.append(f"it has granted asylum to {there}'s nationals")
        summary = summary.rstrip(".") + f"; but in {here} " + " and ".join(said) + "."
        return max(risk - relief, RELIEVED_MIN), summary


def _is_refusal(fact: FactBase) -> bool:
    if isinstance(fact, CooperationPracticeFact):
        return fact.value.practice == "refused_extradition"
    return isinstance(fact, IncidentFact) and "extradition_refused" in fact.value.outcomes


FACTOR = WantedExposureFactor()
