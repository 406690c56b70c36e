"""Dossiers for the founding case, in English and Russian: each kind renders, its pages turn
into PNG with pdftoppm, and its text layer (pdftotext) holds the sections the procedure asks
for; refusals are one line and exit code 2."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from safepassage.cli import main
from safepassage.kb import KnowledgeBase
from safepassage.profile import Profile, read_profile
from safepassage.report.dossier import (
    CaseFile,
    DossierError,
    DossierRequest,
    Event,
    Removal,
    build_document,
    render_dossier,
)
from safepassage.report.dossier.catalogue import Catalogue, entries
from safepassage.report.dossier.procedures import committees

EXAMPLE = Path(__file__).parents[1] / "examples" / "founding-case.yaml"
AS_OF = dt.date(2025, 2, 7)
TODAY = dt.date(2026, 12, 4)
POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# kind -> (State concerned, extra request fields). Kazakhstan is not bound by the European
# Convention, so the founding profile's Rule 39 request is drawn up for Georgia, a member
# she could have been removed from.
KINDS = {
    "lawyer": ("KZ", {}),
    "un-complaint": ("KZ", {"committee": "cedaw", "removal": Removal(dt.date(2025, 2, 10), "06:00", "RU")}),
    "rule39": ("GE", {"removal": Removal(dt.date(2025, 2, 10), "06:00", "RU"), "contact": "Counsel on duty, +7 700 000 0000"}),
    "coi-annex": ("KZ", {}),
}
SECTIONS = {
    "lawyer": ["lawyer.situation", "lawyer.threats", "lawyer.documents", "lawyer.timeline", "lawyer.assessments", "lawyer.changes"],
    "un-complaint": [
        "un.s_committee", "un.s_author", "un.s_victim", "un.s_counsel", "un.s_facts", "un.s_remedies",
        "un.s_other", "un.s_articles", "un.s_remedy", "un.s_interim", "un.s_documents", "un.s_signature",
    ],
    "rule39": [
        "rule39.banner", "rule39.contact", "removal.date", "removal.time", "removal.destination",
        "rule39.s_measure", "rule39.s_grounds", "rule39.s_decisions",
    ],
    "coi-annex": [
        "coi.method", "coi.themes.reach", "coi.themes.cooperation", "coi.themes.conduct",
        "coi.themes.community", "coi.themes.protection", "coi.gaps", "coi.sources",
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def founding() -> Profile:
    return read_profile(EXAMPLE)


def request(kind: str, language: str = "en", **changes: object) -> DossierRequest:
    country, extra = KINDS[kind]
    fields: dict[str, object] = {"kind": kind, "country": country, "as_of": AS_OF, "language": language, **extra, **changes}
    return DossierRequest(**fields)  # type: ignore[arg-type]


def text_layer(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(BIDI_MARKS.sub("", out).split())


def needs_poppler() -> None:
    if not POPPLER:
        if os.environ.get("CI"):
            pytest.fail("CI must have poppler-utils (scripts/ensure-poppler.sh)")
        pytest.skip("poppler-utils (pdftoppm, pdftotext) is not installed")


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_renders_for_the_founding_case(
    kb: KnowledgeBase, founding: Profile, kind: str, language: str, tmp_path: Path
) -> None:
    needs_poppler()
    pdf = tmp_path / f"{kind}-{language}.pdf"
    pdf.write_bytes(render_dossier(kb, request(kind, language), CaseFile(profile=founding), today=TODAY))
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages and all(p.stat().st_size > 1000 for p in pages)
    text = text_layer(pdf)
    t = Catalogue(language)
    missing = [key for key in SECTIONS[kind] if " ".join(t(key).split()) not in text]
    assert missing == []
    if kind != "coi-annex":  # the annex holds sourced statements only; the others have gaps to fill
        assert t("template.todo") in text  # what the app does not hold is marked, not invented


def test_a_un_communication_states_when_kazakhstan_accepted_each_procedure(kb: KnowledgeBase, founding: Profile) -> None:
    # as the knowledge base records them: CAT article 22 in 2008, ICCPR-OP1 in 2009, OP-CEDAW in 2001
    for code, year in (("cat", "2008"), ("hrc", "2009"), ("cedaw", "2001")):
        doc = build_document(kb, request("un-complaint", committee=code), CaseFile(profile=founding), TODAY).to_data()
        first = doc["sections"][0]
        statement = next(b for b in first["blocks"] if b["type"] == "statements")["items"][0]
        # a year, or the day where the record has it: "since 2008," / "since 30 June 2009,"
        assert re.search(rf"since (\d{{1,2}} \w+ )?{year},", statement["text"]), statement["text"]
        assert statement["notes"], "the acceptance is cited"
        assert committees()[code].name["en"] in doc["title"]


def test_interim_measures_are_requested_only_when_removal_is_imminent(kb: KnowledgeBase, founding: Profile) -> None:
    t = Catalogue("en")

    def interim(case: CaseFile, removal: Removal | None) -> list[dict[str, object]]:
        doc = build_document(kb, request("un-complaint", removal=removal), case, TODAY).to_data()
        return next(s for s in doc["sections"] if s["title"] == t("un.s_interim"))["blocks"]

    calm = interim(CaseFile(profile=founding), None)
    assert calm == [{"type": "para", "text": t("un.interim_not_now")}]
    detained = CaseFile(profile=founding, events=(Event(dt.date(2025, 2, 5), "detained", "Dossor"),), from_case=True)
    assert len(interim(detained, None)) > 1
    assert len(interim(CaseFile(profile=founding), Removal(dt.date(2025, 2, 10)))) > 1


def test_every_coi_statement_is_footnoted_with_sources_known_on_the_date(kb: KnowledgeBase, founding: Profile) -> None:
    doc = build_document(kb, request("coi-annex"), CaseFile(profile=founding), TODAY)
    statements = [s for section in doc.sections for b in section.blocks if b["type"] == "statements" for s in b["items"]]
    assert len(statements) > 10
    assert all(s["notes"] for s in statements)
    cited = {n["id"].removeprefix("src-") for s in statements for n in s["notes"]}
    assert cited and all(kb.sources[i].published.latest <= AS_OF for i in cited)
    # and a fact first published after the date stays out
    later = kb.view(TODAY).about_country("KZ")
    unseen = {f.id for f in later} - {f.id for f in kb.view(AS_OF).about_country("KZ")}
    assert unseen, "the knowledge base learnt about Kazakhstan after February 2025"
    texts = {s["text"] for s in statements}
    assert not any(kb.facts_by_id[i].summary in texts for i in unseen if i in kb.facts_by_id)


def test_names_in_cyrillic_and_arabic_are_typeset_in_their_script(kb: KnowledgeBase, founding: Profile, tmp_path: Path) -> None:
    needs_poppler()
    for name in ("Зарема Испытаниева", "فاطمة عبد الله"):
        pdf = tmp_path / "named.pdf"
        pdf.write_bytes(render_dossier(kb, request("lawyer"), CaseFile(profile=founding, name=name, from_case=True), TODAY))
        assert name in text_layer(pdf)
        fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert ("NotoSansArabic" in fonts) == (name.startswith("ف"))  # shaped by an Arabic font, not a fallback


def test_case_text_is_printed_as_text_never_as_markup(kb: KnowledgeBase, founding: Profile, tmp_path: Path) -> None:
    needs_poppler()
    hostile = '#read("/etc/passwd") *bold* $x$ ]) #panic("x")'
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(render_dossier(kb, request("lawyer"), CaseFile(profile=founding, name=hostile, summary=hostile, from_case=True), TODAY))
    assert " ".join(hostile.split()) in text_layer(pdf)


def test_rendering_writes_nothing_to_disk(kb: KnowledgeBase, founding: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.chdir(scratch)
    render_dossier(kb, request("lawyer"), CaseFile(profile=founding, name="Зарема"), TODAY)
    assert list(scratch.iterdir()) == []


def test_the_lawyer_file_says_what_changed_since_the_date(kb: KnowledgeBase, founding: Profile) -> None:
    t = Catalogue("en")
    doc = build_document(kb, request("lawyer"), CaseFile(profile=founding), TODAY)
    changes = next(s for s in doc.sections if s.title == t("lawyer.changes"))
    heading = changes.blocks[0]["text"]
    assert heading == t("lawyer.change_heading", before=t.date(AS_OF), after=t("lawyer.change_now"))
    assert len(changes.blocks) > 1


def test_catalogues_have_the_same_words() -> None:
    """The same keys, except that a count's entry has one text per plural category of its
    language (English: one, other; Russian: one, few, many, other)."""

    def words(language: str) -> set[str]:
        return {re.sub(r"\.(zero|one|two|few|many|other)$", "", key) for key in entries(language)}

    assert words("en") == words("ru")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--kind", "un-complaint", "--committee", "cat", "--country", "CN"], "--committee"),
        (["--kind", "un-complaint", "--committee", "cat", "--as-of", "2008-06-01"], "--committee"),
        (["--kind", "un-complaint", "--committee", "icj"], "--committee"),
        (["--kind", "rule39"], "--kind rule39"),
        (["--kind", "rule39", "--country", "RU", "--as-of", "2023-01-01"], "--kind rule39"),
        (["--kind", "memo"], "--kind"),
        (["--kind", "lawyer", "--removal", "soon"], "--removal"),
    ],
)
def test_refusals_are_one_line_and_exit_2(
    args: list[str], named: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.pdf"
    monkeypatch.setattr("sys.argv", ["safepassage", "dossier", str(EXAMPLE), "--as-of", "2025-02-07", *args, "-o", str(out)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and error.startswith(f"error: {named}")
    assert not out.exists()


def test_the_command_writes_a_private_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "d.pdf"
    monkeypatch.setattr("sys.argv", ["safepassage", "dossier", str(EXAMPLE), "--kind", "coi-annex", "--as-of", "2025-02-07", "--language", "ru", "-o", str(out)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o777 == 0o600


def test_russia_left_the_convention_in_2022(kb: KnowledgeBase, founding: Profile) -> None:
    # bound until 16 September 2022, known from the Council of Europe's decision of March 2022
    in_russia = request("rule39", country="RU", removal=Removal(dt.date(2022, 6, 1), "", "TJ"), as_of=dt.date(2022, 6, 1))
    assert build_document(kb, in_russia, CaseFile(profile=founding), TODAY).banner == ["Rule 39 – Urgent"]
    with pytest.raises(DossierError):
        build_document(kb, request("rule39", country="RU", as_of=dt.date(2023, 1, 1)), CaseFile(profile=founding), TODAY)


@pytest.mark.parametrize(("n", "word"), [(1, "утверждение"), (2, "утверждения"), (5, "утверждений"), (21, "утверждение")])
def test_dossier_counts_take_the_russian_plural_form(n: int, word: str) -> None:
    assert f"{n} {word} " in Catalogue("ru").plural("coi.gaps_text", n, cutoff="…")
    assert ("statement " if n == 1 else "statements ") in Catalogue("en").plural("coi.gaps_text", n, cutoff="…")
