"""The gazetteer's exact-name index and entries held in memory, loaded once per process from the SQLite file.

Why: a lookup is a dictionary access instead of an SQL query (the SQL join cost ~100 µs per name). The
structures are compact because every worker process of `veille run --workers N` holds its own copy: entries
are stored column by column (arrays of numbers, interned strings) and each name key maps to one packed integer
`pid * 4 + kind`, or to a tuple of them when several entries share the key (~100 MB for the default
gazetteer). A marshal snapshot next to the SQLite file (`gazetteer.sqlite.index`) loads in a fraction of the
time of the SQL scan; it is stamped with the file's size and modification time, so an import or a rebuild makes
it stale and it is written again by the next process that loads the index. Near-miss (sound key) queries
stay in SQLite: they are rare and need the key index only.
"""

from __future__ import annotations

import marshal
import math
import os
import sqlite3
from array import array
from collections.abc import Iterator
from pathlib import Path

from veille.geo.store import ADMIN1, COUNTRY, PLACE

LEVELS = (COUNTRY, ADMIN1, PLACE)
_LEVEL_CODE = {level: code for code, level in enumerate(LEVELS)}
_KIND_BITS = 2  # names.kind is 0..3
_KIND_MASK = (1 << _KIND_BITS) - 1

# (pid, geonameid, name, country, admin1, lat, lon, population, level): the row shape the resolver reads.
EntryRow = tuple[int, int | None, str, str | None, str | None, float | None, float | None, int, str]


SNAPSHOT_FORMAT = 1


class NameIndex:
    """Name key -> (pid, kind) pairs, and pid -> entry columns, all in memory."""

    @classmethod
    def load(cls, path: Path, conn: sqlite3.Connection) -> NameIndex:
        """The index of the gazetteer file `path`: from its snapshot when current, else from SQL (then saved)."""
        snapshot = snapshot_path(path)
        stamp = _stamp(path)
        try:
            data = marshal.loads(snapshot.read_bytes())
            if data[0] == (SNAPSHOT_FORMAT, *stamp):
                return cls._from_state(data[1])
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            pass  # missing, stale or damaged: rebuilt below
        index = cls(conn)
        index.save(snapshot, stamp)
        return index

    def save(self, snapshot: Path, stamp: tuple[int, int]) -> None:
        """Write the snapshot atomically; a read-only data dir only costs the next process the SQL scan."""
        state = (self._keys, self._geonameid.tobytes(), self._lat.tobytes(), self._lon.tobytes(),
                 self._population.tobytes(), bytes(self._level), self._name, self._country, self._admin1)
        tmp = snapshot.with_name(f".{snapshot.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(marshal.dumps(((SNAPSHOT_FORMAT, *stamp), state)))
            os.replace(tmp, snapshot)
        except OSError:
            tmp.unlink(missing_ok=True)

    @classmethod
    def _from_state(cls, state: tuple) -> NameIndex:
        index = cls.__new__(cls)
        keys, geonameid, lat, lon, population, level, index._name, index._country, index._admin1 = state
        index._keys = keys
        index._geonameid, index._lat = array("q", geonameid), array("d", lat)
        index._lon, index._population = array("d", lon), array("q", population)
        index._level = bytearray(level)
        return index

    def __init__(self, conn: sqlite3.Connection):
        size = conn.execute("SELECT coalesce(max(pid), 0) + 1 FROM places").fetchone()[0]
        self._geonameid = array("q", bytes(8 * size))
        self._lat = array("d", [math.nan]) * size
        self._lon = array("d", [math.nan]) * size
        self._population = array("q", bytes(8 * size))
        self._level = bytearray(size)
        self._name: list[str | None] = [None] * size
        self._country: list[str | None] = [None] * size
        self._admin1: list[str | None] = [None] * size
        self._load_entries(conn)
        self._keys: dict[str, int | tuple[int, ...]] = {}
        self._load_keys(conn)

    def _load_entries(self, conn: sqlite3.Connection) -> None:
        strings: dict[str, str] = {}  # one string object per distinct country/admin1 code
        for pid, geonameid, name, country, admin1, lat, lon, population, level in conn.execute(
            "SELECT pid, geonameid, name, country, admin1, lat, lon, population, level FROM places"
        ):
            self._geonameid[pid] = geonameid or 0
            self._name[pid] = name
            self._country[pid] = strings.setdefault(country, country) if country else None
            self._admin1[pid] = strings.setdefault(admin1, admin1) if admin1 else None
            if lat is not None:
                self._lat[pid], self._lon[pid] = lat, lon
            self._population[pid] = population or 0
            self._level[pid] = _LEVEL_CODE[level]

    def _load_keys(self, conn: sqlite3.Connection) -> None:
        keys = self._keys
        for key, pid, kind in conn.execute("SELECT key, pid, kind FROM names"):
            packed = (pid << _KIND_BITS) | kind
            old = keys.get(key)
            if old is None:
                keys[key] = packed
            elif isinstance(old, int):
                keys[key] = (old, packed)
            else:
                keys[key] = (*old, packed)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def matches(self, key: str) -> Iterator[tuple[int, int]]:
        """(pid, kind) of every name row with exactly this key."""
        found = self._keys.get(key)
        if found is None:
            return
        for packed in (found,) if isinstance(found, int) else found:
            yield packed >> _KIND_BITS, packed & _KIND_MASK

    def entry(self, pid: int) -> EntryRow:
        """One entry's fields, in the column order of the `places` table."""
        lat = self._lat[pid]
        has_point = lat == lat  # NaN marks "no point" (countries, regions)
        return (pid, self._geonameid[pid] or None, self._name[pid], self._country[pid], self._admin1[pid],
                lat if has_point else None, self._lon[pid] if has_point else None, self._population[pid],
                LEVELS[self._level[pid]])


def snapshot_path(path: Path) -> Path:
    return path.with_name(path.name + ".index")


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def write_snapshot(path: Path) -> None:
    """Refresh the snapshot after the file was built or extended, so worker processes start fast."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        NameIndex.load(path, conn)
    finally:
        conn.close()
