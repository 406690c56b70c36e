"""End to end in real headless Chromium, against `safepassage serve --demo` as a user starts it:
log in with a TOTP code, open the demo case, add an event, run an assessment, see the map and
the reasons, switch to Russian, and leave with the quick exit. Screenshots go to test-artifacts/."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django_otp.oath import totp

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    home = tmp_path_factory.mktemp("instance")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(SAFEPASSAGE_HOME=str(home), SAFEPASSAGE_QUICK_EXIT_URL="about:blank")
    process = subprocess.Popen(
        [sys.executable, "-m", "safepassage", "serve", "--demo", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stdout.read() if process.stdout else "server exited") from None
            time.sleep(0.2)
    try:
        yield f"http://127.0.0.1:{port}", home
    finally:
        process.terminate()
        process.wait(timeout=10)


def code_for(home: Path) -> str:
    login = json.loads((home / "demo-login.json").read_text())
    return f"{totp(base64.b32decode(login['totp_secret'])):06d}"


@pytest.mark.browser
def test_demo_case_end_to_end_in_chromium(demo_server: tuple[str, Path]) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (scripts/ensure-chromium.sh)")
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import expect, sync_playwright

    url, home = demo_server
    login = json.loads((home / "demo-login.json").read_text())
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        third_party: list[str] = []
        page.on("request", lambda r: None if r.url.startswith((url, "data:", "about:")) else third_party.append(r.url))

        page.goto(url + "/")
        page.fill("#id_username", login["username"])
        page.fill("#id_password", login["password"])
        page.fill("#id_code", code_for(home))
        page.screenshot(path=str(ARTIFACTS / "web-1-login.png"))
        page.click("#login")
        expect(page).to_have_url(url + "/cases/")

        page.click("table.cases a")
        expect(page.locator("#case-name")).to_contain_text("Elza Soltaeva")
        page.select_option("#timeline select[name=kind]", "sheltered")
        page.fill("#timeline input[name=date]", "2025-02-06")
        page.fill("#timeline input[name=place]", "crisis centre")
        page.click("#add-event")
        expect(page.locator("ol.timeline")).to_contain_text("crisis centre")
        page.screenshot(path=str(ARTIFACTS / "web-2-case.png"), full_page=True)

        page.fill("#assess-country", "KZ")
        page.fill("#assess input[name=as_of]", "2025-02-07")
        page.click("#assess-run")
        expect(page.locator("#world-map svg")).to_be_visible()
        kazakhstan = page.locator("#world-map .country.kz path").first
        fill = kazakhstan.evaluate("e => getComputedStyle(e).fill")
        assert fill in ("rgb(178, 24, 43)", "rgb(239, 138, 98)")  # unsafe or elevated
        expect(page.locator("#c-KZ")).to_contain_text("7,644")
        expect(page.locator("#c-KZ .sources a").first).to_have_attribute("href", re.compile(r"^https?://"))
        page.screenshot(path=str(ARTIFACTS / "web-3-assessment.png"), full_page=True)

        page.click("#lang-ru")
        expect(page.locator("h1")).to_contain_text("Оценка")
        expect(page.locator("#c-KZ summary")).to_contain_text("Казахстан")
        page.screenshot(path=str(ARTIFACTS / "web-4-russian.png"), full_page=True)

        page.keyboard.press("Escape")
        expect(page).to_have_url("about:blank")
        # The session is ended by a beacon sent as the page leaves; it arrives a moment later.
        for _ in range(50):
            page.goto(url + "/cases/")
            if page.url == url + "/":
                break
            time.sleep(0.1)
        expect(page).to_have_url(url + "/")  # the session is gone
        assert third_party == []
        browser.close()
