"""The monitor's part of the case page (kept apart from the views, which import the case views)."""

from __future__ import annotations

from typing import Any

from safepassage.casework.cases.service import OpenCase
from safepassage.casework.monitoring.alerts import alerts_of
from safepassage.casework.monitoring.forms import WatchForm
from safepassage.casework.monitoring.watch import watch_of
from safepassage.monitor.names.variants import transliterations


def case_monitoring(opened: OpenCase) -> dict[str, Any]:
    """What the case page shows of the monitor (read with the case, audited as its read)."""
    watched = watch_of(opened)
    names = watched[1].names if watched else [opened.record.name]
    form = WatchForm(initial={
        "names": "\n".join(names),
        "enabled": watched[0].enabled if watched else False,
        "min_score": watched[1].min_score if watched else 0.6,
    })  # fmt: skip
    spellings = sorted({s for name in names for s in transliterations(name).values()} - set(names))
    return {"watch_form": form, "watching": bool(watched and watched[0].enabled), "alerts": alerts_of(opened), "spellings": spellings}
