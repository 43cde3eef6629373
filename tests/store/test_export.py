"""Exports: ACLED-like CSV columns, filters, GeoJSON points only where known, Parquet and JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
from pathlib import Path

import pytest

from veille.export import EventFilter, export_events
from veille.export.formats import ACLED_COLUMNS
from veille.store import Store
from veille.store.writer import text_hash, url_hash

_spec = importlib.util.spec_from_file_location("store_records", Path(__file__).with_name("records.py"))
records = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(records)


@pytest.fixture
def store(db_url):
    events_a = [
        records.make_event("a-1", "Violence against civilians", "Attack", "ASSAULT", "2024-03-02", "ML",
                           14.49, -4.19, "exact", 12),
        records.make_event("a-2", None, None, "CONSULT", "2024-03-01", "FR"),
    ]
    events_b = [records.make_event("b-1", "Protests", "Peaceful protest", "PROTEST", "2024-05-10", "SN",
                                   None, None, "country")]
    with Store.open(db_url) as opened:
        for article_id, text, events in (("a", "Premier article sur Mopti.", events_a),
                                         ("b", "Second article sur Dakar.", events_b)):
            article, record = records.make_article(article_id, text, f"https://exemple.fr/{article_id}",
                                                   events=events)
            opened.add_article(article, record, None, (url_hash(article.url), text_hash(article.text)))
        yield opened


def export(store, fmt, **filters) -> str:
    out = io.StringIO()
    export_events(store, fmt, out, EventFilter(**filters))
    return out.getvalue()


def test_acled_csv_has_acled_columns_and_only_acled_events(store):
    rows = list(csv.DictReader(io.StringIO(export(store, "acled-csv"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert [r["event_type"] for r in rows] == ["Violence against civilians", "Protests"]
    attack = rows[0]
    assert (attack["country"], attack["fatalities"], attack["inter2"], attack["geo_precision"]) == ("Mali", "12",
                                                                                                  "7", "1")
    assert attack["notes"] == "Phrase de preuve a-1." and attack["source"] == "AFP"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "Mali"}, ["a-1"]),
        ({"country": "sn"}, ["b-1"]),
        ({"type": "protests"}, ["b-1"]),
        ({"type": "CONSULT"}, ["a-2"]),
        ({"since": dt.date(2024, 3, 2)}, ["a-1", "b-1"]),
        ({"until": dt.date(2024, 3, 1)}, ["a-2"]),
    ],
)
def test_filters(store, filters, expected):
    lines = export(store, "jsonl", **filters).splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == expected


def test_jsonl_lines_are_event_records_with_their_article(store):
    first = json.loads(export(store, "jsonl").splitlines()[0])
    assert first["event_id"] == "a-2" and first["url"] == "https://exemple.fr/a" and first["published"] == "2024-03-02"


def test_geojson_never_invents_a_point(store):
    collection = json.loads(export(store, "geojson"))
    assert [f["properties"]["event_id"] for f in collection["features"]] == ["a-1"]
    assert collection["features"][0]["geometry"]["coordinates"] == [-4.19, 14.49]


def test_parquet_is_readable(store, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    with path.open("wb") as out:
        assert export_events(store, "parquet", out) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3 and set(ACLED_COLUMNS) <= set(table.column_names)
