"""`veille run` into both stores: what used to stop a batch or lose an article on PostgreSQL or SQLite."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DataError

import veille.store.store as store_module
from veille.ingest.readers import ReadOptions
from veille.runner import RunOptions, run_batch
from veille.store import Store, schema

TEXTS = [
    "Des hommes armés ont attaqué samedi le marché de Ménaka, tuant trois commerçants selon un élu local.",
    "Des manifestants ont bloqué dimanche la route nationale près de Ségou pour réclamer de l'eau potable.",
    "Un engin explosif a visé lundi un véhicule de la gendarmerie sur l'axe Douentza-Boni, sans faire de victime.",
]


def corpus(path, rows) -> str:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def article(i: int, **fields) -> dict:
    return {"id": f"art-{i}", "published": "2024-04-06", "text": TEXTS[i], **fields}


def run(db_url, *sources):
    options = RunOptions(workers=1, read=ReadOptions(published=dt.date(2024, 4, 6)))
    with Store.open(db_url) as store:
        return run_batch(list(sources), store, options), store.counts()


def stored(db_url, column: str) -> list:
    with Store.open(db_url) as store, store.engine.connect() as conn:
        return list(conn.execute(select(schema.articles.c[column]).order_by(schema.articles.c.id)).scalars())


def test_nul_characters_are_stored_as_spaces_not_a_dead_run(nlp, db_url, tmp_path):
    text = TEXTS[0][:30] + "\u0000" + TEXTS[0][30:]
    page = tmp_path / "long.txt"
    page.write_bytes((TEXTS[1] + "\n").encode() * 90 + b"\x00" + TEXTS[2].encode())  # NUL after 8 KB
    jsonl = corpus(tmp_path / "nul.jsonl", [{"id": "nul", "published": "2024-04-06", "text": text}])
    summary, counts = run(db_url, jsonl, str(page))
    assert (summary.stored, summary.failed) == (2, 0), summary.failures
    texts = stored(db_url, "text")
    assert texts[0] == TEXTS[0][:30] + " " + TEXTS[0][30:] and all("\x00" not in t for t in texts)


def test_a_store_error_fails_its_article_and_the_batch_goes_on(nlp, db_url, tmp_path, monkeypatch):
    real = store_module.write_article

    def write_article(conn, article, record, run_id, keys):
        if article.id == "art-1":
            raise DataError("INSERT INTO articles ...", {}, ValueError("value out of range"))
        return real(conn, article, record, run_id, keys)

    monkeypatch.setattr(store_module, "write_article", write_article)
    summary, counts = run(db_url, corpus(tmp_path / "c.jsonl", [article(0), article(1), article(2)]))
    assert (summary.stored, summary.failed) == (2, 1)
    [failure] = summary.failures
    assert failure.line == 2 and failure.reason.startswith("store failed: DataError")
    assert "out of range" in failure.reason
    assert counts["articles"] == 2 and counts["failures"] == 1


def test_a_rerun_lists_its_failures_under_its_own_number(nlp, db_url, tmp_path):
    source = corpus(tmp_path / "c.jsonl", [article(0)])
    with open(source, "a", encoding="utf-8") as handle:
        handle.write("{pas du json\n")
    first, _ = run(db_url, source)
    second, _ = run(db_url, source)
    with Store.open(db_url) as store:
        assert [f["line"] for f in store.failures(run_id=first.run_id)] == [2]
        assert [f["line"] for f in store.failures(run_id=second.run_id)] == [2]
        assert len(store.failures()) == 1  # every run: each input and reason once


def test_one_id_never_names_two_articles(nlp, db_url, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = corpus(tmp_path / "a" / "fil.jsonl", [article(0)])
    second = corpus(tmp_path / "b" / "fil.jsonl", [article(1, id="art-0")])  # same id, other article
    run(db_url, first)
    summary, _ = run(db_url, second)
    assert summary.stored == 1
    ids = stored(db_url, "record_id")
    assert ids[0] == "art-0" and ids[1].startswith("art-0~") and len(set(ids)) == 2
    with Store.open(db_url) as store, store.engine.connect() as conn:
        event_ids = list(conn.execute(select(schema.events.c.event_id)).scalars())
    assert any(e.startswith(ids[1] + "-e") for e in event_ids)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_migration_makes_old_duplicate_ids_distinct(db_url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from veille.store.database import MIGRATIONS_DIR

    with Store.open(db_url) as store:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        with store.engine.begin() as conn:
            for n, digest in ((1, "a" * 64), (2, "b" * 64)):
                conn.execute(text("INSERT INTO articles (id, record_id, text_hash, text, record, created_at) "
                                  "VALUES (:n, 'index', :h, 't', '{}', '2024-01-01')"), {"n": n, "h": digest})
                conn.execute(text("INSERT INTO events (article_id, event_id, plover, fatalities_approx, "
                                  "injured_approx, sources, evidence, record) VALUES (:n, 'index-e1', 'ASSAULT', "
                                  "0, 0, '[]', 'x', '{}')"), {"n": n})
    with Store.open(db_url) as store, store.engine.connect() as conn:
        assert list(conn.execute(text("SELECT record_id FROM articles ORDER BY id")).scalars()) == [
            "index", "index~bbbbbbbb"]
        assert list(conn.execute(text("SELECT event_id FROM events ORDER BY id")).scalars()) == [
            "index-e1", "index~bbbbbbbb-e1"]
