"""Import a full GeoNames dump (allCountries.zip, XX.zip, .txt, alternateNamesV2) into the gazetteer.

GeoNames' own formats (tab-separated, no header): the main table has 19 columns (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1, ...,
population, ...); alternateNamesV2 has alternateNameId, geonameid, isolanguage, alternate name, flags...
Populated places (class P) are added or replaced; ADM1 regions come in as admin1 entries without a point.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

from veille.errors import GazetteerError
from veille.geo.build import Progress, ensure_gazetteer, name_rows
from veille.geo.index import write_snapshot
from veille.geo.sources import useful_alternate
from veille.geo.store import KIND_ALTERNATE, connect, gazetteer_path

# alternateNames "languages" that are codes or links, not names.
SKIPPED_LANGUAGES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid"})
BATCH = 20000


def _lines(path: Path) -> Iterator[str]:
    """The text lines of a .txt file or of the .txt members of a .zip (readme files skipped)."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".txt") and not member.lower().startswith(("readme", "iso-languagecodes")):
                    with archive.open(member) as raw:
                        yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def _is_alternate_names(path: Path) -> bool:
    return "alternatenames" in path.name.lower()


def import_geonames(source: Path, path: Path | None = None, progress: Progress | None = None) -> int:
    """Add a GeoNames dump to the gazetteer; return the number of rows imported."""
    if not source.exists():
        raise GazetteerError(f"no such GeoNames file: {source}")
    path = ensure_gazetteer(path or gazetteer_path())
    conn = connect(path)
    try:
        count = (_import_alternates if _is_alternate_names(source) else _import_places)(conn, source, progress)
        imports = json.loads(dict(conn.execute("SELECT k, v FROM meta")).get("imports", "[]"))
        if str(source.resolve()) not in imports:
            imports.append(str(source.resolve()))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (json.dumps(imports),))
        conn.commit()
    except (ValueError, IndexError) as exc:
        raise GazetteerError(f"{source}: not in GeoNames' format: {exc}") from exc
    finally:
        conn.close()
    write_snapshot(path)
    return count


def _import_places(conn, source: Path, progress: Progress | None) -> int:
    next_pid = conn.execute("SELECT coalesce(max(pid), 0) + 1 FROM places").fetchone()[0]
    count = 0
    for line in _lines(source):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 19:
            raise ValueError(f"expected 19 tab-separated columns, got {len(cols)}")
        feature_class, feature_code = cols[6], cols[7]
        if feature_class == "P":
            level, lat, lon = "place", float(cols[4]), float(cols[5])
        elif feature_code == "ADM1":
            level, lat, lon = "admin1", None, None
        else:
            continue
        geonameid = int(cols[0])
        old = conn.execute("SELECT pid FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        pid = old[0] if old else next_pid
        if not old:
            next_pid += 1
        conn.execute("INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (pid, geonameid, cols[1], cols[8], cols[10] or None, lat, lon, int(cols[14] or 0), level))
        names = {cols[1], cols[2], *filter(useful_alternate, cols[3].split(","))}
        conn.execute("DELETE FROM names WHERE pid = ?", (pid,))
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", name_rows(pid, cols[1], names))
        count += 1
        if progress and count % BATCH == 0:
            progress("geonames", count)
    return count


def _import_alternates(conn, source: Path, progress: Progress | None) -> int:
    pids = dict(conn.execute("SELECT geonameid, pid FROM places WHERE geonameid IS NOT NULL"))
    count = 0
    for line in _lines(source):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4:
            raise ValueError(f"expected at least 4 tab-separated columns, got {len(cols)}")
        pid = pids.get(int(cols[1]))
        if pid is None or cols[2] in SKIPPED_LANGUAGES or not useful_alternate(cols[3]):
            continue
        rows = [row[:3] + (KIND_ALTERNATE,) for row in name_rows(pid, "", [cols[3]])]
        known = {key for (key,) in conn.execute("SELECT key FROM names WHERE pid = ?", (pid,))}
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", [r for r in rows if r[0] not in known])
        count += 1
        if progress and count % BATCH == 0:
            progress("alternate names", count)
    return count
