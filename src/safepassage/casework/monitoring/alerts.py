"""Alerts on a case: raised by the worker for a batch of articles, read and marked as reviewed
on the case page.

Security: that this article names this case's person is case data, and the article is public,
so an alert must not point at its article through anything stored in clear. Its record
(article, URL, matched words, places, passage) is sealed and padded to one size, so the blob's
length does not tell a long headline or URL from a short one. All alerts of a batch are dated
by the batch and written together, in one transaction, in the order of their tokens (keyed
HMACs, unknown without the master key, so that order is unrelated to the order of the
articles), and their audit entries follow in the same order (casework/monitoring/batches.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import uuid
from collections.abc import Callable
from functools import partial

from django.db import transaction
from django.http import Http404

from safepassage.casework.accounts.models import User
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.service import OpenCase
from safepassage.casework.monitoring.models import Alert, Article
from safepassage.casework.monitoring.records import AlertRecord, PlaceRecord
from safepassage.casework.monitoring.watch import Target
from safepassage.casework.vault.keys import derive_key
from safepassage.casework.vault.keystore import CaseKeyMissing, case_key
from safepassage.casework.vault.sealing import seal
from safepassage.monitor.analyse import Finding

ALERTS_SHOWN = 50  # the latest; each costs a decryption
# Every alert's record is padded to this many bytes before sealing. The largest record the
# fields allow (a 2,000-character URL in any script, a 500-character title, a passage, a few
# words and places) fits; a longer one loses places, then passage, title and words (fit()).
RECORD_BYTES = 16 * 1024


def alert_token(case_id: str, article_id: str) -> str:
    return hmac.new(derive_key("monitor-alert"), f"{case_id}:{article_id}".encode(), hashlib.sha256).hexdigest()


def _encoded(record: AlertRecord) -> bytes:
    return record.model_dump_json().encode()


def fit(record: AlertRecord, size: int = RECORD_BYTES) -> bytes:
    """The record as JSON padded with spaces (which JSON ignores) to exactly `size` bytes,
    shortened first if it is longer: what is dropped is least needed to recognise the article."""
    data = _encoded(record)
    cuts: tuple[Callable[[AlertRecord], AlertRecord], ...] = (
        lambda r: r.model_copy(update={"places": r.places[: len(r.places) // 2]}),
        lambda r: r.model_copy(update={"excerpt": r.excerpt[: len(r.excerpt) // 2]}),
        lambda r: r.model_copy(update={"title": r.title[: len(r.title) // 2]}),
        lambda r: r.model_copy(update={"matched": r.matched[: len(r.matched) // 2]}),
        lambda r: r.model_copy(update={"url": r.url[: len(r.url) // 2]}),
    )
    for cut in cuts:
        while len(data) > size and _encoded(shorter := cut(record)) != data:
            record, data = shorter, _encoded(shorter)
    if len(data) > size:
        raise ValueError("an alert record does not fit its padded size")
    return data + b" " * (size - len(data))


def alerts_for(article: Article, findings: tuple[Finding, ...], targets: dict[str, Target], stamp: dt.datetime) -> list[Alert]:
    """Sealed alerts (not yet saved) for the cases named in one article, dated `stamp`."""
    found = []
    for finding in findings:
        target = targets.get(finding.match.watch_id)
        if target is None or finding.match.score < target.min_score:
            continue
        try:
            key = case_key(uuid.UUID(target.case_id))
        except CaseKeyMissing:
            continue
        record = AlertRecord(
            kind="named_with_place" if finding.location_leak else "named",
            article_id=str(article.pk),
            url=article.url,
            title=article.title,
            published=article.published or None,
            source=article.source_id,
            name=finding.match.name,
            matched=list(finding.match.matched),
            score=finding.match.score,
            places=[PlaceRecord(name=p.place.name, country=p.place.country, kind=p.place.kind, text=p.text) for p in finding.places],
            excerpt=finding.excerpt,
        )
        alert = Alert(case_id=target.case_id, token=alert_token(target.case_id, str(article.pk)), created=stamp, created_by="monitor")
        alert.sealed = seal(key, fit(record), alert._place())
        found.append(alert)
    return found


def store_alerts(found: list[Alert]) -> int:
    """Save a batch's alerts in one statement, in token order, inside the caller's transaction;
    one whose article already alerted its case is left out. The audit entries (no content: an
    entry says only that the case has a new alert) are appended once the transaction commits,
    so a rolled-back batch leaves no trace in the log."""
    by_token = {alert.token: alert for alert in found}
    existing = set(Alert.objects.filter(token__in=list(by_token)).values_list("token", flat=True))
    fresh = [by_token[token] for token in sorted(by_token) if token not in existing]
    Alert.objects.bulk_create(fresh)
    for alert in fresh:
        transaction.on_commit(partial(audit, "monitor", "alert.create", alert.case_id))
    return len(fresh)


def alerts_of(opened: OpenCase) -> list[tuple[Alert, AlertRecord]]:
    rows = list(Alert.objects.filter(case=opened.case).order_by("reviewed", "-created", "token")[:ALERTS_SHOWN])
    return opened.rows(rows, AlertRecord)


def review_alert(user: User, opened: OpenCase, alert_id: uuid.UUID) -> None:
    updated = Alert.objects.filter(case=opened.case, pk=alert_id).update(reviewed=True)
    if not updated:
        raise Http404  # another case's alert answers like a missing one
    audit(user.username, "alert.review", opened.case.pk)
