"""Legal cooperation with the pursuing state: conventions, blocs and bilateral treaties.

Legal-assistance conventions (Minsk 1993 and the like) oblige parties to search for, arrest and
extradite each other's wanted persons; security blocs and anti-extremism conventions add
intelligence sharing. Each shared tie adds risk; the strongest ties dominate.
"""

from __future__ import annotations

from safepassage.assess.evidence import (
    TIE_KINDS,
    bilateral_agreements,
    rule_of_law,
    shared_instruments,
    tie_memberships,
)
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import (
    Choice,
    Country,
    Instruments,
    Message,
    Terms,
    message,
    sentences,
)
from safepassage.kb.models import FactBase

# risk added by one shared instrument of each kind
KIND_RISK = {
    "legal_assistance": 0.35,
    "extradition": 0.25,
    "anti_extremism": 0.2,
    "security_bloc": 0.15,
    "economic_bloc": 0.05,
    "political_bloc": 0.1,
}
BILATERAL_RISK = {"in_force": 0.35, "signed": 0.15}
BASELINE = 0.1


class LegalCooperationFactor:
    name = "legal_cooperation"
    family = "legal_cooperation"
    scope = "country"
    weights = Weights(family=1.5, state=4, non_state=0.5)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        pursuers = context.foreign_pursuers
        if not pursuers:
            return None
        results = [self._with(context, state) for state in pursuers]
        findings = [r for r in results if isinstance(r, Finding)]
        if not findings:
            return results[0]
        return max(findings, key=lambda f: f.risk)

    def _with(self, context: Context, state: str) -> Finding | Missing:
        here, there = Country(context.country), Country(state)
        shared = [
            pair
            for pair in shared_instruments(context, state)
            if context.view.instrument(pair[0].value.instrument).kind in TIE_KINDS
        ]
        treaties = [
            f
            for f in bilateral_agreements(context, state)
            if f.value.subject in ("extradition", "legal_assistance")
        ]
        # only cooperation instruments say whether the ties are on record (evidence.TIE_KINDS)
        known_here = tie_memberships(context, context.country)
        known_there = tie_memberships(context, state)
        if not shared and not treaties:
            if not known_here or not known_there:
                return Missing(
                    self.name,
                    message("legal_cooperation-missing", of=there if known_here else here),
                )
            return Finding(
                factor=self.name,
                risk=BASELINE,
                message=message("legal_cooperation-none-recorded", here=here, there=there),
                facts=(),
            )
        risk = BASELINE
        used: list[FactBase] = []
        names: list[str] = []  # instrument ids
        bilateral: list[str] = []  # "<subject>-<status>" of bilateral treaties
        # A family cannot itself request an extradition, and a rule-of-law host's courts test a
        # request the family gets the state to make: against a family pursuer (without state
        # power) an extradition treaty with such a host is not a risk.
        exempt = not context.profile.state_pursued and rule_of_law(context, context.country)
        set_aside: list[str] = []
        bilateral_aside = False
        for mine, theirs in shared:
            instrument = context.view.instrument(mine.value.instrument)
            added = KIND_RISK.get(instrument.kind, 0.0)
            if exempt and instrument.kind == "extradition":
                set_aside.append(instrument.id)
                continue
            if not added:
                continue
            risk += added
            used += [mine, theirs]
            names.append(instrument.id)
        for treaty in treaties:
            if exempt and treaty.value.subject == "extradition":
                bilateral_aside = True
                continue
            risk += BILATERAL_RISK[treaty.value.status]
            used.append(treaty)
            bilateral.append(f"{treaty.value.subject}-{treaty.value.status}")
        said: list[Message] = []
        if names or bilateral:
            said.append(
                message(
                    "legal_cooperation-tied",
                    here=here,
                    there=there,
                    kinds=_kinds(names, bilateral),
                    ties=Instruments(tuple(names)),
                    treaties=Terms("legal_cooperation-treaty", tuple(bilateral)),
                )
            )
        else:
            said.append(message("legal_cooperation-no-ties", here=here, there=there))
        if set_aside or bilateral_aside:
            said.append(
                message(
                    "legal_cooperation-aside",
                    here=here,
                    there=there,
                    kinds=_kinds(set_aside, ["extradition"] if bilateral_aside else []),
                    ties=Instruments(tuple(set_aside)),
                )
            )
        return Finding(
            factor=self.name,
            risk=min(risk, 1.0) if names or bilateral else BASELINE,
            message=sentences(said),
            facts=tuple(used),
        )


def _kinds(instruments: list[str], bilateral: list[str]) -> Choice:
    """Which of the two lists a sentence names: both, instruments or treaties."""
    if instruments and bilateral:
        return Choice("both")
    return Choice("treaties" if bilateral else "instruments")


FACTOR = LegalCooperationFactor()
