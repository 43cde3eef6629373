"""Article records to rows: one transaction per article, so a killed batch leaves whole articles or none."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Connection, insert

import veille.store.schema as schema
from veille.model import Article, ArticleRecord, Event

_SPACES = re.compile(r"\s+")
# Query parameters that track a reader, not select a page: the same article shared twice is one article.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|xtor|at_medium|at_campaign|ref|cmp)$", re.IGNORECASE)


def text_hash(text: str) -> str:
    """sha256 of the text with Unicode, case and whitespace normalised: re-saved copies hash alike."""
    normalised = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def url_hash(url: str | None) -> str | None:
    if not url or not url.strip():
        return None
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


def write_article(
    conn: Connection, article: Article, record: ArticleRecord, run_id: int | None, keys: tuple[str | None, str]
) -> int:
    """Insert one article and everything extracted from it; returns the article's row id."""
    origin = getattr(article, "origin", None)
    row = {
        "record_id": article.id,
        "url": record.url or article.url,
        "url_hash": keys[0],
        "text_hash": keys[1],
        "published": article.published,
        "title": record.title or article.title,
        "source": record.source or article.source,
        "lang": record.lang,
        "origin": origin,
        "origin_line": getattr(article, "line", None),
        "text": article.text,
        "record": record.model_dump(mode="json", exclude={"text"}),
        "run_id": run_id,
        "created_at": dt.datetime.now(dt.UTC),
    }
    article_id = conn.execute(insert(schema.articles).values(row)).inserted_primary_key[0]
    for event in record.events:
        write_event(conn, article_id, event)
    children = {
        schema.claims: [aggregate_row(c) for c in record.aggregate_claims],
        schema.quotes: [
            {"speaker": q.speaker, "speaker_text": q.speaker_text, "quote": q.quote, **span(q.span)}
            for q in record.quotes
        ],
        schema.dates: [
            {"text": d.text, "start_char": d.start, "end_char": d.end, "value": d.value, "precision": d.precision,
             "end_value": d.end_value}
            for d in record.dates
        ],
        schema.places: [
            {**p.model_dump(exclude={"start", "end"}), "start_char": p.start, "end_char": p.end} for p in record.places
        ],
        schema.entities: [entity_row(e) for e in record.entities],
    }
    for table, rows in children.items():
        if rows:
            conn.execute(insert(table), [fit(table, {"article_id": article_id, **r}) for r in rows])
    return article_id


def write_event(conn: Connection, article_id: int, event: Event) -> int:
    """One event, flattened ACLED-style, with its actors and per-source claims in their own tables."""
    location = event.location
    row = {
        "article_id": article_id,
        "event_id": event.event_id,
        "event_type": event.acled.event_type if event.acled else None,
        "sub_event_type": event.acled.sub_event_type if event.acled else None,
        "plover": event.plover,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "location_name": location.name if location else None,
        "geonameid": location.geonameid if location else None,
        "gazetteer_name": location.gazetteer_name if location else None,
        "country": location.country if location else None,
        "admin1": location.admin1 if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "geo_precision": location.precision if location else None,
        "sources": list(event.sources),
        "evidence_start": event.evidence_span[0],
        "evidence_end": event.evidence_span[1],
        "record": event.model_dump(mode="json"),
        **event.model_dump(
            include={"fatalities", "injured", "fatalities_low", "fatalities_high", "fatalities_approx",
                     "injured_approx", "evidence", "confidence"}
        ),
    }
    event_id = conn.execute(insert(schema.events).values(row)).inserted_primary_key[0]
    actor_rows = [
        fit(schema.actors, {"event_id": event_id, "role": role, **actor.model_dump()})
        for role, actor in (("actor1", event.actor1), ("actor2", event.actor2))
        if actor is not None
    ]
    if actor_rows:
        conn.execute(insert(schema.actors), actor_rows)
    claim_rows = [
        fit(schema.claims, {"article_id": article_id, "event_id": event_id, **claim.model_dump()})
        for claim in event.claims
    ]
    if claim_rows:
        conn.execute(insert(schema.claims), claim_rows)
    return event_id


def aggregate_row(claim) -> dict:
    return {
        "event_id": None, "source": None, "sources": list(claim.sources), "text": claim.text,
        "fatalities": claim.fatalities, "injured": claim.injured, **span(claim.span),
    }


def entity_row(entity) -> dict:
    actor = entity.actor
    return {
        "text": entity.text, "start_char": entity.start, "end_char": entity.end, "label": entity.label,
        "actor_name": actor.name if actor else None, "actor_type": actor.type if actor else None,
        "actor_country": actor.country if actor else None,
    }


def fit(table, row: dict) -> dict:
    """Only the keys the table has a column for: a field added to a record later lives on in its JSON."""
    return {key: value for key, value in row.items() if key in table.c}


def span(value: tuple[int, int] | None) -> dict:
    return {"start_char": value[0] if value else None, "end_char": value[1] if value else None}
