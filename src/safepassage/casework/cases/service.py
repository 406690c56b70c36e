"""Case operations shared by the web pages and the JSON API: one place that checks access,
opens keys and writes the audit log, so no entry point can forget one of them."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from pydantic import BaseModel

from safepassage.casework.accounts.models import Team, User
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.access import case_for, visible_cases
from safepassage.casework.cases.models import (
    Attachment,
    Case,
    Consent,
    Event,
    NameToken,
    Note,
    Referral,
    SafetyPlan,
    Sealed,
)
from safepassage.casework.cases.records import (
    AttachmentRecord,
    CaseRecord,
    ConsentRecord,
    EventRecord,
    NoteRecord,
    ReferralRecord,
    SafetyPlanRecord,
)
from safepassage.casework.security.storage import flush_deleted_rows
from safepassage.casework.vault.blind_index import blind_tokens, location_token, name_words
from safepassage.casework.vault.keystore import (
    CaseKeyMissing,
    case_key,
    create_case_key,
    destroy_case_key,
)

R = TypeVar("R", bound=BaseModel)
S = TypeVar("S", bound=Sealed)


class CaseErased(Exception):
    """The case's key is gone: its content can never be read again."""


@dataclass
class OpenCase:
    case: Case
    key: bytes
    record: CaseRecord

    def rows(self, rows: list[S], schema: type[R]) -> list[tuple[S, R]]:
        return [(row, row.open_record(self.key, schema)) for row in rows]


def open_case(user: User, case_id: uuid.UUID | str, action: str = "case.read") -> OpenCase:
    case = case_for(user, case_id)  # 404 unless visible to this user
    audit(user.username, action, case.pk)
    try:
        key = case_key(case.pk)
    except CaseKeyMissing:
        raise CaseErased(str(case.pk)) from None
    return OpenCase(case, key, case.open_record(key, CaseRecord))


def location_of(record: CaseRecord) -> str:
    return str((record.profile.get("location") or {}).get("country") or "")


def index_case(case: Case, key: bytes, record: CaseRecord) -> None:
    """Replace the case's blind-index tokens: the words of its name and the country where the
    person is now, each keyed by the case's own key (vault/blind_index.py)."""
    tokens = blind_tokens(key, record.name)
    if location_of(record):
        tokens.add(location_token(key, location_of(record)))
    NameToken.objects.filter(case=case).delete()
    NameToken.objects.bulk_create(NameToken(case=case, token=t) for t in tokens)


def create_case(user: User, team: Team, record: CaseRecord) -> Case:
    case = Case(organisation_id=team.organisation_id, team=team, created_by=user.username)
    key = create_case_key(case.pk)
    case.seal_record(key, record)
    with transaction.atomic():
        case.save()
        index_case(case, key, record)
    audit(user.username, "case.create", case.pk)
    return case


def update_case(user: User, opened: OpenCase, record: CaseRecord, status: str | None = None) -> None:
    case = opened.case
    if location_of(record) != location_of(opened.record):
        case.location_rating = ""  # the rating was for the place she has left
    case.seal_record(opened.key, record)
    if status:
        case.status = status
    case.updated = timezone.now()
    with transaction.atomic():
        case.save()
        index_case(case, opened.key, record)
    audit(user.username, "case.update", case.pk)


def search_cases(user: User, text: str) -> list[Case]:
    """Cases whose name holds every word of `text` (through the blind index only)."""
    words = name_words(text)
    if not words:
        return []
    matches = find_cases(visible_cases(user), name=text)
    audit(user.username, "case.search", detail=f"{len(words)} word(s)")
    return list(visible_cases(user).select_related("team").filter(pk__in=matches))


def find_cases(cases: QuerySet[Case], name: str = "", location: str = "") -> list[uuid.UUID]:
    """Ids of the cases among `cases` whose name holds every word of `name` and where the
    person is now in `location` (an ISO code), through the blind index only. Each case's tokens
    are keyed by its own key, so the wanted tokens are computed once per case; erased cases (no
    key) cannot match."""
    wanted: dict[uuid.UUID, set[str]] = {}
    for case_id in cases.values_list("pk", flat=True):
        try:
            key = case_key(case_id)
        except CaseKeyMissing:
            continue
        tokens = blind_tokens(key, name) if name else set()
        if location:
            tokens.add(location_token(key, location))
        wanted[case_id] = tokens
    found: dict[uuid.UUID, set[str]] = {}
    all_tokens = set().union(*wanted.values()) if wanted else set()
    rows = NameToken.objects.filter(case_id__in=list(wanted), token__in=all_tokens).values_list("case_id", "token")
    for case_id, token in rows.iterator():
        found.setdefault(case_id, set()).add(token)
    return [case_id for case_id, tokens in wanted.items() if tokens and tokens <= found.get(case_id, set())]


def _add(user: User, opened: OpenCase, row: Sealed, record: BaseModel, action: str) -> None:
    if row._state.adding:
        row.created_by = user.username  # an update keeps its author; the audit log names the editor
    row.seal_record(opened.key, record)
    with transaction.atomic():
        row.save()
        Case.objects.filter(pk=opened.case.pk).update(updated=timezone.now())
    audit(user.username, action, opened.case.pk)


# What each kind of record is stored as, and how its creation is named in the audit log.
ROWS: dict[type[BaseModel], tuple[type[Sealed], str]] = {
    EventRecord: (Event, "event.create"),
    NoteRecord: (Note, "note.create"),
    ConsentRecord: (Consent, "consent.create"),
    ReferralRecord: (Referral, "referral.create"),
}


def add_record(user: User, opened: OpenCase, record: BaseModel) -> Sealed:
    """Add an event, note, consent or referral to a case."""
    model, action = ROWS[type(record)]
    row = model(case=opened.case)  # type: ignore[misc]
    _add(user, opened, row, record, action)
    return row


def _row_of(model: type[S], opened: OpenCase, row_id: uuid.UUID) -> S:
    """A row of this case only; any other id is a 404, like a case one may not see."""
    try:
        return model.objects.get(case=opened.case, pk=row_id)  # type: ignore[attr-defined,no-any-return]
    except model.DoesNotExist:
        raise Http404 from None


def update_referral(user: User, opened: OpenCase, referral_id: uuid.UUID, status: str) -> None:
    row = _row_of(Referral, opened, referral_id)
    record = row.open_record(opened.key, ReferralRecord).model_copy(update={"status": status})
    _add(user, opened, row, ReferralRecord.model_validate(record.model_dump()), "referral.update")


def save_safety_plan(user: User, opened: OpenCase, record: SafetyPlanRecord, next_check_in: dt.datetime | None = None) -> None:
    row = SafetyPlan.objects.filter(case=opened.case).first() or SafetyPlan(case=opened.case)
    _add(user, opened, row, record, "safety_plan.update")
    Case.objects.filter(pk=opened.case.pk).update(next_check_in=next_check_in)
    opened.case.next_check_in = next_check_in


def check_in(user: User, opened: OpenCase) -> dt.datetime | None:
    """The person checked in as agreed: a timeline entry, and the next check-in moves on by
    the plan's interval (or is cleared when the plan has none)."""
    plan = SafetyPlan.objects.filter(case=opened.case).first()
    every = plan.open_record(opened.key, SafetyPlanRecord).check_in_every_hours if plan else None
    now = timezone.now()
    add_record(user, opened, EventRecord(kind="checked_in", date=timezone.localdate(now)))
    following = now + dt.timedelta(hours=every) if every else None
    Case.objects.filter(pk=opened.case.pk).update(next_check_in=following)
    return following


def add_attachment(user: User, opened: OpenCase, filename: str, content_type: str, data: bytes) -> Attachment:
    row = Attachment(case=opened.case)
    row.seal_content(opened.key, data)
    record = AttachmentRecord(filename=filename[:300], content_type=content_type[:300], size=len(data))
    _add(user, opened, row, record, "attachment.create")
    return row


def read_attachment(user: User, case_id: uuid.UUID | str, attachment_id: uuid.UUID) -> tuple[AttachmentRecord, bytes]:
    opened = open_case(user, case_id, action="attachment.export")
    row = _row_of(Attachment, opened, attachment_id)
    return row.open_record(opened.key, AttachmentRecord), row.open_content(opened.key)


def timeline(opened: OpenCase) -> list[tuple[Event, EventRecord]]:
    # by case id rather than through case.events: the related manager would attach the case
    # object to every row, which costs more than decrypting it on a long timeline
    events = opened.rows(list(Event.objects.filter(case_id=opened.case.pk)), EventRecord)
    return sorted(events, key=lambda pair: (pair[1].date, pair[0].created), reverse=True)


def erase_case(user: User, case_id: uuid.UUID | str) -> None:
    """Crypto-erase: destroy the key first (this is what reaches every backup: the rows, the name
    index and the case's part of each backup are all under it), then the rows, then what the
    database engine keeps of deleted rows (security/storage.py)."""
    case = case_for(user, case_id)
    erased_id = case.pk  # delete() clears case.pk
    destroy_case_key(erased_id)
    with transaction.atomic():
        case.delete()
        transaction.on_commit(flush_deleted_rows)
    audit(user.username, "case.erase", erased_id)


def today() -> dt.date:
    return timezone.localdate()
