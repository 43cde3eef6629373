"""The events to export: one flat row per stored event, filtered by date, country and type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, or_, select

import veille.store.schema as schema
from veille.errors import InputError
from veille.store.store import Store


@dataclass
class EventFilter:
    """--since/--until compare the event's date (a month-precise "2016-09" is inside 2016-09-01..30)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO 3166 alpha-2 ("ML") or a name ("Mali")
    type: str | None = None  # ACLED event type, sub-event type or PLOVER code, any case


def country_code(value: str) -> str:
    """ISO alpha-2 from a code (ML, MLI) or a country name (Mali); InputError for anything else, so that a
    typo is an error rather than an empty export. Kosovo's user-assigned XK is accepted."""
    import pycountry

    if value.upper() == "XK":
        return "XK"
    try:
        return pycountry.countries.lookup(value.strip()).alpha_2
    except LookupError:
        raise InputError(f"unknown country {value!r}: give an ISO code (ML) or an English name (Mali)") from None


def event_type_filter(value: str) -> str:
    """The --type value, lower-cased, when it names an ACLED event type, sub-event type or PLOVER code;
    InputError otherwise."""
    from veille.model import EVENT_TYPES, PLOVER_CODES

    known = {*EVENT_TYPES, *(sub for subs in EVENT_TYPES.values() for sub in subs), *PLOVER_CODES}
    wanted = value.strip().lower()
    if wanted not in {name.lower() for name in known}:
        raise InputError(f"unknown event type {value!r}: give an ACLED event or sub-event type "
                         "(\"Battles\", \"Armed clash\") or a PLOVER code (ASSAULT)")
    return wanted


def check_filters(filters: EventFilter) -> EventFilter:
    """The filters with the country as its ISO code and the type checked; InputError for unknown values."""
    if filters.country:
        filters.country = country_code(filters.country)
    if filters.type:
        filters.type = event_type_filter(filters.type)
    return filters


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
        wanted = event_type_filter(filters.type)
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
