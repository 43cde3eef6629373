"""`veille run`: counts, idempotence, bad inputs recorded, and a real kill -9 then resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from veille.runner import RunOptions, run_batch
from veille.store import Store

SENTENCES = [
    "Des hommes armés ont attaqué le village de {place} dans la nuit de samedi à dimanche.",
    "Selon un responsable local joint par téléphone, au moins {n} personnes ont été tuées.",
    "Les forces de sécurité ont été déployées dans la zone et une enquête a été ouverte.",
    "Le gouverneur de la région a condamné une attaque « lâche » et appelé au calme.",
]
PLACES = ["Mopti", "Gao", "Tombouctou", "Ségou", "Kayes", "Sikasso", "Bamako", "Koulikoro"]


def article_lines(count: int) -> list[str]:
    """Distinct short French articles: each differs by place, toll and numbering."""
    lines = []
    for i in range(count):
        place, n = PLACES[i % len(PLACES)], 3 + i
        text = " ".join(s.format(place=place, n=n) for s in SENTENCES) + f" Dépêche numéro {i}."
        lines.append(json.dumps({"id": f"art-{i}", "published": "2024-03-03", "text": text}, ensure_ascii=False))
    return lines


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = article_lines(6)
    lines.insert(2, "{ceci n'est pas du JSON")
    lines.append(lines[0].replace('"art-0"', '"art-0-copie"'))  # same text under another id
    lines.append(json.dumps({"id": "en", "published": "2024-03-03",
                             "text": "Gunmen attacked the village on Saturday night, killing at least five people."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_run_counts_and_rerun_adds_nothing(nlp, corpus, tmp_path):
    with Store.open(tmp_path / "veille.db") as store:
        first = run_batch([str(corpus)], store, RunOptions(workers=1))
        assert first.counts() == {"read": 9, "stored": 6, "duplicates": 1, "skipped": 1, "failed": 1}
        assert [(f.kind, f.line) for f in first.failures] == [("failed", 3), ("skipped", 9)]
        second = run_batch([str(corpus)], store, RunOptions(workers=1))
        assert second.stored == 0 and second.duplicates == 7
        counts = store.counts()
        assert counts["articles"] == 6 and counts["runs"] == 2
        assert counts["failures"] == 4 and len(store.failures()) == 2  # each run's, listed once overall


def _veille(*args: str) -> list[str]:
    return [sys.executable, "-c", "from veille.cli import app; app()", *args]


def _stored(db: str) -> int:
    """Articles in the store, read without ever creating it (veille does, in WAL mode for SQLite)."""
    if "://" not in db:
        if not Path(db).exists():
            return 0
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            return 0
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import ProgrammingError

    from veille.store.database import resolve_db_url

    engine = create_engine(resolve_db_url(db))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except ProgrammingError:  # the table does not exist yet
        return 0
    finally:
        engine.dispose()


def _record_ids(db: str) -> list[str]:
    from veille.store import Store

    with Store.open(db, create=False) as store, store.engine.connect() as conn:
        from sqlalchemy import text

        return list(conn.execute(text("SELECT record_id FROM articles")).scalars())


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fault_db(request, tmp_path) -> str:
    """The kill test runs on both stores."""
    return str(tmp_path / "veille.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")


@pytest.mark.slow
def test_kill_9_then_resume_stores_every_article_exactly_once(tmp_path, fault_db):
    total = 40
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(article_lines(total)) + "\n", encoding="utf-8")
    db = fault_db
    args = _veille("run", str(corpus), "--db", db, "--workers", "2", "--chunk-size", "2", "--no-progress")
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 180
    while _stored(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    exited = process.poll()
    os.killpg(process.pid, signal.SIGKILL)  # the batch and its workers, mid-way
    _, errors = process.communicate()
    at_kill = _stored(db)
    assert exited is None, f"the batch ended before the kill: {errors.decode()[-2000:]}"
    assert 0 < at_kill < total, f"the kill came too late or too early ({at_kill} of {total} stored)"

    resumed = subprocess.run(_veille("run", str(corpus), "--db", db, "--no-progress"),
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(_record_ids(db)) == sorted(f"art-{i}" for i in range(total))
    assert f"{total - at_kill} stored, {at_kill} already stored" in resumed.stdout
    listed = subprocess.run(_veille("runs", "--db", db), capture_output=True, text=True, timeout=60)
    statuses = [line.split("\t")[3] for line in listed.stdout.splitlines()]
    assert statuses == ["done", "interrupted"]  # newest first; the killed run is no longer shown as running
