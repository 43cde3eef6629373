"""Exports of the stored events: ACLED-like CSV, GeoJSON, JSONL and Parquet, filtered by date, country, type."""

from __future__ import annotations

from typing import IO

from veille.export.formats import BINARY_FORMATS, WRITERS
from veille.export.query import EventFilter, iter_event_rows
from veille.store import Store

FORMATS = tuple(WRITERS)


def export_events(store: Store, fmt: str, out: IO, filters: EventFilter | None = None) -> int:
    """Write the matching events to `out` (binary for parquet, text otherwise); returns how many."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return WRITERS[fmt](iter_event_rows(store, filters), out)


__all__ = ["BINARY_FORMATS", "FORMATS", "EventFilter", "export_events", "iter_event_rows"]
