"""The audit log: one entry per read, write, export and erase of a case, hash-chained.

Each entry's `mac` is an HMAC (key derived from the master key, which is outside the database)
over its own fields and the previous entry's mac. Editing or deleting an entry breaks the chain
at that point, and someone with only database access cannot recompute it.
"""

from __future__ import annotations

from django.db import models


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.CharField(max_length=150)  # a username, kept as text so the chain survives account removal
    action = models.CharField(max_length=40)  # e.g. case.read, event.create, case.erase
    case_id = models.CharField(max_length=36, blank=True)  # no foreign key: erased cases stay in the log
    detail = models.CharField(max_length=200, blank=True)  # never case content
    prev = models.CharField(max_length=64)
    mac = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.at:%Y-%m-%d %H:%M:%S} {self.actor} {self.action}"


class AuditHead(models.Model):
    """The chain's current end, one row. Appending locks it (SELECT ... FOR UPDATE), so
    concurrent writers on PostgreSQL queue up instead of both extending the same entry.
    `base_seq`/`base_mac` are where the kept chain starts after pruning (0 and the genesis MAC
    before any); each move of the start is recorded by an audit.prune entry naming it."""

    seq = models.PositiveBigIntegerField(default=0)
    mac = models.CharField(max_length=64)
    base_seq = models.PositiveBigIntegerField(default=0)
    base_mac = models.CharField(max_length=64, default="0" * 64)
