"""The store's tables (SQLAlchemy Core): one row per article, event, actor, claim, mention, run and failure.

Every field of an article record has a column (events are flattened ACLED-style) and the full record JSON
is kept too, so nothing of the contract is lost. Changing a table needs a new Alembic migration in
`veille/store/migrations/versions/`; a test checks that the migrations and these tables agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


def _span() -> tuple[Column, Column]:
    return Column("start_char", Integer), Column("end_char", Integer)


runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),  # running | done | interrupted
    Column("host", String(255)),  # the machine and process that run it: a dead owner means an interrupted run
    Column("pid", Integer),
    Column("sources", JSON, nullable=False),
    Column("workers", Integer, nullable=False),
    Column("version", String(32), nullable=False),
    Column("counts", JSON),  # read, stored, duplicates, skipped, failed
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_id", Text, nullable=False),  # the input's id (JSONL id, URL, relative path): unique
    Column("url", Text),
    Column("url_hash", String(64), unique=True),  # of the normalised URL: an article is stored once per URL
    Column("text_hash", String(64), nullable=False, unique=True),  # of the normalised text
    Column("published", Date, index=True),
    Column("title", Text),
    Column("source", Text),  # the news source (outlet), not the file
    Column("lang", String(8)),
    Column("origin", Text),  # file path or URL it was read from
    Column("origin_line", Integer),
    Column("text", Text, nullable=False),
    Column("record", JSON, nullable=False),  # the full article record of the contract (without `text`)
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_record_id", "record_id", unique=True),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("event_id", Text, nullable=False),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64)),
    Column("plover", String(16), nullable=False),
    Column("date", String(32), index=True),
    Column("date_precision", String(16)),
    Column("date_text", Text),
    Column("location_name", Text),
    Column("geonameid", Integer),
    Column("gazetteer_name", Text),
    Column("country", String(8), index=True),
    Column("admin1", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", String(16)),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_approx", Boolean, nullable=False),
    Column("injured_approx", Boolean, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("confidence", Float),
    Column("record", JSON, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("role", String(8), nullable=False),  # actor1 | actor2
    Column("name", Text, nullable=False),
    Column("text", Text),
    Column("type", String(32), nullable=False),
    Column("country", String(8)),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), index=True),  # null: aggregate
    Column("source", Text),
    Column("sources", JSON),  # an aggregate claim's sources
    Column("text", Text),  # an aggregate claim's text
    Column("fatalities", Integer),
    Column("injured", Integer),
    *_span(),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("text", Text, nullable=False),
    *_span(),
    Column("geonameid", Integer),
    Column("gazetteer_name", Text),
    Column("country", String(8)),
    Column("admin1", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", String(16)),
    Column("score", Float),
    Column("reason", Text),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("speaker", Text),
    Column("speaker_text", Text),
    Column("quote", Text, nullable=False),
    *_span(),
)

dates = Table(
    "dates",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("text", Text, nullable=False),
    *_span(),
    Column("value", String(32), nullable=False),
    Column("precision", String(16), nullable=False),
    Column("end_value", String(32)),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("text", Text, nullable=False),
    *_span(),
    Column("label", String(16), nullable=False),
    Column("actor_name", Text),
    Column("actor_type", String(32)),
    Column("actor_country", String(8)),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("kind", String(8), nullable=False),  # failed | skipped
    Column("source", Text, nullable=False),  # file path or URL
    Column("line", Integer),  # line number for corpora (JSONL, CSV) and feed entries
    Column("record_id", Text),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_failures_source_line", "source", "line"),
)

# The tables an article's record is spread over, children before parents (for deletes and counts).
RECORD_TABLES = (actors, claims, places, quotes, dates, entities, events)
