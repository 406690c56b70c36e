"""The case file. Every row's sensitive content is one sealed blob (cases/records.py); the clear
columns are only what access control and ordering need."""

from __future__ import annotations

import uuid
from typing import TypeVar

from django.db import models
from django.utils import timezone
from pydantic import BaseModel

from safepassage.casework.accounts.models import Organisation, Team
from safepassage.casework.vault.sealing import seal, unseal

R = TypeVar("R", bound=BaseModel)


class Sealed(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sealed = models.BinaryField()
    created = models.DateTimeField(default=timezone.now)
    created_by = models.CharField(max_length=150)

    class Meta:
        abstract = True

    def _place(self, part: str = "") -> bytes:
        # Binds the ciphertext to this row: moved elsewhere, it fails to open.
        return f"{self._meta.label}:{self.pk}:{part}".encode()

    def seal_record(self, key: bytes, record: BaseModel) -> None:
        self.sealed = seal(key, record.model_dump_json().encode(), self._place())

    def open_record(self, key: bytes, schema: type[R]) -> R:
        return schema.model_validate_json(unseal(key, bytes(self.sealed), self._place()), context={"stored": True})


class Case(Sealed):
    class Status(models.TextChoices):
        OPEN = "open"
        CLOSED = "closed"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    updated = models.DateTimeField(default=timezone.now)
    # In clear for the coordinator's dashboard and filters (docs/threat-model.md, "Case lists"):
    # when the next agreed check-in is due, and the rating of the country where the person is
    # now from the latest assessment that covered it ("" = not assessed). Neither says where.
    next_check_in = models.DateTimeField(null=True, blank=True)
    location_rating = models.CharField(max_length=10, blank=True, default="")

    class Meta:
        ordering = ["-updated"]


class NameToken(models.Model):
    """Blind-index entries (vault/blind_index.py): HMACs of the words of a case's name, and of
    the country where the person is now (under another key, so the two never match)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="name_tokens")
    token = models.CharField(max_length=32, db_index=True)


class Event(Sealed):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")


class Note(Sealed):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")


class Attachment(Sealed):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    content = models.BinaryField()  # sealed separately, with its own place

    def seal_content(self, key: bytes, data: bytes) -> None:
        self.content = seal(key, data, self._place("content"))

    def open_content(self, key: bytes) -> bytes:
        return unseal(key, bytes(self.content), self._place("content"))


class Consent(Sealed):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")


class SafetyPlan(Sealed):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="safety_plan")


class Referral(Sealed):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
