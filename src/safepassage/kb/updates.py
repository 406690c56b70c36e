"""Facts that carry an earlier fact forward (`updates:`), folded into one per view.

A case unfolds over months: detained, then extradition approved, then suspended. Each stage is
its own fact, dated by its own sources, so a look back to a past date sees only the stages known
then. When several stages are visible they describe one event, which must count once: the latest
stage stands for it; for incidents it keeps the event's first date and every outcome, actor and
source of the earlier stages, and for protection from violence what the later report leaves
unknown is taken from the earlier one.
"""

from __future__ import annotations

from safepassage.kb.models import Fact, IncidentFact, ViolenceProtectionFact


def _merged(later: Fact, earlier: Fact) -> Fact:
    sources = tuple(dict.fromkeys(earlier.sources + later.sources))
    if isinstance(later, ViolenceProtectionFact) and isinstance(earlier, ViolenceProtectionFact):
        # a later report may speak of shelters only: what it leaves unknown, the earlier says
        fields = {
            name: value if value != "unknown" else getattr(earlier.value, name)
            for name, value in later.value.model_dump().items()
        }
        return later.model_copy(update={"value": later.value.model_copy(update=fields), "sources": sources})
    if not (isinstance(later, IncidentFact) and isinstance(earlier, IncidentFact)):
        return later
    value = later.value.model_copy(
        update={
            "date": earlier.value.date,
            "outcomes": tuple(dict.fromkeys(earlier.value.outcomes + later.value.outcomes)),
            "actors": tuple(dict.fromkeys(earlier.value.actors + later.value.actors)),
            "pursuers": tuple(dict.fromkeys(earlier.value.pursuers + later.value.pursuers)),
            "pretext": later.value.pretext or earlier.value.pretext,
        }
    )
    return later.model_copy(update={"value": value, "sources": sources})


def fold_updates(visible: list[Fact]) -> list[Fact]:
    """One fact per chain of updates: the latest visible stage, carrying the earlier ones."""
    by_id = {fact.id: fact for fact in visible}
    superseded = {fact.updates for fact in visible if fact.updates in by_id}
    result = []
    for fact in visible:
        if fact.id in superseded:
            continue
        current, earlier_id = fact, fact.updates
        while earlier_id in by_id:  # the checker guarantees chains end
            earlier = by_id[earlier_id]
            current = _merged(current, earlier)
            earlier_id = earlier.updates
        result.append(current)
    return result
