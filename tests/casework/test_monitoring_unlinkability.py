"""The attack of someone who holds the database (a seized server, a stolen backup) but no keys:
which public article does this sealed alert point to? The article names the person, so that
link re-identifies the case. Storage order and timing must not give it away: the best such an
attacker can do is to name one of the articles matched in the same batch, at random.

The attacker below uses what the database shows in clear: the row versions' transaction ids
(PostgreSQL's xmin), the articles' and jobs' timestamps, the alert's time and its audit entry's
time. Each run plants the watched name in another article of the same feed; an attacker whose
guess follows the planted article has found the link."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from django.db import connection

from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.monitoring.models import Alert, Article, FeedState, IncidentCandidate, Job
from safepassage.casework.monitoring.worker import run_database_worker
from safepassage.monitor.extract import canonical_url
from tests.monitor.server import Reply, Site, page, rss, serve

from .conftest import World, new_case
from .monitoring_helpers import WATCHED, configure, watch

pytestmark = pytest.mark.django_db(transaction=True)

HTML = {"Content-Type": "text/html; charset=utf-8"}
# Six stories of one polling period; the watched person's sentence is added to one of them.
STORIES = [
    ("Мост через Терек", "В Грозном открыли новый мост через Терек; движение по нему запустят весной."),
    ("Погода", "Синоптики обещают в выходные снег и сильный ветер на всём Северном Кавказе."),
    ("Школы", "Министерство образования сообщило о ремонте двадцати школ до конца года."),
    ("Футбол", "Футбольный клуб подписал контракт с новым тренером на два сезона."),
    ("Цены на бензин", "Цены на бензин выросли на три процента за месяц, сообщает статистическое ведомство."),
    ("Выставка", "В Махачкале открылась выставка современного искусства, она продлится до весны."),
]
NAMED = "Правозащитники сообщили, что Аминат Досхоева покинула республику."


def routes(site: Site, planted: int) -> dict[str, Reply]:
    found: dict[str, Reply] = {
        "/feed.rss": Reply(
            rss([(title, f"{site.base}/news/{n}.html", title) for n, (title, _) in enumerate(STORIES)]),
            headers={"Content-Type": "application/rss+xml"},
        )
    }
    for n, (title, text) in enumerate(STORIES):
        paragraphs = [text, NAMED] if n == planted else [text]
        found[f"/news/{n}.html"] = Reply(page(title, paragraphs), headers=HTML)
    return found


def position(url: str) -> int:
    return int(url.rsplit("/", 1)[1].split(".")[0])


def nearest_transaction(alert: Alert) -> set[object]:
    """PostgreSQL: the articles whose current row version was written by the transaction (or
    subtransaction: a savepoint has its own id) nearest in sequence to the one that wrote the
    alert (xmin). SQLite keeps no such thing: every article."""
    every = set(Article.objects.values_list("pk", flat=True))
    if connection.vendor != "postgresql":
        return every
    with connection.cursor() as cursor:
        cursor.execute("SELECT xmin::text::bigint FROM monitoring_alert WHERE id = %s", [alert.pk])
        (written,) = cursor.fetchone()
        cursor.execute("SELECT id, xmin::text::bigint FROM monitoring_article")
        rows = cursor.fetchall()
    nearest = min(abs(xid - written) for _, xid in rows)
    return {pk for pk, xid in rows if abs(xid - written) == nearest}


def attacker_guess(alert: Alert) -> str:
    """The article the attacker names: among those written nearest the alert's transaction, the one
    whose stored times (the article's, its job's) lie nearest to the alert's times (the alert's
    own and its audit entry's)."""
    candidates = nearest_transaction(alert)
    moments = [alert.created, *AuditEntry.objects.filter(action="alert.create", case_id=str(alert.case_id)).values_list("at", flat=True)]
    finished = {
        canonical_url(str(job.payload["url"])): job.finished
        for job in Job.objects.filter(kind=Job.Kind.ARTICLE, finished__isnull=False)
    }

    def distance(article: Article) -> float:
        times = [t for t in (article.fetched, finished.get(article.url)) if t is not None]
        return min(abs((t - m).total_seconds()) for t in times for m in moments)

    return min((a for a in Article.objects.all() if a.pk in candidates), key=distance).url


def one_period(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: int) -> Alert:
    """Start from an empty monitor; one worker run reads the feed, its six articles, and raises
    the one alert."""
    for model in (Alert, IncidentCandidate, Article, Job, FeedState):
        model.objects.all().delete()
    AuditEntry.objects.filter(action="alert.create").delete()
    with serve({}) as site:
        site.routes.update(routes(site, planted))
        # one batch, the run's own (--once), even if a period ends during the run: periodic
        # batches are tested in test_monitoring_batches.py
        config = configure(monkeypatch, tmp_path / str(planted), site, SAFEPASSAGE_MONITOR_MATCH_MIN_ARTICLES="1000")
        run_database_worker(config, once=True)
    assert Article.objects.count() == len(STORIES)
    [alert] = Alert.objects.filter(case=world.case)
    return alert


def test_storage_order_and_time_do_not_tie_an_alert_to_its_article(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world, names=(WATCHED,))
    guesses = {}
    for planted in (0, len(STORIES) - 1):  # the name in the first article read, then in the last
        (tmp_path / str(planted)).mkdir()
        alert = one_period(world, tmp_path, monkeypatch, planted)
        guesses[planted] = position(attacker_guess(alert))
    # an attacker who follows the planted article has the link; one who names the same article
    # whichever was planted is right only by chance (here once in two, in general 1 in n)
    assert guesses[0] == guesses[len(STORIES) - 1], f"the attacker found the article every time: {guesses}"


def test_a_batch_shares_one_time_and_the_queue_names_no_article_of_it(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch(world, names=(WATCHED,))
    (tmp_path / "2").mkdir()
    alert = one_period(world, tmp_path, monkeypatch, planted=2)
    # every article of the batch carries the alert's time, which is the end of the period
    # (30 minutes by default) it was read in, later than every one of them
    assert set(Article.objects.values_list("matched_at", flat=True)) == {alert.created}
    assert alert.created.timestamp() % 1800 == 0
    assert alert.created >= max(Article.objects.values_list("fetched", flat=True))
    # the match job's payload says which period, never which articles
    for job in Job.objects.filter(kind=Job.Kind.MATCH):
        assert set(job.payload) == {"until", "min_articles"}
    # the audit entry says that the case has an alert, not what kind (a place named near her)
    assert list(AuditEntry.objects.filter(action="alert.create").values_list("detail", flat=True)) == [""]


def stored_order(table: str) -> list[object]:
    """Rows in the order they lie in the table (SQLite's rowid, PostgreSQL's ctid): the order
    they were written in."""
    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} ORDER BY {order}")
        return [row[0] for row in cursor.fetchall()]


def test_alerts_of_a_batch_are_one_size_and_in_an_order_unrelated_to_their_articles(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two people named in one batch, one in a short article under a short URL, the other under
    a long headline and a long URL: the sealed alerts are the same size, and they lie in the
    table (and in the audit log) in the order of their keyed tokens."""
    second = new_case(world.caseworker, world.team, name="Хеда Сулаева")  # invented
    watch(world, names=(WATCHED,))
    watch(world, second, names=("Хеда Сулаева",))
    long_title = "Правозащитники " + "и журналисты " * 30 + "о судьбе женщин"
    with serve({}) as site:
        items = [("Коротко", f"{site.base}/a.html", "a"), (long_title, f"{site.base}/{'long-path-' * 40}b.html", "b"), ("Мост", f"{site.base}/c.html", "c")]
        site.routes.update({
            "/feed.rss": Reply(rss(items), headers={"Content-Type": "application/rss+xml"}),
            "/a.html": Reply(page("Коротко", [NAMED]), headers=HTML),
            f"/{'long-path-' * 40}b.html": Reply(page(long_title, ["Хеда Сулаева, по словам её адвоката, находится в Стамбуле. " + STORIES[1][1] * 5]), headers=HTML),
            "/c.html": Reply(page("Мост", [STORIES[0][1]]), headers=HTML),
        })  # fmt: skip
        run_database_worker(configure(monkeypatch, tmp_path, site, SAFEPASSAGE_MONITOR_MATCH_MIN_ARTICLES="1000"), once=True)
    alerts = list(Alert.objects.all())
    assert {a.case_id for a in alerts} == {world.case.pk, second.pk}
    assert len({len(bytes(a.sealed)) for a in alerts}) == 1
    by_id = {a.pk: a for a in alerts}
    in_table = [by_id[uuid.UUID(str(pk))] for pk in stored_order("monitoring_alert")]
    assert [a.token for a in in_table] == sorted(a.token for a in alerts)
    audited = list(AuditEntry.objects.filter(action="alert.create").order_by("seq").values_list("case_id", flat=True))
    assert audited == [str(a.case_id) for a in in_table]
