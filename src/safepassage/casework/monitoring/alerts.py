"""Alerts on a case: raised by the worker, read and marked as reviewed on the case page."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from functools import partial

from django.db import IntegrityError, transaction
from django.http import Http404

from safepassage.casework.accounts.models import User
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.service import OpenCase
from safepassage.casework.monitoring.models import Alert, Article
from safepassage.casework.monitoring.records import AlertRecord, PlaceRecord
from safepassage.casework.monitoring.watch import Target
from safepassage.casework.vault.keys import derive_key
from safepassage.casework.vault.keystore import CaseKeyMissing, case_key
from safepassage.monitor.analyse import Finding

ALERTS_SHOWN = 50  # the latest; each costs a decryption


def alert_token(case_id: str, article_id: str) -> str:
    return hmac.new(derive_key("monitor-alert"), f"{case_id}:{article_id}".encode(), hashlib.sha256).hexdigest()


def raise_alerts(article: Article, findings: tuple[Finding, ...], targets: dict[str, Target]) -> int:
    """One sealed alert per case named in the article (inside the caller's transaction; audit
    entries are appended once it commits, so a rolled-back job leaves no trace in the log)."""
    raised = 0
    for finding in findings:
        target = targets.get(finding.match.watch_id)
        if target is None or finding.match.score < target.min_score:
            continue
        try:
            key = case_key(uuid.UUID(target.case_id))
        except CaseKeyMissing:
            continue
        kind = "named_with_place" if finding.location_leak else "named"
        record = AlertRecord(
            kind=kind,
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
        alert = Alert(case_id=target.case_id, token=alert_token(target.case_id, str(article.pk)), created_by="monitor")
        alert.seal_record(key, record)
        try:
            with transaction.atomic():
                alert.save()
        except IntegrityError:
            continue  # this article already alerted this case
        transaction.on_commit(partial(audit, "monitor", "alert.create", target.case_id, detail=kind))
        raised += 1
    return raised


def alerts_of(opened: OpenCase) -> list[tuple[Alert, AlertRecord]]:
    rows = list(Alert.objects.filter(case=opened.case).order_by("reviewed", "-created")[:ALERTS_SHOWN])
    return opened.rows(rows, AlertRecord)


def review_alert(user: User, opened: OpenCase, alert_id: uuid.UUID) -> None:
    updated = Alert.objects.filter(case=opened.case, pk=alert_id).update(reviewed=True)
    if not updated:
        raise Http404  # another case's alert answers like a missing one
    audit(user.username, "alert.review", opened.case.pk)
