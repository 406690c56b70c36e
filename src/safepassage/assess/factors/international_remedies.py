"""UN and ECtHR complaints: can a lawyer stop a removal, and does this state obey?"""

from __future__ import annotations

from safepassage.assess.evidence import memberships, non_party
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import FactBase, InterimMeasuresFact

MECHANISMS = {
    "echr": ("the European Court of Human Rights", 0.35),
    "cat-art22": ("the UN Committee against Torture", 0.1),
    "iccpr-op1": ("the UN Human Rights Committee", 0.1),
    "op-cedaw": ("the UN CEDAW Committee", 0.1),
}
RECORD_RISK = {"ignored": 0.35, "mixed": 0.15, "honoured": -0.1}
NONE_RISK = 0.9


class InternationalRemediesFactor:
    name = "international_remedies"
    family = "protection"
    scope = "country"
    weights = Weights(family=1, state=2, non_state=1)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        here = context.name(context.country)
        joined = memberships(context, context.country)
        available = [(MECHANISMS[i], joined[i]) for i in MECHANISMS if i in joined]
        outside = [f for i, f in non_party(context, context.country).items() if i in MECHANISMS]
        records = context.view.of_kind(context.country, InterimMeasuresFact)
        if not available and not outside and not records:
            return Missing(self.name, f"which complaint mechanisms {here} accepts")
        risk = NONE_RISK - sum(weight for (_, weight), _ in available)
        used: list[FactBase] = [fact for _, fact in available]
        if available:
            text = f"A complaint against {here} can go to " + ", ".join(
                name for (name, _), _ in available
            )
        elif outside:
            used += outside[:2]
            text = f"{here} accepts none of the individual-complaint mechanisms on record"
        else:
            text = f"Which complaint mechanisms {here} accepts is not recorded"
        if records:
            worst = max(records, key=lambda f: RECORD_RISK[f.value.record])
            risk += RECORD_RISK[worst.value.record]
            if worst.value.record == "ignored":
                # a state that has ignored interim measures offers no remedy that stops a
                # removal, however many complaint procedures it has accepted on paper
                risk = max(risk, NONE_RISK)
            used.append(worst)
            verb = {
                "ignored": "has ignored",
                "mixed": "has not always obeyed",
                "honoured": "has obeyed",
            }[worst.value.record]
            text += f"; but {here} {verb} interim measures before: {worst.summary.rstrip('.')}"
        return Finding(self.name, min(max(risk, 0.05), 1.0), text + ".", facts=tuple(used))


FACTOR = InternationalRemediesFactor()
