"""The monitor worker's settings, from the environment (safe defaults for one machine)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from safepassage.monitor.fetch import FetchPolicy, parse_allow_list


class WorkerConfigError(ValueError):
    """A monitor setting is wrong (one line naming the variable)."""


@dataclass(frozen=True)
class MonitorConfig:
    queue: str  # database | rq
    redis_url: str
    lease_seconds: int
    poll_seconds: float
    feed_interval_seconds: int
    match_period_seconds: int  # articles are matched in batches, one per period (batches.py)
    match_min_articles: int  # a smaller batch waits for the next period, up to a limit
    policy: FetchPolicy


def _number(name: str, default: str) -> float:
    value = os.environ.get(name, default)
    try:
        number = float(value)
    except ValueError:
        raise WorkerConfigError(f"{name}: expected a number") from None
    if number <= 0:
        raise WorkerConfigError(f"{name}: expected a positive number")
    return number


def _whole(name: str, default: str) -> int:
    number = _number(name, default)
    if number != int(number):
        raise WorkerConfigError(f"{name}: expected a whole number")
    return int(number)


def load_config(queue: str | None = None) -> MonitorConfig:
    chosen = queue or os.environ.get("SAFEPASSAGE_MONITOR_QUEUE", "database")
    if chosen not in ("database", "rq"):
        raise WorkerConfigError(f"queue: expected database or rq, not {chosen[:20]!r}")
    try:
        allowed = parse_allow_list(os.environ.get("SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES", ""))
    except ValueError as error:
        raise WorkerConfigError(f"SAFEPASSAGE_MONITOR_ALLOW_ADDRESSES: {error}") from None
    policy = FetchPolicy(
        allow_addresses=allowed,
        host_interval_seconds=_number("SAFEPASSAGE_MONITOR_HOST_INTERVAL", "5"),
        backoff_seconds=_number("SAFEPASSAGE_MONITOR_BACKOFF", "2"),
    )
    return MonitorConfig(
        queue=chosen,
        redis_url=os.environ.get("SAFEPASSAGE_REDIS_URL", "redis://127.0.0.1:6379/0"),
        lease_seconds=int(_number("SAFEPASSAGE_MONITOR_LEASE", "600")),
        poll_seconds=_number("SAFEPASSAGE_MONITOR_POLL", "5"),
        feed_interval_seconds=int(_number("SAFEPASSAGE_MONITOR_FEED_INTERVAL", "1800")),
        match_period_seconds=_whole("SAFEPASSAGE_MONITOR_MATCH_PERIOD", "1800"),
        match_min_articles=_whole("SAFEPASSAGE_MONITOR_MATCH_MIN_ARTICLES", "20"),
        policy=policy,
    )
