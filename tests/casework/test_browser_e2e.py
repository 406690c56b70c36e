"""End to end in real headless Chromium, against `safepassage serve --demo` as a user starts it.

One login (a TOTP code can be used only once) is shared by the tests of this module, which run
in file order: every page at a phone's 390×844 and a laptop's 1366×900, in English and Russian,
with the quick exit on screen and within a thumb's reach, tap targets of at least 44 px, no
sideways scrolling, and no serious or critical accessibility violation (axe-core, vendored for
the tests only); then a case typed in Russian on a phone; then the demo case's assessment; the
quick exit last, since it ends the session. Screenshots go to test-artifacts/.
"""

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
from typing import Any

import pytest
from django_otp.oath import totp

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM = shutil.which("chromium")
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
TAP = 44
pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (scripts/ensure-chromium.sh)")
        pytest.skip("Debian's chromium is not installed")
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


@pytest.fixture(scope="module")
def browser(demo_server: tuple[str, Path]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def session(demo_server: tuple[str, Path], browser: Any) -> dict[str, Any]:
    """Log in once, through the login page; later tests reuse the session cookie."""
    from playwright.sync_api import expect

    url, home = demo_server
    login = json.loads((home / "demo-login.json").read_text())
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url + "/")
    page.fill("#id_username", login["username"])
    page.fill("#id_password", login["password"])
    page.fill("#id_code", code_for(home))
    page.screenshot(path=str(ARTIFACTS / "phone-en-login.png"))
    page.click("#login")
    expect(page).to_have_url(url + "/cases/")
    state: dict[str, Any] = context.storage_state()
    context.close()
    return state


def new_page(browser: Any, session: dict[str, Any], viewport: dict[str, int], third_party: list[str], url: str) -> Any:
    context = browser.new_context(viewport=viewport, storage_state=session)
    page = context.new_page()
    page.on("request", lambda r: None if r.url.startswith((url, "data:", "about:")) else third_party.append(r.url))
    return page


def set_language(page: Any, url: str, language: str) -> None:
    page.goto(url + "/cases/")
    switch = page.locator(f"#lang-{language}")
    if switch.count():
        switch.click()
        page.wait_for_url(url + "/cases/")


def axe_violations(page: Any) -> list[str]:
    """Serious and critical violations of WCAG 2.1 A/AA rules on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # through DevTools: the page's CSP stays as it is
    result = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))"
        ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    return list(result)


LAYOUT = """(tap) => {
  const width = document.documentElement.clientWidth;
  const exit = document.querySelector('#quick-exit button').getBoundingClientRect();
  const small = [];
  for (const el of document.querySelectorAll('button, .button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, header nav > a, summary')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
    if (r.height < tap - 0.5 || r.width < tap - 0.5) small.push((el.id || el.name || el.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
  }
  const ids = {};
  for (const el of document.querySelectorAll('[id]')) ids[el.id] = (ids[el.id] || 0) + 1;
  return {
    duplicates: Object.keys(ids).filter(id => ids[id] > 1),
    unlabelled: Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea')).filter(el => !el.labels.length && !el.getAttribute('aria-label')).map(el => el.name),
    sideways: document.documentElement.scrollWidth > width + 1,
    exit: {top: exit.top, bottom: exit.bottom, left: exit.left, right: exit.right, width: exit.width, height: exit.height},
    viewport: {width: width, height: window.innerHeight},
    small: small,
  };
}"""


def check_layout(page: Any, name: str, phone: bool) -> list[str]:
    problems = []
    layout = page.evaluate(LAYOUT, TAP)
    exit_box, view = layout["exit"], layout["viewport"]
    if layout["duplicates"]:
        problems.append(f"{name}: ids used twice: {layout['duplicates'][:5]}")
    if layout["unlabelled"]:
        problems.append(f"{name}: inputs without a label: {layout['unlabelled'][:5]}")
    if layout["sideways"]:
        problems.append(f"{name}: scrolls sideways")
    if layout["small"]:
        problems.append(f"{name}: tap targets under {TAP} px: {layout['small'][:5]}")
    if exit_box["height"] < TAP or exit_box["width"] < TAP:
        problems.append(f"{name}: quick exit too small")
    on_screen = exit_box["top"] >= 0 and exit_box["bottom"] <= view["height"] and exit_box["left"] >= 0 and exit_box["right"] <= view["width"]
    if not on_screen:
        problems.append(f"{name}: quick exit off screen {exit_box}")
    if phone and exit_box["top"] < view["height"] / 2:
        problems.append(f"{name}: quick exit out of thumb's reach (top half) {exit_box}")
    return problems


def walk(page: Any, url: str) -> dict[str, str]:
    """The pages of the app with the demo case, as paths to visit (all GET)."""
    page.goto(url + "/cases/")
    case = page.locator("table.cases a").first.get_attribute("href")
    page.goto(url + case)
    snapshots = page.locator("#assess ul a")
    if snapshots.count() == 0:
        page.fill("#assess-country", "KZ")
        page.fill("#assess-as-of", "2025-02-07")
        page.click("#assess-run")
        page.wait_for_selector("#world-map > svg")
        page.goto(url + case)
    snapshot = page.locator("#assess ul a").first.get_attribute("href")
    return {
        "cases": "/cases/",
        "new-case": "/cases/new/",
        "case": case,
        "edit": case + "edit/",
        "summary": case + "summary/",
        "assessment": snapshot,
        "accounts": "/accounts/",
        "me": "/me/",
        "not-found": "/no-such-page/",
    }


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_every_page_at_phone_and_laptop_size(demo_server: tuple[str, Path], browser: Any, session: dict[str, Any], size: str, language: str) -> None:
    url, _home = demo_server
    third_party: list[str] = []
    page = new_page(browser, session, PHONE if size == "phone" else LAPTOP, third_party, url)
    set_language(page, url, language)
    problems: list[str] = []
    for name, path in walk(page, url).items():
        page.goto(url + path)
        assert page.locator("html").get_attribute("lang") == language
        page.screenshot(path=str(ARTIFACTS / f"{size}-{language}-{name}.png"), full_page=True)
        page.screenshot(path=str(ARTIFACTS / f"{size}-{language}-{name}-first-screen.png"))
        problems += check_layout(page, name, size == "phone")
        problems += [f"{name}: axe {v}" for v in axe_violations(page)]
    page.context.close()
    assert problems == []
    assert third_party == []


def test_a_case_typed_in_russian_on_a_phone(demo_server: tuple[str, Path], browser: Any, session: dict[str, Any]) -> None:
    """Search as you type: "Герм" offers Germany; the review shows every value; Save stores it."""
    from playwright.sync_api import expect

    url, _home = demo_server
    third_party: list[str] = []
    page = new_page(browser, session, PHONE, third_party, url)
    set_language(page, url, "ru")
    page.goto(url + "/cases/new/")
    page.fill("#id_name", "Тестовая Анна")
    page.fill("#id_citizenship", "Россия")
    page.fill("#id_origin_country", "Россия")
    page.fill("#id_threat_state", "Россия")
    page.locator("#id_location_country").press_sequentially("Герм")
    suggestion = page.locator("#id_location_country-suggestions li").first
    expect(suggestion).to_contain_text("Германия")
    expect(suggestion).to_contain_text("Germany")
    page.screenshot(path=str(ARTIFACTS / "phone-ru-country-picker.png"))
    suggestion.click()
    expect(page.locator("#id_location_country")).to_have_value("Германия")
    expect(page.locator("#id_location_country-suggestions-status")).to_contain_text("Германия / Germany")
    page.check("#id_passport_2")  # "holds a valid one", and no other box ticked
    page.keyboard.press("Escape")  # one Escape while typing: nothing happens
    expect(page).to_have_url(url + "/cases/new/")
    page.click("#review-case")
    review = page.locator("#review")
    expect(review).to_contain_text("Германия")
    expect(review).to_contain_text("есть, действующий")
    page.screenshot(path=str(ARTIFACTS / "phone-ru-review.png"), full_page=True)
    assert axe_violations(page) == []
    page.click("#save-case")
    expect(page.locator("#case-location")).to_contain_text("Германия")
    expect(page.locator("#case-documents")).to_contain_text("заграничный паспорт")
    expect(page.locator(".messages")).to_contain_text("Сохранено")
    page.screenshot(path=str(ARTIFACTS / "phone-ru-saved-case.png"), full_page=True)
    page.context.close()
    assert third_party == []


def test_the_demo_case_assessed_in_chromium(demo_server: tuple[str, Path], browser: Any, session: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    url, _home = demo_server
    third_party: list[str] = []
    page = new_page(browser, session, LAPTOP, third_party, url)
    set_language(page, url, "en")
    page.goto(url + "/cases/")
    page.locator("table.cases a").last.click()
    expect(page.locator("#case-name")).to_contain_text("Elza Soltaeva")
    page.select_option("#event-kind", "sheltered")
    page.fill("#event-date", "2025-02-06")
    page.fill("#event-place", "crisis centre")
    page.click("#add-event")
    expect(page.locator("ol.timeline")).to_contain_text("crisis centre")
    expect(page.locator("#timeline .messages")).to_contain_text("Saved")
    page.fill("#assess-country", "Kazakhstan")
    page.fill("#assess-as-of", "2025-02-07")
    page.click("#assess-run")
    expect(page.locator("#world-map > svg")).to_be_visible()
    kazakhstan = page.locator("#world-map .country.kz path").first
    assert kazakhstan.evaluate("e => getComputedStyle(e).fill").startswith("url(")  # a pattern, not only a colour
    germany = page.locator("#world-map .country.de path").first.evaluate("e => getComputedStyle(e).fill")
    assert germany == "rgb(244, 244, 241)"  # not assessed: neutral
    page.locator("#world-map .country.kz").first.click()
    expect(page.locator("#map-country")).to_contain_text("Kazakhstan")
    expect(page.locator("#rank-1")).to_contain_text("7,644")
    source = page.locator("#rank-1 .sources a").first
    expect(source).to_have_attribute("href", re.compile(r"^https?://"))
    assert "noreferrer" in (source.get_attribute("rel") or "") and source.get_attribute("target") is None
    page.screenshot(path=str(ARTIFACTS / "laptop-en-assessment-kz.png"), full_page=True)
    page.context.close()
    assert third_party == []


def test_quick_exit_by_double_escape_leaves_nothing_behind(demo_server: tuple[str, Path], browser: Any, session: dict[str, Any]) -> None:
    """Last in this module: it ends the shared session."""
    from playwright.sync_api import expect

    url, _home = demo_server
    page = new_page(browser, session, PHONE, [], url)
    page.goto(url + "/cases/")
    page.locator("table.cases a").last.click()
    expect(page.locator("#case-name")).to_be_visible()
    page.focus("#assess-country")
    page.keyboard.type("Kaz")
    page.keyboard.press("Escape")
    expect(page.locator("#case-name")).to_be_visible()  # one press while typing does nothing
    page.keyboard.press("Escape")  # the second, within a second, leaves
    expect(page).to_have_url("about:blank")
    page.go_back()
    page.wait_for_load_state()
    assert "Elza" not in page.content()  # Back does not show the case
    # The session is ended by a beacon sent as the page leaves; it arrives a moment later.
    for _ in range(50):
        page.goto(url + "/cases/")
        if page.url == url + "/":
            break
        time.sleep(0.1)
    expect(page).to_have_url(url + "/")  # the session is gone
    page.context.close()
