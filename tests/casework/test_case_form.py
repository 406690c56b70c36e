"""The case form cannot save wrong data: countries are understood whole in English or Russian
or refused in the user's language, documents are explicit answers, nothing is cut to a length,
and every value is shown back before anything is stored."""

from __future__ import annotations

import re
from typing import Any

import pytest

from safepassage.casework.cases.case_form import CaseForm
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.records import CaseRecord
from safepassage.casework.cases.service import open_case

from .conftest import UNKNOWN_HISTORY, World, verified_client


def form_data(world: World, **changes: Any) -> dict[str, Any]:
    data = {
        "name": "Amina Testova", "team": str(world.team.pk), "status": "open", "citizenship": "Russia",
        "origin_country": "Russia", "origin_region": "RU-CE", "community": ["chechen"], "gender": "female",
        "threats": ["family"], "threat_state": "Russia", "criminal_case": "unknown", "search_request": "yes",
        "interpol": "unknown", **UNKNOWN_HISTORY, "passport": "unknown", "internal_id": "unknown",
        "refugee_travel_document": "unknown", "location_country": "Kazakhstan", "place": "", "summary": "",
    }
    data.update(changes)
    return data


def saved_record(world: World, data: dict[str, Any]) -> CaseRecord:
    client = verified_client(world.caseworker)
    before = set(Case.objects.values_list("pk", flat=True))
    review = client.post("/cases/new/", data)
    assert review.status_code == 200 and 'id="review"' in review.content.decode(), "the values are shown back first"
    assert set(Case.objects.values_list("pk", flat=True)) == before, "nothing is stored before Save"
    saved = client.post("/cases/new/", {**data, "confirmed": "1"})
    assert saved.status_code == 302
    (new,) = set(Case.objects.values_list("pk", flat=True)) - before
    return open_case(world.caseworker, new).record


@pytest.mark.parametrize("typed", ["Germany", "Германия", "germany", " GERMANY ", "DE"])
def test_germany_is_germany_in_either_language(world: World, typed: str) -> None:
    record = saved_record(world, form_data(world, location_country=typed))
    assert record.profile["location"] == {"country": "DE"}


def test_a_prefix_is_refused_not_guessed(world: World) -> None:
    """The old form cut "Germany" to "Ge" and saved Georgia."""
    for typed in ("Ge", "Germ", "Germanyy"):
        page = verified_client(world.caseworker).post("/cases/new/", form_data(world, location_country=typed))
        text = page.content.decode()
        assert page.status_code == 200 and 'id="review"' not in text
        assert f"“{typed}” is not a country name we know" in text


def test_a_refusal_is_in_russian_for_a_russian_user(world: World) -> None:
    world.caseworker.language = "ru"
    world.caseworker.save()
    page = verified_client(world.caseworker).post("/cases/new/", form_data(world, location_country="Гер"))
    assert "«Гер» — не название страны" in page.content.decode()


def test_russian_short_names_and_several_citizenships(world: World) -> None:
    record = saved_record(world, form_data(world, citizenship="Россия, Грузия", threat_state="Российская Федерация"))
    assert record.profile["citizenship"] == ["RU", "GE"]
    assert record.profile["threats"][0]["state"] == "RU"


def test_a_passport_ticked_alone_is_kept(world: World) -> None:
    """The old form threw the passport away unless a second box was ticked as well."""
    record = saved_record(world, form_data(world, passport="valid"))
    assert record.profile["documents"] == ["passport"]
    assert record.documents is not None and record.documents.passport == "valid"


def test_passport_status_and_explicit_answers(world: World) -> None:
    record = saved_record(world, form_data(world, passport="held_by_family", internal_id="holds", refugee_travel_document="does_not_hold"))
    assert record.profile["documents"] == ["internal_id", "passport:held_by_family"]


def test_not_known_stays_not_known(world: World) -> None:
    """Without a travel document, an unanswered document could decide onward travel: the
    profile then says the documents are not known, and the review says why."""
    data = form_data(world, internal_id="holds")
    review = verified_client(world.caseworker).post("/cases/new/", data).content.decode()
    assert "cannot judge onward travel" in review
    record = saved_record(world, data)
    assert "documents" not in record.profile
    assert record.documents is not None and record.documents.internal_id == "holds"


def test_editing_shows_the_answers_as_given(world: World) -> None:
    record = saved_record(world, form_data(world, passport="expired", internal_id="holds", refugee_travel_document="unknown", visas="Schengen area, Turkey"))
    initial = CaseForm.initial_from(record, str(world.team.pk), "open")
    assert (initial["passport"], initial["internal_id"], initial["refugee_travel_document"]) == ("expired", "holds", "unknown")
    assert initial["visas"] == ["schengen", "TR"]


def test_the_review_shows_every_value_in_words(world: World) -> None:
    page = verified_client(world.caseworker).post("/cases/new/", form_data(world, location_country="Германия", community=["chechen", "ingush"]))
    review = re.search(r'<dl class="review" id="review">(.*?)</dl>', page.content.decode(), re.S)
    assert review is not None
    shown = review.group(1)
    assert "Germany" in shown and "Chechens" in shown and "Ingush" in shown and "Russia" in shown
    assert "Chechenskaya" in shown or "RU-CE" in shown


def test_change_goes_back_to_the_form_with_the_values(world: World) -> None:
    page = verified_client(world.caseworker).post("/cases/new/", {**form_data(world, location_country="DE"), "change": "1"})
    text = page.content.decode()
    assert 'id="review"' not in text and 'value="Germany"' in text


def test_no_input_silently_cuts_what_is_typed(world: World) -> None:
    client = verified_client(world.caseworker)
    for path in ("/cases/new/", f"/cases/{world.case.pk}/", f"/cases/{world.case.pk}/edit/", "/cases/"):
        assert "maxlength" not in client.get(path).content.decode(), path
    page = client.post("/cases/new/", form_data(world, name="x" * 201)).content.decode()
    assert "at most 200 characters" in page


def test_a_region_must_belong_to_its_country(world: World) -> None:
    page = verified_client(world.caseworker).post("/cases/new/", form_data(world, origin_country="Georgia", citizenship="Georgia")).content.decode()
    assert "RU-CE is not a region of Georgia" in page
    page = verified_client(world.caseworker).post("/cases/new/", form_data(world, origin_region="RU-XX")).content.decode()
    assert "is not an ISO 3166-2 region code" in page


def test_another_community_is_checked_not_mangled(world: World) -> None:
    page = verified_client(world.caseworker).post("/cases/new/", form_data(world, community_other="Аварцы")).content.decode()
    assert "small Latin letters" in page
    record = saved_record(world, form_data(world, community_other="avar"))
    assert record.profile["community"] == ["chechen", "avar"]
