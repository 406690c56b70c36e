"""Name search over the per-case blind index (casework/vault/blind_index.py): each search turns
the searched words into tokens once per visible case (a key-file read and an HMAC per word), so
its cost grows with the number of cases a user can see. Figures go into the README by hand.

Usage: python bench/search.py [--cases 1000] [--runs 20]   (SQLite in a fresh temporary instance)
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ["SAFEPASSAGE_HOME"] = tempfile.mkdtemp(prefix="safepassage-bench-search-")
    os.environ.pop("DATABASE_URL", None)
    from safepassage.casework.bootstrap import migrate, setup_django

    setup_django()
    migrate()
    from safepassage.casework.accounts.models import Organisation, Role, Team, User
    from safepassage.casework.cases.records import CaseRecord
    from safepassage.casework.cases.service import create_case, search_cases

    org = Organisation.objects.create(name="bench")
    team = Team.objects.create(organisation=org, name="desk")
    user = User.objects.create_user(username="bench", password="unused-password", organisation=org, role=Role.COORDINATOR)
    profile = {"id": "case", "citizenship": ["RU"], "origin": {"country": "RU"}, "threats": [{"actor": "family"}]}
    for n in range(args.cases):
        create_case(user, team, CaseRecord(name=f"Given{n} Family{n % 37}", profile=profile))
    times = []
    for n in range(args.runs):
        start = time.perf_counter()
        found = search_cases(user, f"given{n} family{n % 37}")
        times.append((time.perf_counter() - start) * 1000)
        assert len(found) == 1
    print(f"search: two words over {args.cases} visible cases: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
