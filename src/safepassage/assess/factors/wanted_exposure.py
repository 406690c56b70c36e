"""Wanted lists: a search request, criminal case or Interpol notice travels along legal ties."""

from __future__ import annotations

from safepassage.assess.evidence import refusals_and_grants, shared_instruments, tie_memberships
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Choice, Count, Country, Message, Terms, message, sentences
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
            "search_request": wanted.search_request,
            "criminal_case": wanted.criminal_case,
            "interpol": wanted.interpol,
        }
        listed = tuple(key for key, value in flags.items() if value is True)
        if not listed:
            if all(value is False for value in flags.values()):
                return Finding(
                    factor=self.name, risk=0.1, message=message("wanted_exposure-not-listed")
                )
            return Missing(self.name, message("wanted_exposure-missing-wanted"))
        here = Country(context.country)
        what = Terms("wanted_exposure-listed", listed)
        worst: Finding | None = None
        for state in pursuers:
            there = Country(state)
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
            said: list[Message] = []
            if channels or practice:
                risk = 0.9
                said.append(message("wanted_exposure-subject", what=what, there=there))
                if channels:
                    said.append(
                        message(
                            "wanted_exposure-channels",
                            here=here,
                            there=there,
                            channels=Count(len(channels)),
                        )
                    )
                if practice:
                    said.append(message("wanted_exposure-practice", here=here, there=there))
            elif wanted.interpol is True:
                risk = 0.6
                said.append(message("wanted_exposure-interpol", here=here))
            elif tie_memberships(context, context.country) or refusals_and_grants(context, state):
                risk = 0.3
                said.append(
                    message("wanted_exposure-no-convention", what=what, here=here, there=there)
                )
            else:
                continue
            protection = refusals_and_grants(context, state)
            if protection:
                risk, relief = self._relieved(context, state, risk, protection, practice)
                said.append(relief)
                used += protection[:2]
            finding = Finding(self.name, risk, sentences(said), facts=tuple(used))
            if worst is None or finding.risk > worst.risk:
                worst = finding
        return worst or Missing(self.name, message("wanted_exposure-missing-treaties", here=here))

    def _relieved(
        self,
        context: Context,
        state: str,
        risk: float,
        protection: list[FactBase],
        practice: list[CooperationPracticeFact],
    ) -> tuple[float, Message]:
        """Courts here that refused this state's extradition requests, and asylum granted to its
        nationals, make a wanted notice less likely to end in removal; a record of acting on
        its requests as well halves that relief."""
        refused = [f for f in protection if _is_refusal(f)]
        granted = [f for f in protection if not _is_refusal(f)]
        relief = (REFUSAL_RELIEF if refused else 0.0) + (GRANT_RELIEF if granted else 0.0)
        if practice:
            relief /= 2
        kinds = "both" if refused and granted else ("refused" if refused else "granted")
        said = message(
            "wanted_exposure-relief",
            here=Country(context.country),
            there=Country(state),
            kinds=Choice(kinds),
        )
        return max(risk - relief, RELIEVED_MIN), said


def _is_refusal(fact: FactBase) -> bool:
    if isinstance(fact, CooperationPracticeFact):
        return fact.value.practice == "refused_extradition"
    return isinstance(fact, IncidentFact) and "extradition_refused" in fact.value.outcomes


FACTOR = WantedExposureFactor()
