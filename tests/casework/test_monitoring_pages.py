"""The monitor on the case page and the incident review queue, as a caseworker uses them."""

from __future__ import annotations

from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.monitoring.models import Alert, Article, IncidentCandidate, WatchEntry

from .conftest import SECRET_NAME, World, verified_client
from .monitoring_helpers import add_alert


def test_the_watch_form_starts_from_the_case_name_and_offers_passport_spellings(world: World) -> None:
    page = verified_client(world.caseworker).get(f"/cases/{world.case.pk}/")
    assert page.context["watch_form"].initial["names"] == SECRET_NAME and page.context["watching"] is False
    world_case = world.case
    client = verified_client(world.caseworker)
    client.post(f"/cases/{world_case.pk}/watch/", {"names": "Зарема Секретова", "enabled": "on", "min_score": "0.7"})
    page = client.get(f"/cases/{world_case.pk}/")
    assert page.context["watching"] is True
    assert "Zarema Sekretova" in page.context["spellings"]  # ICAO / BGN spelling of the Cyrillic name
    assert "Zarema Sekretova" in page.content.decode()


def test_saving_watch_names_seals_them_and_is_audited(world: World) -> None:
    client = verified_client(world.caseworker)
    response = client.post(f"/cases/{world.case.pk}/watch/", {"names": "Зарема Секретова\nZarema Sekretova\n\nZarema Sekretova", "enabled": "on", "min_score": "0.6"})
    assert response.status_code == 302 and response["Location"].endswith("#monitoring")
    row = WatchEntry.objects.get(case=world.case)
    assert row.enabled and b"Sekretova" not in bytes(row.sealed) and "Секретова".encode() not in bytes(row.sealed)
    assert AuditEntry.objects.filter(action="watch.update", case_id=str(world.case.pk)).exists()
    names = verified_client(world.caseworker).get(f"/cases/{world.case.pk}/").context["watch_form"].initial["names"]
    assert names == "Зарема Секретова\nZarema Sekretova"  # blank and repeated lines dropped


def test_bad_watch_input_saves_nothing(world: World) -> None:
    client = verified_client(world.caseworker)
    for data in ({"names": "   ", "min_score": "0.6"}, {"names": "A B", "min_score": "5"}):
        client.post(f"/cases/{world.case.pk}/watch/", data)
    assert not WatchEntry.objects.exists()


def test_an_alert_shows_the_article_the_matched_words_and_the_places(world: World) -> None:
    alert = add_alert(world.case, title="Задержание в Алматы")
    client = verified_client(world.caseworker)
    html = client.get(f"/cases/{world.case.pk}/").content.decode()
    assert "Named together with a place" in html and "Задержание в Алматы" in html
    assert "<mark>Аминат Досхоеву</mark>" in html and "<mark>Алматы</mark> (Almaty, KZ)" in html
    assert 'href="https://news.example/a" rel="noreferrer noopener"' in html
    client.post(f"/cases/{world.case.pk}/alerts/{alert.pk}/")
    alert.refresh_from_db()
    assert alert.reviewed
    assert AuditEntry.objects.filter(action="alert.review", case_id=str(world.case.pk)).count() == 1
    assert "Mark as reviewed" not in client.get(f"/cases/{world.case.pk}/").content.decode()


def test_another_cases_alerts_are_not_on_this_case_page(world: World) -> None:
    add_alert(world.other_case, title="Not this case")
    html = verified_client(world.coordinator).get(f"/cases/{world.case.pk}/").content.decode()
    assert "Not this case" not in html
    assert Alert.objects.count() == 1


def test_incident_candidates_are_reviewed_and_give_a_source_entry_to_start_from(world: World) -> None:
    article = Article.objects.create(
        url="https://news.example/handover", url_hash="a" * 64, content_hash="b" * 64, source_id="local-news",
        title="Полиция передала чеченку родственникам", published="2025-02-07", language="ru",
    )  # fmt: skip
    candidate = IncidentCandidate.objects.create(article=article, kinds="handover", origins="chechen", excerpt="…передали родственникам…")
    client = verified_client(world.caseworker)
    page = client.get("/monitor/incidents/").content.decode()
    assert "Полиция передала чеченку родственникам" in page and "handover" in page
    client.post(f"/monitor/incidents/{candidate.pk}/", {"status": "accepted", "note": "to write up"})
    candidate.refresh_from_db()
    assert candidate.status == "accepted" and candidate.reviewed_by == "worker" and candidate.note == "to write up"
    page = client.get("/monitor/incidents/").content.decode()
    assert "url: https://news.example/handover" in page and "published: 2025-02-07" in page
    assert AuditEntry.objects.filter(action="incident.review").count() == 1
    assert client.post(f"/monitor/incidents/{candidate.pk}/", {"status": "nonsense"}).status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == "accepted"
