"""The knowledge base: sourced facts about countries, loaded and queried "as of" a date."""

from safepassage.kb.knowledge import KnowledgeBase, KnowledgeBaseError, KnowledgeView, load

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "KnowledgeView", "load"]
