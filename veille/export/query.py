"""The events to export: one flat row per stored event, filtered by date, country and type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from veille.store import Store, schema


@dataclass
class EventFilter:
    """--since/--until compare the event's date (a month-precise "2016-09" is inside 2016-09-01..30)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO 3166 alpha-2 ("ML") or a name ("Mali")
    type: str | None = None  # ACLED event type, sub-event type or PLOVER code, any case


def country_code(value: str) -> str:
    """ISO alpha-2 from a code or a country name; unknown names are kept as given (and match nothing)."""
    import pycountry

    if len(value) == 2:
        return value.upper()
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        return value


def event_query(filters: EventFilter):
    e, a = schema.events.c, schema.articles.c
    query = (
        select(schema.events, a.record_id.label("article_id_text"), a.url, a.published, a.title,
               a.source.label("outlet"))
        .select_from(schema.events.join(schema.articles))
        .order_by(e.date, e.id)
    )
    if filters.since:
        query = query.where(func.substr(e.date, 1, 10) >= filters.since.isoformat()[: 10])
    if filters.until:
        query = query.where(e.date <= filters.until.isoformat())
    if filters.country:
        query = query.where(e.country == country_code(filters.country))
    if filters.type:
        wanted = filters.type.lower()
        query = query.where(
            or_(func.lower(e.event_type) == wanted, func.lower(e.sub_event_type) == wanted,
                func.lower(e.plover) == wanted)
        )
    return query


def iter_event_rows(store: Store, filters: EventFilter | None = None) -> Iterator[dict]:
    """Each matching event as a dict: the events columns, the article's URL, date, title and outlet."""
    with store.engine.connect() as conn:
        for row in conn.execution_options(yield_per=500).execute(event_query(filters or EventFilter())):
            yield dict(row._mapping)
