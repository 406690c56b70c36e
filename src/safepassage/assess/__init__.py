"""The assessment engine: factors over the knowledge base, combined into a rating with reasons."""

from safepassage.assess.engine import Assessment, assess_country, assess_world
from safepassage.assess.factor import Context, Factor, Finding, Missing

__all__ = [
    "Assessment",
    "Context",
    "Factor",
    "Finding",
    "Missing",
    "assess_country",
    "assess_world",
]
