"""Where the gazetteer lives (the user data dir) and its SQLite schema."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs

from veille.errors import GazetteerError

GAZETTEER_FILE = "gazetteer.sqlite"
# Bump when the tables or the way names are keyed change: an older file is then rebuilt.
SCHEMA_VERSION = "5"

# Levels of a gazetteer entry, from the broadest.
COUNTRY, ADMIN1, PLACE = "country", "admin1", "place"
# How a name belongs to its entry (names.kind): the ranking of matches depends on it.
KIND_MAIN, KIND_ALTERNATE, KIND_CURATED, KIND_STRIPPED = 0, 1, 2, 3

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    pid INTEGER PRIMARY KEY,
    geonameid INTEGER UNIQUE,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER NOT NULL DEFAULT 0,
    level TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, skey TEXT NOT NULL, pid INTEGER NOT NULL,
                                  kind INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key, pid, kind);
CREATE INDEX IF NOT EXISTS names_skey ON names(skey);
CREATE INDEX IF NOT EXISTS names_pid ON names(pid);
CREATE INDEX IF NOT EXISTS places_country ON places(country, level);
"""


def data_dir() -> Path:
    """veille's data folder: $VEILLE_DATA_DIR when set, else the platform's user data dir."""
    override = os.environ.get("VEILLE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("veille", appauthor=False))


def gazetteer_path() -> Path:
    return data_dir() / GAZETTEER_FILE


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """Open the gazetteer file (read-only for lookups, so several processes can share it)."""
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA mmap_size = 268435456")  # pages shared between worker processes
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path)
    except (sqlite3.Error, OSError) as exc:
        raise GazetteerError(f"cannot open the gazetteer {path}: {exc}") from exc
    return conn


def read_meta(path: Path) -> dict[str, str]:
    """The meta table of a gazetteer file ({} when the file is missing or not a gazetteer)."""
    if not path.exists():
        return {}
    try:
        conn = connect(path, readonly=True)
        try:
            return dict(conn.execute("SELECT k, v FROM meta"))
        finally:
            conn.close()
    except (sqlite3.Error, GazetteerError):
        return {}
