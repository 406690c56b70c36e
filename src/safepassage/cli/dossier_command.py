"""`safepassage dossier CASE_OR_PROFILE --kind KIND [...] -o FILE.pdf`.

CASE_OR_PROFILE is a profile file (YAML or JSON, DESIGN §5), or the opaque id of a case in the
casework database (the UUID in the case page's address): a person's name never has to be typed
into a shell, where it would stay in the history. Reading a case is audited (actor `cli`).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Annotated

import typer

from safepassage.cli.errors import BadInput
from safepassage.cli.options import parse_as_of, parse_country
from safepassage.kb import KnowledgeBase, KnowledgeBaseError, load
from safepassage.profile import Profile, ProfileError, read_profile
from safepassage.report.dossier import (
    KINDS,
    LANGUAGES,
    CaseFile,
    DossierError,
    DossierRequest,
    Removal,
    render_dossier,
)


def dossier(
    case_or_profile: Annotated[str, typer.Argument(metavar="CASE_OR_PROFILE", help="profile file, or a case's id")],
    kind: Annotated[str, typer.Option("--kind", help="lawyer | un-complaint | rule39 | coi-annex")],
    output: Annotated[Path, typer.Option("--output", "-o", help="the PDF file to write (private: mode 0600)")],
    country: Annotated[str | None, typer.Option("--country", "-c", help="the State concerned; default: where the person is")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="only what was known on YYYY-MM-DD")] = None,
    language: Annotated[str, typer.Option("--language", help="en | ru")] = "en",
    committee: Annotated[str, typer.Option("--committee", help="un-complaint: cat | hrc | cedaw")] = "",
    removal: Annotated[str | None, typer.Option("--removal", help="scheduled removal: YYYY-MM-DD or YYYY-MM-DDTHH:MM")] = None,
    destination: Annotated[str | None, typer.Option("--destination", help="country of the removal (ISO code)")] = None,
    contact: Annotated[str, typer.Option("--contact", help="rule39: person the Court should call")] = "",
) -> None:
    """A dossier as PDF: the lawyer's file, a UN communication, a Rule 39 request or a COI annex."""
    if kind not in KINDS:
        raise BadInput(f"--kind: {kind!r} is not one of {', '.join(KINDS)}")
    if language not in LANGUAGES:
        raise BadInput(f"--language: {language!r} is not one of {', '.join(LANGUAGES)}")
    kb = _knowledge()
    request = DossierRequest(
        kind=kind,  # type: ignore[arg-type]
        country=parse_country(country, kb.base, "--country") if country else "",
        as_of=parse_as_of(as_of) or dt.date.today(),
        language=language,  # type: ignore[arg-type]
        committee=committee.strip().lower(),
        removal=_removal(removal, destination, kb),
        contact=contact.strip(),
    )
    path = Path(case_or_profile)
    try:
        if path.is_file():
            pdf = render_dossier(kb, request, CaseFile(profile=_profile(path)))
        else:
            pdf = _from_case(case_or_profile, request)
    except DossierError as error:
        raise BadInput(str(error)) from None
    _write_private(output, pdf)
    typer.echo(f"wrote {output}", err=True)


def _knowledge() -> KnowledgeBase:
    try:
        return load()
    except KnowledgeBaseError as error:
        raise BadInput(f"{error}; run `safepassage kb check`") from None


def _profile(path: Path) -> Profile:
    try:
        return read_profile(path)
    except ProfileError as error:
        raise BadInput(str(error)) from None


def _removal(value: str | None, destination: str | None, kb: KnowledgeBase) -> Removal | None:
    where = parse_country(destination, kb.base, "--destination") if destination else ""
    if value is None:
        if where:
            raise BadInput("--destination: give the scheduled date with --removal as well")
        return None
    day, _, time = value.partition("T")
    try:
        date = dt.date.fromisoformat(day)
        if time:
            dt.time.fromisoformat(time)
    except ValueError:
        raise BadInput(f"--removal: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, got {value!r}") from None
    return Removal(date, time[:5], where)


def _from_case(reference: str, request: DossierRequest) -> bytes:
    try:
        case_id = uuid.UUID(reference)
    except ValueError:
        raise BadInput(f"CASE_OR_PROFILE: {reference!r} is neither a profile file nor a case id") from None
    from safepassage.casework.bootstrap import migrate, setup_django

    setup_django()
    migrate()
    from safepassage.casework.cases.models import Case
    from safepassage.casework.cases.service import CaseErased
    from safepassage.casework.dossiers.service import export_dossier_from_cli

    try:
        return export_dossier_from_cli(case_id, request)
    except Case.DoesNotExist:
        raise BadInput(f"CASE_OR_PROFILE: no case {case_id} in this instance's database") from None
    except CaseErased:
        raise BadInput(f"CASE_OR_PROFILE: case {case_id} was erased; it cannot be read") from None


def _write_private(path: Path, pdf: bytes) -> None:
    """The file may hold a person's name and whereabouts: readable by its owner only."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise BadInput(f"--output: cannot write {path} ({error.strerror})") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(pdf)
    os.chmod(path, 0o600)
