"""News monitoring in the casework database.

Public material (feeds' state, articles, incident candidates, the job queue) is stored in clear:
it is news anyone can read. Everything that ties news to a case (the names watched for her, and
her alerts, including which article they point to) is sealed with the case's key, like the rest
of the case (docs/threat-model.md, "News monitoring")."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from safepassage.casework.cases.models import Case, Sealed


class FeedState(models.Model):
    """Where the worker is with one source of data/sources.yaml: validators for conditional GET,
    when to fetch next, how often it failed."""

    source_id = models.CharField(max_length=64, unique=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    next_fetch = models.DateTimeField(default=timezone.now)
    last_fetched = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)


class Article(models.Model):
    """An article as read from a feed, stored when it is read and matched later with the others
    of its batch (`matched_at` is the batch's time, the same for all of them; empty until then):
    so nothing about the article's row (its id, time, transaction, place in the table) can tell
    whether it named a watched person (casework/monitoring/batches.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    url = models.URLField(max_length=2000)  # canonical form (monitor/extract.py)
    url_hash = models.CharField(max_length=64, unique=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    source_id = models.CharField(max_length=64)
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    language = models.CharField(max_length=8, default="und")
    published = models.CharField(max_length=10, blank=True)
    fetched = models.DateTimeField(default=timezone.now)
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies")
    matched_at = models.DateTimeField(null=True, blank=True, db_index=True)


class Job(models.Model):
    """The embedded queue: the database is the ledger of work, for the database backend and for
    RQ alike (RQ only delivers job ids faster). A claimed job holds a lease; a worker that dies
    loses it when the lease runs out, and another worker takes the job again."""

    class Kind(models.TextChoices):
        FEED = "feed"
        ARTICLE = "article"
        MATCH = "match"  # a batch of stored articles against the watch lists

    class State(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    payload = models.JSONField(default=dict)
    dedupe_key = models.CharField(max_length=80, unique=True, null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    max_attempts = models.PositiveIntegerField(default=5)
    run_after = models.DateTimeField(default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=100, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(default=timezone.now)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "run_after"])]


class WatchEntry(Sealed):
    """The names the news is watched for, for one case (sealed WatchRecord)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="watch")
    enabled = models.BooleanField(default=True)
    updated = models.DateTimeField(default=timezone.now)


class Alert(Sealed):
    """One article naming a watched person (sealed AlertRecord, padded to one size). `token` is
    an HMAC of the case and the article under a key of its own, so an article alerts a case
    once, without a clear link between the two in the database; `created` is its batch's time,
    not the article's (casework/monitoring/batches.py)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="alerts")
    token = models.CharField(max_length=64, unique=True)
    reviewed = models.BooleanField(default=False)


class IncidentCandidate(models.Model):
    """An article that may report an incident against a person of a watched origin, for a person
    to read and, if it holds, to write up as a sourced knowledge-base fact by hand."""

    class Status(models.TextChoices):
        NEW = "new"
        DISMISSED = "dismissed"
        ACCEPTED = "accepted"  # a person will write it up as a fact (docs/adding-facts.md)

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="incident")
    kinds = models.CharField(max_length=200)
    origins = models.CharField(max_length=200)
    places = models.JSONField(default=list)
    excerpt = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    note = models.TextField(blank=True)
    reviewed_by = models.CharField(max_length=150, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["status", "-created"]
