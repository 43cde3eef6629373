"""Small hand-made articles and records for store and export tests (no model needed)."""

from __future__ import annotations

import datetime as dt

from veille.ingest.records import SourcedArticle
from veille.model import ArticleRecord, Event


def make_event(event_id: str, event_type: str | None, sub: str | None, plover: str, date: str,
               country: str | None, lat: float | None = None, lon: float | None = None,
               precision: str | None = None, fatalities: int | None = None) -> Event:
    acled = {"event_type": event_type, "sub_event_type": sub} if event_type else None
    location = {"name": f"lieu-{event_id}", "country": country, "lat": lat, "lon": lon, "precision": precision}
    return Event(
        event_id=event_id, acled=acled, plover=plover, date=date, date_precision="day",
        location=location if country else None,
        actor1={"name": "Unidentified Armed Group (Mali)", "text": "des hommes armés", "type": "unknown"},
        actor2={"name": "Civilians (Mali)", "text": "des villageois", "type": "civilians"},
        fatalities=fatalities, fatalities_low=fatalities, fatalities_high=fatalities,
        sources=["AFP"], claims=[{"source": "AFP", "fatalities": fatalities}],
        evidence=f"Phrase de preuve {event_id}.", evidence_span=(0, 10), confidence=0.7,
    )


def make_article(article_id: str, text: str, url: str | None = None, published: str = "2024-03-02",
                 events: list[Event] | None = None, line: int | None = None) -> tuple[SourcedArticle, ArticleRecord]:
    article = SourcedArticle(id=article_id, text=text, published=dt.date.fromisoformat(published), url=url,
                             title=f"Titre {article_id}", origin="corpus.jsonl", line=line)
    record = ArticleRecord(
        id=article_id, published=published, url=url, title=article.title, events=events or [],
        aggregate_claims=[{"text": "au total 12 morts", "fatalities": 12, "sources": ["AFP"], "span": (0, 5)}],
        quotes=[{"speaker": "Le maire", "speaker_text": "le maire", "quote": "C'est terrible", "span": (1, 15)}],
        dates=[{"text": "samedi", "start": 2, "end": 8, "value": "2024-03-02", "precision": "day"}],
        places=[{"text": "Mopti", "start": 9, "end": 14, "geonameid": 2453348, "country": "ML", "lat": 14.49,
                 "lon": -4.19, "precision": "exact"}],
        entities=[{"text": "AFP", "start": 20, "end": 23, "label": "ORG",
                   "actor": {"name": "AFP", "type": "organisation", "country": "FR"}}],
    )
    return article, record
