"""The job queue on the app's own database (the embedded default, and the ledger behind RQ).

Claiming is safe with several workers: on PostgreSQL a worker locks the row it takes with
SELECT ... FOR UPDATE SKIP LOCKED, so others pass over it; on SQLite, which has one writer at a
time, a worker takes a job by a conditional UPDATE (state still queued), which exactly one
worker can win. A job's results are committed in the same transaction that marks it done, and
only if the worker still holds its lease: a worker that lost its lease (it was too slow, or it
is presumed dead) cannot write over the one that took the job after it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from safepassage.casework.monitoring.models import Job

RETRY_BASE_SECONDS = 30


class LeaseLost(Exception):
    """Another worker has taken this job meanwhile; this worker's results are thrown away."""


def enqueue(kind: str, payload: dict[str, Any], dedupe_key: str | None = None) -> Job | None:
    """Add a job; with a dedupe_key, at most one job ever exists for it (None if it did)."""
    jobs = enqueue_many(kind, [(payload, dedupe_key)])
    return jobs[0] if jobs else None


def enqueue_many(kind: str, items: Iterable[tuple[dict[str, Any], str | None]]) -> list[Job]:
    rows = [Job(kind=kind, payload=payload, dedupe_key=key) for payload, key in items]
    if not rows:
        return []
    keys = [r.dedupe_key for r in rows if r.dedupe_key]
    existing = set(Job.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True))
    keyed = [r for r in rows if r.dedupe_key and r.dedupe_key not in existing]
    unkeyed = Job.objects.bulk_create([r for r in rows if not r.dedupe_key])
    Job.objects.bulk_create(keyed, ignore_conflicts=True)  # a concurrent twin loses quietly
    return list(Job.objects.filter(dedupe_key__in=[r.dedupe_key for r in keyed])) + unkeyed


def _lease(seconds: int) -> dt.datetime:
    return timezone.now() + dt.timedelta(seconds=seconds)


def claim(worker: str, lease_seconds: int, job_id: int | None = None) -> Job | None:
    """Take the next due job (or the given one), or None if there is none."""
    now = timezone.now()
    due = Job.objects.filter(state=Job.State.QUEUED, run_after__lte=now)
    if job_id is not None:
        due = due.filter(pk=job_id)
    if connection.vendor == "postgresql":
        with transaction.atomic():
            job = due.select_for_update(skip_locked=True).order_by("run_after", "pk").first()
            if job is None:
                return None
            job.state, job.worker, job.lease_until = Job.State.RUNNING, worker, _lease(lease_seconds)
            job.attempts += 1
            job.save(update_fields=["state", "worker", "lease_until", "attempts"])
            return job
    for candidate in due.order_by("run_after", "pk").values_list("pk", flat=True)[:20]:
        won = Job.objects.filter(pk=candidate, state=Job.State.QUEUED).update(
            state=Job.State.RUNNING, worker=worker, lease_until=_lease(lease_seconds), attempts=F("attempts") + 1
        )
        if won:
            return Job.objects.get(pk=candidate)
    return None


def finish(job: Job) -> None:
    """Mark the job done, inside the caller's transaction; raises LeaseLost if it is no longer
    this worker's, which rolls back everything the job wrote."""
    done = Job.objects.filter(pk=job.pk, state=Job.State.RUNNING, worker=job.worker).update(
        state=Job.State.DONE, finished=timezone.now(), lease_until=None
    )
    if not done:
        raise LeaseLost(str(job.pk))


def fail(job: Job, reason: str, retry: bool = True) -> None:
    """Record a failed attempt: queued again after a back-off, or failed for good."""
    final = not retry or job.attempts >= job.max_attempts
    delay = RETRY_BASE_SECONDS * 2 ** max(0, job.attempts - 1)
    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING, worker=job.worker).update(
        state=Job.State.FAILED if final else Job.State.QUEUED,
        last_error=reason[:200],
        run_after=timezone.now() + dt.timedelta(seconds=delay),
        lease_until=None,
        finished=timezone.now() if final else None,
    )


def reclaim_expired() -> int:
    """Jobs whose worker stopped holding them (crashed, killed, cut off) go back to the queue;
    ones that have used up their attempts fail, so one poisonous article cannot loop forever."""
    now = timezone.now()
    expired = Job.objects.filter(state=Job.State.RUNNING, lease_until__lt=now)
    failed = expired.filter(attempts__gte=F("max_attempts")).update(
        state=Job.State.FAILED, last_error="worker stopped during the last attempt", finished=now, lease_until=None
    )
    requeued = expired.update(state=Job.State.QUEUED, worker="", lease_until=None, run_after=now)
    return failed + requeued


def prune_finished(before: dt.datetime) -> int:
    """Delete jobs that finished (done, or failed for good) before `before`: the queue is a
    ledger of work to do, not a history. A failed article job's key goes with it, so the
    article may be queued again if its feed still lists it. Runs with the app's other pruning
    (audit/retention.py), every hour from `serve` and by `safepassage audit prune`."""
    deleted, _ = Job.objects.filter(state__in=(Job.State.DONE, Job.State.FAILED), finished__lt=before).delete()
    return deleted
