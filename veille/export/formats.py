"""Writers for `veille export`: ACLED-like CSV, GeoJSON, JSONL (the event records) and Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import IO

ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
# ACLED's interaction codes by veille actor type (ACLED codebook: 1 state forces, 2 rebels, 3 political
# militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces; 0 none).
INTER_CODES = {
    "state": 1, "government": 1, "rebel": 2, "political_militia": 3, "identity_militia": 4, "rioters": 5,
    "protesters": 6, "civilians": 7, "external": 8, "organisation": 8, "political_party": 8, "person": 8,
    "unknown": 0,
}
# ACLED's geo_precision: 1 the exact place, 2 near it or a part of a region, 3 a region (admin1) or larger.
GEO_PRECISION = {"exact": 1, "near": 2, "admin1": 3, "country": 3}


def country_name(code: str | None) -> str:
    if not code:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", code)) if country else code


def acled_row(row: dict) -> dict:
    """One ACLED-like row; actors come from the event record, `notes` is the evidence sentence."""
    record = row["record"] if isinstance(row["record"], dict) else json.loads(row["record"])
    actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
    sources = row["sources"] if isinstance(row["sources"], list) else json.loads(row["sources"] or "[]")
    return {
        "event_date": row["date"],
        "event_type": row["event_type"] or "",
        "sub_event_type": row["sub_event_type"] or "",
        "actor1": actor1.get("name", ""),
        "inter1": INTER_CODES.get(actor1.get("type", ""), 0) if actor1 else 0,
        "actor2": actor2.get("name", ""),
        "inter2": INTER_CODES.get(actor2.get("type", ""), 0) if actor2 else 0,
        "country": country_name(row["country"]),
        "admin1": row["admin1"] or "",
        "location": row["location_name"] or "",
        "latitude": "" if row["lat"] is None else row["lat"],
        "longitude": "" if row["lon"] is None else row["lon"],
        "geo_precision": GEO_PRECISION.get(row["geo_precision"], ""),
        "source": "; ".join(sources) or (row.get("outlet") or ""),
        "notes": row["evidence"],
        "fatalities": row["fatalities"] if row["fatalities"] is not None else 0,
    }


def write_acled_csv(rows: Iterable[dict], out: IO[str]) -> int:
    """ACLED-like CSV; events without an ACLED type (pure political interactions) are not ACLED events."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        if row["event_type"]:
            writer.writerow(acled_row(row))
            count += 1
    return count


def event_json(row: dict) -> dict:
    """The event record of the contract, plus the article it comes from."""
    record = row["record"] if isinstance(row["record"], dict) else json.loads(row["record"])
    published = row["published"]
    return {
        **record,
        "article_id": row["article_id_text"],
        "url": row["url"],
        "published": published.isoformat() if isinstance(published, dt.date) else published,
        "title": row["title"],
    }


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(event_json(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_geojson(rows: Iterable[dict], out: IO[str]) -> int:
    """A FeatureCollection of the events that have a point; country-level events have none (never invented)."""
    features = []
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        properties = {**acled_row(row), "event_id": row["event_id"], "plover": row["plover"], "url": row["url"]}
        del properties["latitude"], properties["longitude"]
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
             "properties": properties}
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def write_parquet(rows: Iterable[dict], out: IO[bytes]) -> int:
    """One Parquet row per event: the ACLED-like columns plus the event id, PLOVER code and article URL."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    typed = {"inter1": pa.int64(), "inter2": pa.int64(), "latitude": pa.float64(), "longitude": pa.float64(),
             "geo_precision": pa.int64(), "fatalities": pa.int64(), "injured": pa.int64(),
             "confidence": pa.float64()}
    names = [*ACLED_COLUMNS, "injured", "confidence", "event_id", "plover", "url"]
    schema = pa.schema([(name, typed.get(name, pa.string())) for name in names])
    table_rows = [
        {**acled_row(row), "event_id": row["event_id"], "plover": row["plover"], "url": row["url"],
         "latitude": row["lat"], "longitude": row["lon"], "geo_precision": GEO_PRECISION.get(row["geo_precision"]),
         "fatalities": row["fatalities"], "injured": row["injured"], "confidence": row["confidence"]}
        for row in rows
    ]
    table = pa.Table.from_pylist(table_rows, schema=schema)
    pq.write_table(table, out)
    return len(table_rows)


WRITERS: dict[str, Callable[[Iterable[dict], IO], int]] = {
    "acled-csv": write_acled_csv, "geojson": write_geojson, "jsonl": write_jsonl, "parquet": write_parquet}
BINARY_FORMATS = {"parquet"}
