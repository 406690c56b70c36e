"""Benchmarks for the knowledge base and the engine. Figures go into the README by hand.

  load   : load and check the whole knowledge base in a fresh process
  world  : (a) one full-world ranking for one profile, warm process, every dataset layer on
  cold   : (b) `safepassage assess PROFILE --country KZ` as a fresh process, end to end, with
           the parse cache filled (as after the first run) and without it (the first run after
           a change to the knowledge base); CPU time and peak memory of the process too
  batch  : (c) N profiles x every country, one core (default N=1000)

Usage: python bench/run.py [load world cold batch] [--profiles N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "founding-case.yaml"


def timed_runs(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def bench_load(runs: int = 5) -> str:
    code = "from safepassage.kb import load; load()"
    times = timed_runs([sys.executable, "-c", code], runs)
    baseline = timed_runs([sys.executable, "-c", "import safepassage"], runs)
    return (
        f"load: fresh process importing and checking the knowledge base: median "
        f"{statistics.median(times) * 1000:.0f} ms (bare interpreter + package import "
        f"{statistics.median(baseline) * 1000:.0f} ms)"
    )


def bench_world(runs: int = 20) -> str:
    from safepassage.assess import assess_world
    from safepassage.kb import load
    from safepassage.profile import read_profile

    kb = load()
    profile = read_profile(EXAMPLE)
    view = kb.view(dt.date(2025, 2, 7))
    first = time.perf_counter()
    assess_world(profile, view)  # warm caches: reads the person's origin rows once
    first = time.perf_counter() - first
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        ranked = assess_world(profile, view)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"world: ranking all {len(ranked)} countries for one profile (warm): median "
        f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms, CPU median "
        f"{statistics.median(cpu) * 1000:.1f} ms (the first, reading the origin's dataset rows: "
        f"{first * 1000:.0f} ms); process peak memory {peak:.0f} MB"
    )


# Runs the command in a child that reports its own CPU time and peak memory on exit.
CHILD = (
    "import resource, runpy, sys\n"
    "sys.argv = ['safepassage', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('safepassage', run_name='__main__')\n"
    "finally:\n"
    "    r = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    sys.stderr.write(f'\\nBENCH {r.ru_utime + r.ru_stime} {r.ru_maxrss}\\n')\n"
)


def _cold_runs(runs: int, env: dict[str, str]) -> tuple[list[float], list[float], float]:
    walls, cpus, peak = [], [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, "assess", str(EXAMPLE), "--country", "KZ"],
            check=True, capture_output=True, text=True, env=env,
        )
        walls.append(time.perf_counter() - start)
        cpu, rss = done.stderr.rsplit("BENCH ", 1)[1].split()
        cpus.append(float(cpu))
        peak = max(peak, int(rss) / 1024)
    return walls, cpus, peak


def bench_cold(runs: int = 7) -> str:
    env = dict(os.environ)
    _cold_runs(1, env)  # fill the parse cache
    walls, cpus, peak = _cold_runs(runs, env)
    nocache, _, _ = _cold_runs(max(3, runs // 2), {**env, "SAFEPASSAGE_NO_CACHE": "1"})
    return (
        f"cold: `safepassage assess PROFILE --country KZ` end to end: median "
        f"{statistics.median(walls) * 1000:.0f} ms, max {max(walls) * 1000:.0f} ms "
        f"(CPU {statistics.median(cpus) * 1000:.0f} ms, peak memory {peak:.0f} MB); without the "
        f"parse cache (first run after a change): median {statistics.median(nocache) * 1000:.0f} ms"
    )


def synthetic_profiles(count: int) -> list[object]:
    """Varied profiles built from real combinations of origin, community, threat and documents."""
    from safepassage.profile.reader import profile_from_data

    origins = [("RU", ["chechen"]), ("RU", ["ingush"]), ("RU", ["dagestani"]), ("SA", ["saudi"]),
               ("TJ", []), ("UZ", []), ("IR", []), ("CN", ["uyghur"])]
    threats = [["family"], ["state"], ["family", "state"], ["non_state"]]
    documents = [["internal_id"], ["passport"], None, ["refugee_travel_document"]]
    genders = ["female", "male"]
    combos = itertools.cycle(itertools.product(origins, threats, documents, genders))
    profiles = []
    for index in range(count):
        (origin, communities), actors, docs, gender = next(combos)
        data = {
            "id": f"bench-{index}",
            "citizenship": [origin],
            "origin": {"country": origin},
            "community": communities,
            "gender": gender,
            "threats": [{"actor": a, "state": origin} for a in actors],
            "wanted": {"search_request": index % 3 == 0},
        }
        if docs is not None:
            data["documents"] = docs
        profiles.append(profile_from_data(data))
    return profiles


def bench_batch(count: int) -> str:
    from safepassage.assess import assess_world
    from safepassage.kb import load

    kb = load()
    view = kb.view(dt.date(2026, 11, 1))
    profiles = synthetic_profiles(count)
    start = time.perf_counter()
    assessed = 0
    for profile in profiles:
        assessed += len(assess_world(profile, view))  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    return (
        f"batch: {count} profiles x every country = {assessed:,} assessments in {elapsed:.1f} s "
        f"({assessed / elapsed:,.0f} per second, one core)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", default=["load", "world", "cold", "batch"])
    parser.add_argument("--profiles", type=int, default=1000)
    args = parser.parse_args()
    jobs = {
        "load": bench_load,
        "world": bench_world,
        "cold": bench_cold,
        "batch": lambda: bench_batch(args.profiles),
    }
    for name in args.which:
        print(jobs[name](), flush=True)


if __name__ == "__main__":
    main()
