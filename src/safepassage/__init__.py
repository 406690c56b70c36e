"""Safe Passage: how safe is a country for a person at risk, and why."""

__version__ = "0.1.0"
