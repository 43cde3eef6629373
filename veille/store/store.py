"""The store as one object: open (and migrate), record runs, articles and failures, answer questions."""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterable, Sequence

from sqlalchemy import Engine, String, delete, func, insert, literal, or_, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

import veille.store.schema as schema
from veille import __version__
from veille.errors import StoreError
from veille.ingest.records import Failure
from veille.model import Article, ArticleRecord, clean_text
from veille.store.database import make_engine, migrate, safe_url, sqlite_path
from veille.store.writer import write_article


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine (signal 0 checks without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        return True
    return True


class Store:
    """A veille database: SQLite file or PostgreSQL server, always at the newest schema once opened."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, db: str | os.PathLike | None = None, create: bool = True) -> Store:
        """Open (migrating if needed) the store at `db`: path, URL, or None for the default. Without `create`
        (the read-only commands), a SQLite file that does not exist is an error, not a new empty store."""
        if not create and (path := sqlite_path(db)) is not None and not path.exists():
            raise StoreError(f"no store at {path} (check --db; `veille run` creates one)")
        engine = make_engine(db)
        try:
            migrate(engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot prepare store {safe_url(str(engine.url))}: {exc}") from exc
        return cls(engine)

    @property
    def url(self) -> str:
        return safe_url(str(self.engine.url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # runs
    def start_run(self, sources: Sequence[str], workers: int) -> int:
        self.close_dead_runs()
        row = {"started_at": now(), "status": "running", "sources": list(sources), "workers": workers,
               "version": __version__, "host": socket.gethostname(), "pid": os.getpid()}
        with self.engine.begin() as conn:
            return conn.execute(insert(schema.runs).values(row)).inserted_primary_key[0]

    def close_dead_runs(self) -> list[int]:
        """Mark "interrupted" the runs still "running" whose process, on this machine, is gone (killed with
        kill -9, power loss): their `finally` never ran. Runs of other machines are left alone."""
        r = schema.runs.c
        host = socket.gethostname()
        with self.engine.begin() as conn:
            rows = conn.execute(select(r.id, r.pid).where(r.status == "running", r.host == host)).all()
            dead = [run_id for run_id, pid in rows if pid is not None and not process_alive(pid)]
            if dead:
                conn.execute(update(schema.runs).where(r.id.in_(dead)).values(status="interrupted"))
        return dead

    def finish_run(self, run_id: int, counts: dict, status: str = "done") -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(schema.runs).where(schema.runs.c.id == run_id)
                .values(finished_at=now(), status=status, counts=counts)
            )

    # articles
    def known_keys(self, url_hashes: Iterable[str], text_hashes: Iterable[str]) -> set[str]:
        """Which of these URL and text hashes are already stored (one query per call)."""
        urls, texts = [u for u in url_hashes if u], list(text_hashes)
        if not urls and not texts:
            return set()
        a = schema.articles.c
        query = select(a.url_hash, a.text_hash).where(or_(a.url_hash.in_(urls), a.text_hash.in_(texts)))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return {key for row in rows for key in row if key}

    def known_ids(self, record_ids: Iterable[str]) -> set[str]:
        """Which of these article ids are taken in the store."""
        ids = list(record_ids)
        if not ids:
            return set()
        a = schema.articles.c
        with self.engine.connect() as conn:
            return set(conn.execute(select(a.record_id).where(a.record_id.in_(ids))).scalars())

    def add_article(
        self, article: Article, record: ArticleRecord, run_id: int | None, keys: tuple[str | None, str]
    ) -> bool:
        """Store one article atomically; False when an article with the same URL or text is already there."""
        try:
            with self.engine.begin() as conn:
                write_article(conn, article, record, run_id, keys)
                origin = getattr(article, "origin", None)
                if origin:  # an input that failed in an earlier run and is now stored is no longer a failure
                    f = schema.failures.c
                    line = getattr(article, "line", None)
                    line_match = f.line.is_(None) if line is None else f.line == line
                    conn.execute(delete(schema.failures).where(f.source == origin, line_match))
        except IntegrityError:
            if self.known_keys([keys[0]] if keys[0] else [], [keys[1]]):
                return False
            raise
        return True

    # failures
    def add_failure(self, failure: Failure, run_id: int | None) -> bool:
        """Record a failure of a run once: the same source, line and reason seen again in the same run adds
        nothing; a rerun records it again, so `veille failures --run N` lists everything run N met."""
        f = schema.failures.c
        row = {"run_id": run_id, "kind": failure.kind, "source": clean_text(failure.source), "line": failure.line,
               "record_id": clean_text(failure.id) if failure.id else None, "reason": clean_text(failure.reason),
               "created_at": now()}
        line_match = f.line.is_(None) if failure.line is None else f.line == failure.line
        run_match = f.run_id.is_(None) if run_id is None else f.run_id == run_id
        seen = select(f.id).where(f.source == row["source"], line_match, f.reason == row["reason"], run_match)
        with self.engine.begin() as conn:
            if conn.execute(seen.limit(1)).first() is not None:
                return False
            conn.execute(insert(schema.failures).values(row))
        return True

    def failures(self, run_id: int | None = None, kind: str | None = None, limit: int | None = None) -> list[dict]:
        """The failures of one run, or of every run (each input and reason once: its latest sighting)."""
        f = schema.failures.c
        query = select(schema.failures).order_by(f.id)
        if run_id is not None:
            query = query.where(f.run_id == run_id)
        else:
            latest = select(func.max(f.id)).group_by(f.source, f.line, f.reason)
            query = query.where(f.id.in_(latest))
        if kind is not None:
            query = query.where(f.kind == kind)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def runs(self, limit: int | None = None) -> list[dict]:
        """The runs, newest first; runs whose process died are marked interrupted before they are listed."""
        self.close_dead_runs()
        query = select(schema.runs).order_by(schema.runs.c.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    # questions
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, actors, claims, places, quotes, dates, entities, failures."""
        tables = (schema.articles, *reversed(schema.RECORD_TABLES), schema.failures, schema.runs)
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}

    def event_breakdown(self, run_id: int | None = None) -> tuple[dict[str, int], dict[str, int]]:
        """Events by ACLED type (PLOVER code when untyped) and by country, for one run or the whole store."""
        e, a = schema.events.c, schema.articles.c
        kind = func.coalesce(e.event_type, literal("PLOVER ", String) + e.plover)
        country = func.coalesce(e.country, "unknown")
        result = []
        with self.engine.connect() as conn:
            for column in (kind, country):
                query = select(column, func.count()).select_from(schema.events.join(schema.articles))
                if run_id is not None:
                    query = query.where(a.run_id == run_id)
                rows = conn.execute(query.group_by(column).order_by(func.count().desc(), column)).all()
                result.append({str(key): n for key, n in rows})
        return result[0], result[1]

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search over titles and texts: FTS5 on SQLite, French tsvector on PostgreSQL."""
        terms = query
        if self.engine.dialect.name == "postgresql":
            sql = text(
                "SELECT id, record_id, title, url, published, "
                "ts_headline('french', text, websearch_to_tsquery('french', :q), 'MaxWords=20') AS snippet "
                "FROM articles WHERE search @@ websearch_to_tsquery('french', :q) "
                "ORDER BY ts_rank(search, websearch_to_tsquery('french', :q)) DESC LIMIT :n"
            )
        else:
            terms = fts_query(query)
            sql = text(
                "SELECT a.id, a.record_id, a.title, a.url, a.published, "
                "snippet(articles_fts, 1, '[', ']', '…', 20) AS snippet "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"
            )
        try:
            with self.engine.connect() as conn:
                return [dict(row._mapping) for row in conn.execute(sql, {"q": terms, "n": limit})]
        except SQLAlchemyError as exc:
            raise StoreError(f"search failed for {query!r}: {exc.__cause__ or exc}") from exc


def fts_query(query: str) -> str:
    """Words as FTS5 phrases (so punctuation and keywords like NOT in user text cannot break the syntax)."""
    words = [w for w in query.replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words) if words else '""'


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
