"""Every page in Russian, walked as a Russian-speaking coordinator (and administrator, and a
visitor who is not logged in): no interface text is left in English.

The case's own data is written in Russian here, so any Latin word on a page is interface text,
except what is named below: product and app names, codes, the accounts' user names, and text
the page itself marks as not the interface's language (`lang="en"`) or not to be translated
(`translate="no"`: source titles and publishers, quoted as published).

ALSO NOT CHECKED HERE: the findings' own sentences, caveats and "what is missing" notes on the
assessment pages (`class="kb-text"`). They are the report layer's (report.explain, in Russian
for a Russian reader; tests/casework/test_i18n.py checks the page says them as the command line
does), and they quote publishers and terms as published ("Freedom House", "non-refoulement").
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import timezone

from safepassage.casework.accounts.models import Organisation, Role, Team, User
from safepassage.casework.assessments.service import run_assessment
from safepassage.casework.cases.records import (
    CaseRecord,
    ConsentRecord,
    EventRecord,
    NoteRecord,
    ReferralRecord,
    SafetyPlanRecord,
)
from safepassage.casework.cases.service import (
    add_attachment,
    add_record,
    create_case,
    open_case,
    save_safety_plan,
)

from .conftest import PASSWORD, PROFILE, UNKNOWN_HISTORY, make_user, verified_client

# Words that are the same in a Russian interface: names of the product and of other software,
# and abbreviations people use as they are.
NOT_INTERFACE = {"Safe", "Passage", "OpenAPI", "API", "TOTP", "Esc", "ISO", "UTC", "Aegis", "FreeOTP", "Google", "Authenticator", "PDF", "COI"}
LANGUAGE_NAMES = {"English"}  # a language offered by its own name, as in the language switch
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z'’]+(?:-[A-Za-z]+)*(?![A-Za-z0-9])")  # not inside a hex id
CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")  # ISO codes such as RU-CE, shown as examples
SKIPPED_TAGS = {"script", "style", "code", "svg"}  # svg: country titles are base-layer names, tested in test_map
TEXT_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """Text a reader sees or hears, outside what the page marks as another language."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.found: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        other_language = a.get("lang") not in (None, self.language)
        knowledge_base_text = "kb-text" in (a.get("class") or "").split()
        skip = tag in SKIPPED_TAGS or a.get("translate") == "no" or other_language or knowledge_base_text
        if tag not in VOID:
            self.stack.append((tag, skip))
        if not (skip or self.skipping):
            for name in TEXT_ATTRIBUTES:
                if a.get(name):
                    self.found.append(str(a[name]))
            if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
                self.found.append(str(a["value"]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and not self.skipping:
            self.found.append(data.strip())


def english_words(html: str, allowed: set[str]) -> list[str]:
    parser = VisibleText("ru")
    parser.feed(html)
    return [
        text for text in parser.found
        if any(word not in allowed and not CODE.match(word) and len(word) > 2 for word in LATIN_WORD.findall(text))
    ]


@pytest.fixture
def russian_world(db: None) -> dict[str, object]:
    org = Organisation.objects.create(name="Кризисная группа")
    team = Team.objects.create(organisation=org, name="Северный Кавказ")
    coordinator = make_user("koordinator", org, Role.COORDINATOR, [team])
    administrator = make_user("adminka", org, Role.ADMINISTRATOR, [])
    worker = make_user("rabotnik", org, Role.CASEWORKER, [team])
    for user in (coordinator, administrator, worker):
        user.language = "ru"
        user.save()
    profile = {**PROFILE, "documents": ["internal_id", "passport:held_by_family", "visa:schengen"], "prominence": "activist"}
    case = create_case(coordinator, team, CaseRecord(name="Мадина Тестова", profile=profile, place="приют", summary="кратко"))
    opened = open_case(coordinator, case.pk)
    add_record(coordinator, opened, EventRecord(kind="detained", date=dt.date(2025, 2, 5), place="Доссор", description="задержана"))
    add_record(coordinator, opened, NoteRecord(text="заметка"))
    add_record(coordinator, opened, ConsentRecord(may_store=True, may_share_with="юрист", given_on=dt.date(2025, 2, 6)))
    add_record(coordinator, opened, ReferralRecord(kind="unhcr", to="УВКБ", date=dt.date(2025, 2, 6)))
    add_attachment(coordinator, opened, "справка", "application/pdf", b"%PDF")
    save_safety_plan(coordinator, opened, SafetyPlanRecord(check_in="ежедневно", check_in_every_hours=24), timezone.now() - dt.timedelta(hours=2))
    one = run_assessment(coordinator, opened, ["KZ"], dt.date(2025, 2, 7))
    every = run_assessment(coordinator, opened, None, dt.date(2025, 2, 7))
    return {"coordinator": coordinator, "administrator": administrator, "worker": worker, "team": team, "case": case, "one": one, "every": every}


def test_every_page_is_in_russian(russian_world: dict[str, object]) -> None:
    coordinator = russian_world["coordinator"]
    case = russian_world["case"]
    team = russian_world["team"]
    client = verified_client(coordinator)  # type: ignore[arg-type]
    c = f"/cases/{case.pk}"  # type: ignore[attr-defined]
    new_case = {
        "name": "Лейла", "team": str(team.pk), "status": "open", "citizenship": "Россия",  # type: ignore[attr-defined]
        "origin_country": "Россия", "origin_region": "RU-CE", "community": ["chechen"], "gender": "female",
        "threats": ["family", "state"], "threat_state": "Россия", "state_power": "on", "prominence": "none",
        "criminal_case": "yes", "search_request": "no", "interpol": "unknown", **UNKNOWN_HISTORY,
        "passport": "held_by_family", "internal_id": "holds", "refugee_travel_document": "unknown",
        "visas": "Шенгенская зона", "residence": "Грузия", "location_country": "Казахстан", "place": "", "summary": "",
    }
    pages = {
        "case list": client.get("/cases/"),
        "case list, filtered": client.post("/cases/", {"location": "Казахстан", "status": "open", "rating": "none", "due": "overdue"}),
        "case list, bad filter": client.post("/cases/", {"location": "Гер"}),
        "new case": client.get("/cases/new/"),
        "new case, review": client.post("/cases/new/", new_case),
        "new case, errors": client.post("/cases/new/", {**new_case, "location_country": "Гер", "origin_region": "XX-1", "name": ""}),
        "case": client.get(f"{c}/", follow=True),
        "edit": client.get(f"{c}/edit/"),
        "summary": client.get(f"{c}/summary/"),
        "erase": client.get(f"{c}/erase/"),
        "one-country assessment": client.get(f"{c}/assessments/{russian_world['one'].pk}/"),  # type: ignore[attr-defined]
        "every-country assessment": client.get(f"{c}/assessments/{russian_world['every'].pk}/"),  # type: ignore[attr-defined]
        "one country of every": client.get(f"{c}/assessments/{russian_world['every'].pk}/1/"),  # type: ignore[attr-defined]
        "accounts": client.get("/accounts/"),
        "account created": client.post("/accounts/", {"username": "novaya", "role": "caseworker"}),
        "access": client.get(f"/accounts/{russian_world['worker'].pk}/access/"),  # type: ignore[attr-defined]
        "reset": client.post(f"/accounts/{russian_world['worker'].pk}/reset/"),  # type: ignore[attr-defined]
        "my page": client.get("/me/"),
        "not found": client.get("/no-such-page/"),
        "saved event": client.post(f"{c}/events/", {"kind": "moved", "date": "2025-02-07", "place": "Алматы"}, follow=True),
        "refused event": client.post(f"{c}/events/", {"kind": "moved", "date": "вчера"}, follow=True),
        "administrator's accounts": verified_client(russian_world["administrator"]).get("/accounts/"),  # type: ignore[arg-type]
        "login": Client(HTTP_ACCEPT_LANGUAGE="ru").get("/"),
        "login refused": Client(HTTP_ACCEPT_LANGUAGE="ru").post("/", {"username": "koordinator", "password": "неверный"}),
    }
    # the user names of this test, and "avar", the example of a community code typed in Latin
    newcomer = Client(HTTP_ACCEPT_LANGUAGE="ru")
    User.objects.create_user(username="novichok", password=PASSWORD, organisation=coordinator.organisation, must_set_password=True)  # type: ignore[attr-defined]
    assert newcomer.post("/", {"username": "novichok", "password": PASSWORD})["Location"] == "/enrol/"
    pages["enrolment"] = newcomer.get("/enrol/")
    # and "Madina Testova", the news monitor's Latin spelling of the case's name (data)
    allowed = NOT_INTERFACE | LANGUAGE_NAMES | {"koordinator", "adminka", "rabotnik", "novaya", "novichok", "avar", "Madina", "Testova"}
    untranslated = {}
    for name, response in pages.items():
        assert response.status_code in (200, 404), (name, response.status_code)
        html = response.content.decode()
        assert '<html lang="ru">' in html, name
        found = english_words(html, allowed)
        if found:
            untranslated[name] = found
    assert untranslated == {}


def test_the_walker_finds_english(russian_world: dict[str, object]) -> None:
    """The check itself can fail: English interface text is caught, marked text is not."""
    assert english_words('<p>Сохранено</p><button>Save</button>', set()) == ["Save"]
    assert english_words('<p lang="en" class="kb-text">Kazakhstan borders Russia</p><ul translate="no"><li>Reuters</li></ul>', set()) == []
    assert english_words('<input placeholder="Find by name">', set()) == ["Find by name"]
