"""`safepassage monitor run`: the worker loop on the database queue, or an RQ worker.

Several workers may run at once, on one machine or several: claims are safe (jobs.py), each
worker reclaims jobs whose lease ran out, and exactly one worker queues each due feed and each
period's match job (batches.py). SIGTERM and SIGINT let the current job finish, then the worker
stops; with --once, a worker that finds nothing left to do matches what was read, then stops."""

from __future__ import annotations

import logging
import os
import signal
import socket
import time
from types import FrameType

from django.db import close_old_connections

from safepassage.casework.monitoring.batches import schedule_final_match, schedule_match
from safepassage.casework.monitoring.config import MonitorConfig, WorkerConfigError, load_config
from safepassage.casework.monitoring.jobs import claim, reclaim_expired
from safepassage.casework.monitoring.watch import WatchCache
from safepassage.casework.monitoring.work import run_job, schedule_due_feeds
from safepassage.monitor.fetch import Fetcher

__all__ = ["WorkerConfigError", "run_worker", "worker_name"]
log = logging.getLogger("safepassage.monitor")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


class _Stop:
    requested = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True


def run_worker(queue: str | None = None, once: bool = False, schedule: bool = True) -> int:
    config = load_config(queue)
    if config.queue == "rq":
        from safepassage.casework.monitoring.rq_backend import run_rq_worker

        return run_rq_worker(config, once=once, schedule=schedule)
    return run_database_worker(config, once=once, schedule=schedule)


def run_database_worker(config: MonitorConfig, once: bool = False, schedule: bool = True) -> int:
    stop = _Stop()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    name, fetcher, watch = worker_name(), Fetcher(config.policy), WatchCache()
    done = 0
    last_sweep = float("-inf")
    log.info("monitor worker %s on the database queue", name)
    while not stop.requested:
        close_old_connections()
        swept = time.monotonic() - last_sweep >= config.poll_seconds  # not before every job
        if swept:
            reclaim_expired()
            if schedule:
                schedule_due_feeds(config)
            schedule_match(config)
            last_sweep = time.monotonic()
        job = claim(name, config.lease_seconds)
        if job is None:
            if not swept:  # look for expired leases and due feeds before waiting or stopping
                last_sweep = float("-inf")
                continue
            if once:
                if schedule_final_match(config):
                    continue
                break
            time.sleep(config.poll_seconds)
            continue
        run_job(job, config, fetcher, watch)
        done += 1
    return done
