"""Input edges an attacker can reach: what the API stores is exactly the validated profile, a
region must belong to its country, an unknown country code is a 400 wherever one is taken, profile
text cannot inject Markdown or HTML into a report, and an attachment never downloads under an
executable name or as something a browser would render."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from markdown_it import MarkdownIt

from safepassage.casework.accounts.models import ApiToken
from safepassage.casework.security.downloads import download_name
from safepassage.profile.models import Profile
from safepassage.profile.reader import ProfileError, profile_from_data

from .conftest import PROFILE, World, verified_client


def api(world: World) -> Client:
    _row, token = ApiToken.issue(world.caseworker)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def create(client: Client, world: World, profile: Any) -> Any:
    return client.post("/api/v1/cases", {"team": str(world.team.pk), "record": {"name": "Edge", "profile": profile}}, content_type="application/json")


def test_the_api_stores_the_validated_profile_not_the_submitted_json(world: World) -> None:
    client = api(world)
    wrapped = {"profile": PROFILE, "smuggled": "<script>alert(1)</script>", "notes": "Flat 7, Quietstreet 13"}
    created = create(client, world, wrapped)
    assert created.status_code == 201
    stored = client.get(f"/api/v1/cases/{created.json()['id']}").json()["record"]["profile"]
    assert stored == Profile.model_validate(PROFILE).model_dump(mode="json", exclude_none=True)
    assert "smuggled" not in str(stored) and "Quietstreet" not in str(stored)


@pytest.mark.parametrize(
    ("region", "rule"),
    [("RU-CE", "country"), ("<script>", "pattern"), ("kz-ala", "pattern"), ("KZ-ALAMATY", "pattern")],
)
def test_a_region_must_be_an_iso_3166_2_code_of_its_country(world: World, region: str, rule: str) -> None:
    response = create(api(world), world, {**PROFILE, "location": {"country": "KZ", "region": region}})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith("record.profile: ") and "location.region" in error and region not in error
    with pytest.raises(ProfileError, match=r"location\.region"):
        profile_from_data({**PROFILE, "location": {"country": "KZ", "region": region}})


def test_a_region_of_the_country_is_accepted(world: World) -> None:
    assert create(api(world), world, {**PROFILE, "location": {"country": "KZ", "region": "KZ-ALA"}}).status_code == 201


@pytest.mark.parametrize(
    "profile",
    [
        {**PROFILE, "citizenship": ["XX"]},
        {**PROFILE, "origin": {"country": "ZZ"}},
        {**PROFILE, "threats": [{"actor": "state", "state": "QQ"}]},
        {**PROFILE, "location": {"country": "XK2"}},
        {**PROFILE, "location": {"country": "AA"}},
    ],
    ids=["citizenship", "origin", "threat-state", "location-format", "location-unknown"],
)
def test_unknown_country_codes_in_a_profile_are_400(world: World, profile: dict[str, Any]) -> None:
    response = create(api(world), world, profile)
    assert response.status_code == 400 and "\n" not in response.json()["error"]


@pytest.mark.parametrize("country", ["XX", "ZZ", "AA", "kz", "K1", ""])
def test_unknown_country_codes_in_an_assessment_request_are_400(world: World, country: str) -> None:
    response = api(world).post(f"/api/v1/cases/{world.case.pk}/assessments", {"country": country, "as_of": "2025-02-07"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"].startswith("country:")


def test_the_assessment_page_refuses_an_unknown_country_too(world: World) -> None:
    response = verified_client(world.caseworker).post(f"/cases/{world.case.pk}/assess/", {"country": "XX", "as_of": dt.date(2025, 2, 7).isoformat()})
    assert response.status_code in (200, 302, 400) and response.status_code != 500


HOSTILE_ID = "x` <img src=x onerror=alert(1)> [link](https://evil.example) | **bold** _it_\n# Heading"


def test_markdown_reports_escape_profile_text(kb: Any) -> None:
    from safepassage.assess import assess_world
    from safepassage.report.markdown_format import FORMAT
    from safepassage.report.model import Report

    profile = Profile.model_validate({**PROFILE, "id": HOSTILE_ID})
    for countries in (["KZ"], ["KZ", "GE"]):
        report = Report(profile, dt.date(2025, 2, 7), kb, assess_world(profile, kb.view(dt.date(2025, 2, 7)), countries))
        text = FORMAT.render(report)
        assert "\n# Heading" not in text  # no line of its own
        # rendered as a Markdown reader would (CommonMark with raw HTML allowed, as chat apps and
        # notes do), the id is plain text: no image, no link, no HTML, no emphasis
        html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
        heading = html.split("</h1>")[0]
        assert "<img" not in html and "evil.example\"" not in html and "<a " not in heading
        assert "<strong>bold" not in heading and "<em>it" not in heading and "<code>" not in heading
        assert "&lt;img src=x onerror=alert(1)&gt;" in heading and "**bold**" in heading


@pytest.mark.parametrize(
    ("uploaded", "served"),
    [
        ("scan.pdf", "scan.pdf"),
        ("invoice.pdf.exe", "invoice.pdf.exe.bin"),
        ("run.SH", "run.SH.bin"),
        ("page.html", "page.html.bin"),
        ("photo\u202egpj.exe", "photogpj.exe.bin"),  # a right-to-left override hides ".exe"
        ("../../etc/passwd", "passwd.bin"),
        ("report.docm", "report.docm.bin"),
        (".bashrc", "bashrc.bin"),
        ("", "attachment.bin"),
        ("notes.txt", "notes.txt"),
    ],
)
def test_download_names_never_end_in_an_executable_extension(uploaded: str, served: str) -> None:
    assert download_name(uploaded) == served


def test_an_attachment_downloads_as_an_opaque_file(world: World) -> None:
    client = verified_client(world.caseworker)
    client.post(f"/cases/{world.case.pk}/attachments/", {"file": SimpleUploadedFile("invoice.pdf.exe", b"MZ...", content_type="application/x-msdownload")})
    from safepassage.casework.cases.models import Attachment

    row = Attachment.objects.get(case=world.case)
    response = client.get(f"/cases/{world.case.pk}/attachments/{row.pk}/")
    assert response["Content-Type"] == "application/octet-stream"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith("invoice.pdf.exe.bin")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_case_stored_before_the_region_rule_stays_readable_and_asks_for_a_fix(world: World) -> None:
    """A region typed freely before it was checked: the case opens, an assessment asks for the fix."""
    from safepassage.casework.cases.records import CaseRecord
    from safepassage.casework.cases.service import open_case

    opened = open_case(world.caseworker, world.case.pk)
    old = CaseRecord.model_construct(**{**opened.record.model_dump(), "profile": {**PROFILE, "location": {"country": "KZ", "region": "ALMATY"}}})
    opened.case.seal_record(opened.key, old)
    opened.case.save()
    client = verified_client(world.caseworker)
    assert client.get(f"/cases/{world.case.pk}/").status_code == 200
    page = client.post(f"/cases/{world.case.pk}/assess/", {"country": "KZ"}, follow=True)
    assert "location.region" in page.content.decode()
    dossier = client.post(f"/cases/{world.case.pk}/dossier/", {"kind": "lawyer", "language": "en"}, follow=True)
    assert dossier.status_code == 200 and "location.region" in dossier.content.decode()
    refused = api(world).post(f"/api/v1/cases/{world.case.pk}/assessments", {"country": "KZ"}, content_type="application/json")
    assert refused.status_code == 409 and "location.region" in refused.json()["error"] and "ALMATY" not in refused.json()["error"]
