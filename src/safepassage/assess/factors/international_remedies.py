"""UN and ECtHR complaints: can a lawyer stop a removal, and does this state obey?"""

from __future__ import annotations

from safepassage.assess.evidence import memberships, non_party
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Choice, Country, Message, Terms, message, sentences
from safepassage.kb.models import FactBase, InterimMeasuresFact

# how much each body that can stop a removal lowers the risk (its name: international_remedies-body-*)
MECHANISMS = {"echr": 0.35, "cat-art22": 0.1, "iccpr-op1": 0.1, "op-cedaw": 0.1}
RECORD_RISK = {"ignored": 0.35, "mixed": 0.15, "honoured": -0.1}
NONE_RISK = 0.9


class InternationalRemediesFactor:
    name = "international_remedies"
    family = "protection"
    scope = "country"
    weights = Weights(family=1, state=2, non_state=1)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        here = Country(context.country)
        joined = memberships(context, context.country)
        available = [(i, MECHANISMS[i], joined[i]) for i in MECHANISMS if i in joined]
        outside = [f for i, f in non_party(context, context.country).items() if i in MECHANISMS]
        records = context.view.of_kind(context.country, InterimMeasuresFact)
        if not available and not outside and not records:
            return Missing(self.name, message("international_remedies-missing", here=here))
        risk = NONE_RISK - sum(weight for _, weight, _ in available)
        used: list[FactBase] = [fact for _, _, fact in available]
        said: list[Message] = []
        if available:
            bodies = Terms("international_remedies-body", tuple(i for i, _, _ in available))
            said.append(message("international_remedies-available", here=here, bodies=bodies))
        elif outside:
            used += outside[:2]
            said.append(message("international_remedies-none", here=here))
        else:
            said.append(message("international_remedies-unknown", here=here))
        if records:
            worst = max(records, key=lambda f: RECORD_RISK[f.value.record])
            risk += RECORD_RISK[worst.value.record]
            if worst.value.record == "ignored":
                # a state that has ignored interim measures offers no remedy that stops a
                # removal, however many complaint procedures it has accepted on paper
                risk = max(risk, NONE_RISK)
            used.append(worst)  # its own words are cited with the finding
            said.append(
                message("international_remedies-record", here=here, record=Choice(worst.value.record))
            )
        return Finding(self.name, min(max(risk, 0.05), 1.0), sentences(said), facts=tuple(used))


FACTOR = InternationalRemediesFactor()
