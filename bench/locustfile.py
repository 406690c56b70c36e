"""Load on the casework app: each simulated caseworker logs in with password and TOTP, then acts
every 1 to 3 seconds as a person at work would (reading, then clicking): mostly reading the case
page, sometimes the case list, adding timeline events and asking for assessments
(bench/load.py drives it)."""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
from pathlib import Path

from django_otp.oath import totp
from locust import HttpUser, between, task

ACCOUNTS = json.loads(Path(os.environ["SAFEPASSAGE_BENCH_ACCOUNTS"]).read_text())
_next_account = itertools.count()
_event_days = itertools.count()
_logged_in = itertools.count(1)


class TeamMember(HttpUser):
    wait_time = between(1, 3)  # think time: a person reads before the next click

    def on_start(self) -> None:
        account = ACCOUNTS["users"][next(_next_account) % len(ACCOUNTS["users"])]
        self.case = ACCOUNTS["case"]
        self.token = account["token"]
        page = self.client.get("/", name="login page")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert csrf is not None
        code = f"{totp(base64.b32decode(account['totp_secret'])):06d}"
        with self.client.post(
            "/",
            {"csrfmiddlewaretoken": csrf.group(1), "username": account["username"], "password": account["password"], "code": code},
            name="login", allow_redirects=False, catch_response=True,
        ) as response:
            if response.headers.get("Location") != "/cases/":
                response.failure("login refused")
        if next(_logged_in) == len(ACCOUNTS["users"]):
            # Logins hash passwords with argon2 on purpose (seconds under load): measure the
            # work that follows from here, once everyone is in.
            self.environment.stats.reset_all()

    @task(6)
    def case_page(self) -> None:
        self.client.get(f"/cases/{self.case}/", name="case page")

    @task(2)
    def case_list(self) -> None:
        self.client.get("/cases/", name="case list")

    @task(2)
    def add_record(self) -> None:
        day = 1 + next(_event_days) % 28
        with self.client.post(
            f"/api/v1/cases/{self.case}/events",
            json={"kind": "contacted", "date": f"2025-02-{day:02d}", "place": "bench"},
            headers={"Authorization": f"Bearer {self.token}"},
            name="add event (API)", catch_response=True,
        ) as response:
            if response.status_code != 201:
                response.failure(f"status {response.status_code}")

    @task(2)
    def assess(self) -> None:
        with self.client.post(
            f"/api/v1/cases/{self.case}/assessments",
            json={"country": "KZ", "as_of": "2025-02-07"},
            headers={"Authorization": f"Bearer {self.token}"},
            name="assessment (API)", catch_response=True,
        ) as response:
            if response.status_code != 201:
                response.failure(f"status {response.status_code}")
