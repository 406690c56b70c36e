"""The monitor on RQ (Redis), for teams that already run one: several workers on several
machines, Redis delivering job ids at once instead of each worker polling the database.

The database stays the ledger: RQ carries only job ids (never a name, never case data), and a
worker takes a job from the database by the same safe claim as the embedded queue. So a job
that Redis lost, or whose worker was killed, is not lost: when its lease runs out a sweeper (one
runs in every RQ worker) queues it again, under a new RQ id, and another worker does it once."""

from __future__ import annotations

import logging
import threading
from functools import cache

from django.db import close_old_connections, connection
from django.utils import timezone
from redis import Redis
from rq import Queue, SimpleWorker
from rq.job import Job as RqJob

from safepassage.casework.monitoring.batches import schedule_final_match, schedule_match
from safepassage.casework.monitoring.config import MonitorConfig, load_config
from safepassage.casework.monitoring.jobs import claim, reclaim_expired
from safepassage.casework.monitoring.models import Job
from safepassage.casework.monitoring.watch import WatchCache
from safepassage.casework.monitoring.work import run_job, schedule_due_feeds
from safepassage.monitor.fetch import Fetcher

QUEUE_NAME = "safepassage-monitor"
log = logging.getLogger("safepassage.monitor")


def redis_queue(config: MonitorConfig) -> Queue:
    return Queue(QUEUE_NAME, connection=Redis.from_url(config.redis_url))


def rq_id(job: Job) -> str:
    return f"safepassage-{job.pk}-{job.attempts}"  # a new id for each attempt after a reclaim


def push_due(queue: Queue, lease_seconds: int) -> int:
    """Hand every due, queued job to RQ unless this attempt is already there."""
    pushed = 0
    due = Job.objects.filter(state=Job.State.QUEUED, run_after__lte=timezone.now())
    for job in due.order_by("run_after", "pk")[:1000]:
        if RqJob.exists(rq_id(job), connection=queue.connection):
            continue
        queue.enqueue(perform, job.pk, job_id=rq_id(job), job_timeout=lease_seconds, result_ttl=600, failure_ttl=86400)
        pushed += 1
    return pushed


@cache
def _worker_state() -> tuple[MonitorConfig, Fetcher, WatchCache]:
    config = load_config("rq")
    return config, Fetcher(config.policy), WatchCache()


def perform(job_id: int) -> None:
    """Run in the RQ worker: take the job from the database (or not, if another has) and do it."""
    from safepassage.casework.monitoring.worker import worker_name

    config, fetcher, watch = _worker_state()
    close_old_connections()
    job = claim(worker_name(), config.lease_seconds, job_id=job_id)
    if job is not None:
        run_job(job, config, fetcher, watch)


def sweep(config: MonitorConfig, queue: Queue, schedule: bool) -> int:
    reclaim_expired()
    if schedule:
        schedule_due_feeds(config)
    schedule_match(config)
    return push_due(queue, config.lease_seconds)


def run_rq_worker(config: MonitorConfig, once: bool = False, schedule: bool = True) -> int:
    queue = redis_queue(config)
    if once:  # sweep, work what RQ holds, again until nothing is left; then match what was read
        rounds = 0
        while sweep(config, queue, schedule) or queue.count or schedule_final_match(config):
            SimpleWorker([queue], connection=queue.connection).work(burst=True, with_scheduler=False)
            rounds += 1
        return rounds
    stopping = threading.Event()

    def sweeper() -> None:
        while not stopping.wait(config.poll_seconds):
            try:
                sweep(config, queue, schedule)
            except Exception as error:  # a database or Redis hiccup: try again next round
                log.warning("monitor sweeper: %s", error.__class__.__name__)
            finally:
                connection.close()

    thread = threading.Thread(target=sweeper, name="monitor-sweeper", daemon=True)
    sweep(config, queue, schedule)
    thread.start()
    try:
        SimpleWorker([queue], connection=queue.connection).work(with_scheduler=False)
    finally:
        stopping.set()
    return 0
