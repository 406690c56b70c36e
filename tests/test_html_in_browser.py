"""The HTML report opens in real headless Chromium: the map and the findings render."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
EXAMPLE = Path(__file__).parents[1] / "examples" / "founding-case.yaml"
CHROMIUM = shutil.which("chromium")


@pytest.mark.browser
def test_report_renders_map_and_findings_in_chromium(tmp_path: Path) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (scripts/ensure-chromium.sh)")
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    report = tmp_path / "report.html"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "safepassage",
            "assess",
            str(EXAMPLE),
            "--as-of",
            "2025-02-07",
            "--format",
            "html",
            "--output",
            str(report),
        ],
        check=True,
        timeout=120,
    )
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report.as_uri())
        kz = page.locator(".country.kz path").first
        fill = kz.evaluate("el => getComputedStyle(el).fill")
        grey = page.locator(".country.aq path").first.evaluate("el => getComputedStyle(el).fill")
        assert fill != grey, "Kazakhstan must be coloured by its rating, not left grey"
        assert page.locator("svg").first.bounding_box()["width"] > 800  # type: ignore[index]
        assert page.locator("#ranking tbody tr").count() >= 249
        section = page.locator("#c-KZ")
        assert section.locator("li.finding").count() >= 5
        assert section.locator(".sources a[href^='https://']").count() >= 5
        page.screenshot(path=str(ARTIFACTS / "assessment-report.png"), full_page=False)
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(report.as_uri())
        assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"), "the report scrolls sideways on a phone"
        assert phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 15  # the viewport meta keeps text readable
        phone.screenshot(path=str(ARTIFACTS / "assessment-report-phone.png"), full_page=False)
        browser.close()
    assert [u for u in requests if not u.startswith("file://")] == []
