"""The store on SQLite and PostgreSQL: migrations, every field stored, dedup, failures, full-text search."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import select

from veille.ingest.records import Failure
from veille.store import Store, resolve_db_url, schema
from veille.store.writer import normalise_url, text_hash, url_hash

_spec = importlib.util.spec_from_file_location("store_records", Path(__file__).with_name("records.py"))
records = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(records)

TEXT = "Des hommes armés ont attaqué samedi le village de Mopti, tuant douze civils selon l'AFP."


def keys(article):
    return url_hash(article.url), text_hash(article.text)


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        yield opened


def test_migrations_match_the_tables(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    fts = ("articles_fts", "search", "ix_articles_search")
    remaining = [d for d in diff if not any(name in repr(d) for name in fts)]
    assert remaining == []


def test_a_run_whose_process_died_is_marked_interrupted(store):
    import subprocess
    import sys

    from sqlalchemy import select, update

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    killed = store.start_run(["a.jsonl"], 1)
    live = store.start_run(["b.jsonl"], 1)  # this process: alive
    with store.engine.begin() as conn:
        conn.execute(update(schema.runs).where(schema.runs.c.id == killed).values(pid=int(dead.stdout)))
    assert store.close_dead_runs() == [killed]
    with store.engine.connect() as conn:
        statuses = dict(conn.execute(select(schema.runs.c.id, schema.runs.c.status)).all())
    assert statuses == {killed: "interrupted", live: "running"}


def test_every_part_of_a_record_is_stored(store):
    event = records.make_event("a-1", "Violence against civilians", "Attack", "ASSAULT", "2024-03-02", "ML",
                               14.49, -4.19, "exact", 12)
    article, record = records.make_article("a", TEXT, "https://exemple.fr/a", events=[event], line=7)
    run = store.start_run(["corpus.jsonl"], 1)
    assert store.add_article(article, record, run, keys(article))
    counts = store.counts()
    assert {name: counts[name] for name in ("articles", "events", "actors", "quotes", "dates", "places",
                                            "entities")} == {"articles": 1, "events": 1, "actors": 2, "quotes": 1,
                                                             "dates": 1, "places": 1, "entities": 1}
    assert counts["claims"] == 2  # one per-source claim of the event, one aggregate claim
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.articles)).one()._mapping
        stored_event = conn.execute(select(schema.events)).one()._mapping
    assert row["record"] == record.model_dump(mode="json", exclude={"text"})
    assert (row["text"], row["origin"], row["origin_line"]) == (TEXT, "corpus.jsonl", 7)
    assert (stored_event["event_type"], stored_event["country"], stored_event["fatalities"]) == (
        "Violence against civilians", "ML", 12)
    assert store.event_breakdown(run) == ({"Violence against civilians": 1}, {"ML": 1})


def test_same_url_or_same_text_is_stored_once(store):
    first, record = records.make_article("a", TEXT, "https://Exemple.fr/a/?utm_source=rss#haut")
    assert store.add_article(first, record, None, keys(first))
    same_url, record2 = records.make_article("b", TEXT + " Mise à jour.", "https://exemple.fr/a")
    same_text, record3 = records.make_article("c", "  " + TEXT.upper().replace(" ", "\n "), None)
    assert not store.add_article(same_url, record2, None, keys(same_url))
    assert not store.add_article(same_text, record3, None, keys(same_text))
    assert store.counts()["articles"] == 1
    assert url_hash("https://exemple.fr/a") in store.known_keys([url_hash("https://exemple.fr/a")], [])


def test_failures_are_recorded_once_and_cleared_when_the_article_is_stored(store):
    failure = Failure(source="corpus.jsonl", line=3, reason="extraction failed: boom", id="a")
    assert store.add_failure(failure, None)
    assert not store.add_failure(failure, None)
    store.add_failure(Failure(source="autre.txt", reason="empty file"), None)
    assert [(f["source"], f["line"]) for f in store.failures()] == [("corpus.jsonl", 3), ("autre.txt", None)]
    article, record = records.make_article("a", TEXT, line=3)
    store.add_article(article, record, None, keys(article))
    assert [f["source"] for f in store.failures()] == ["autre.txt"]


def test_full_text_search_finds_articles(store):
    article, record = records.make_article("a", TEXT)
    other, record2 = records.make_article("b", "Le gouvernement a signé un accord commercial avec le Canada.")
    store.add_article(article, record, None, keys(article))
    store.add_article(other, record2, None, keys(other))
    assert [hit["record_id"] for hit in store.search("village attaqué")] == ["a"]
    assert [hit["record_id"] for hit in store.search("accord")] == ["b"]
    assert store.search("NOT (") == []  # user text never breaks the query syntax


def test_resolve_db_url(tmp_path, monkeypatch):
    monkeypatch.setenv("VEILLE_DATA_DIR", str(tmp_path / "data"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'data' / 'veille.db'}"
    assert resolve_db_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_db_url(tmp_path / "x.db").endswith("/x.db")


def test_normalise_url_drops_tracking_and_fragment():
    assert normalise_url("HTTPS://Site.FR/a/b/?utm_medium=x&id=3#c") == "https://site.fr/a/b?id=3"
