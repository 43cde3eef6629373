"""Build the gazetteer SQLite file from its pip-installed sources, and rebuild it when they change."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from veille.errors import GazetteerError
from veille.geo import sources
from veille.geo.index import write_snapshot
from veille.geo.normalize import name_key, sound_key, strip_article
from veille.geo.store import (
    INDEXES,
    KIND_ALTERNATE,
    KIND_CURATED,
    KIND_MAIN,
    KIND_STRIPPED,
    SCHEMA,
    SCHEMA_VERSION,
    connect,
    gazetteer_path,
    read_meta,
)

Progress = Callable[[str, int], None]  # (stage, rows done so far)


def expected_version() -> str:
    return f"schema={SCHEMA_VERSION};{sources.sources_version()}"


def is_current(path: Path) -> bool:
    """True when the file exists and was built from the installed sources by this schema."""
    return read_meta(path).get("version") == expected_version()


def ensure_gazetteer(path: Path | None = None, progress: Progress | None = None) -> Path:
    """The gazetteer file, built first when it is missing or stale (sources or schema changed).

    Several worker processes may start together on a machine without a gazetteer: the first one builds it
    under a file lock, the others wait for the lock and then find the file current.
    """
    path = path or gazetteer_path()
    if is_current(path):
        return path
    with build_lock(path):
        if not is_current(path):  # built by another process while this one waited
            _build(path, progress)
    return path


def build_gazetteer(path: Path | None = None, progress: Progress | None = None) -> Path:
    """Build the gazetteer into `path` (atomically: readers never see a half-built file), under the build lock.

    Dumps imported into the previous file (`veille gazetteer import`) are imported again if still present.
    """
    path = path or gazetteer_path()
    with build_lock(path):
        return _build(path, progress)


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on `<gazetteer>.lock`, released when the block ends or the process dies."""
    lock_path = path.with_name(path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a+b") as handle:
        _lock_file(handle.fileno())
        try:
            yield
        finally:
            _unlock_file(handle.fileno())


def _lock_file(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:  # LK_LOCK gives up after 10 s: keep waiting for the builder
                continue
    fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock_file(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _build(path: Path, progress: Progress | None) -> Path:
    """The build itself; the caller holds the build lock."""
    previous_imports = json.loads(read_meta(path).get("imports", "[]"))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    conn = connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        writer = _Writer(conn, progress)
        writer.add_entries("countries", sources.iter_countries(), curated_main=True)
        region_pids = writer.add_entries("regions", sources.iter_regions())
        writer.add_entries("places", sources.iter_cities())
        conn.executescript(INDEXES)
        _add_exonyms(conn, region_pids)
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
            ("version", expected_version()), ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
            ("build_seconds", f"{time.perf_counter() - started:.1f}"), ("imports", "[]"),
        ])
        conn.commit()
    except sqlite3.Error as exc:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer in {tmp}: {exc}") from exc
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    os.replace(tmp, path)
    if previous_imports:
        from veille.geo.geonames_import import import_geonames

        for previous in previous_imports:
            if Path(previous).exists():
                import_geonames(Path(previous), path, progress)
    write_snapshot(path)
    return path


class _Writer:
    """Inserts entries and their name keys in batches."""

    def __init__(self, conn: sqlite3.Connection, progress: Progress | None):
        self.conn = conn
        self.progress = progress
        self.next_pid = 1

    def add_entries(self, stage: str, entries: Iterable[sources.Entry], curated_main: bool = False) -> dict:
        """Store entries; return {admin1 code: pid} for regions (used to attach curated region names)."""
        places, names, codes = [], [], {}
        done = 0
        for entry in entries:
            pid = self.next_pid
            self.next_pid += 1
            places.append((pid, entry.geonameid, entry.name, entry.country, entry.admin1, entry.lat, entry.lon,
                           entry.population, entry.level))
            if entry.level == "admin1" and entry.admin1:
                codes[entry.admin1] = pid
            main_kind = KIND_CURATED if curated_main else KIND_MAIN
            names.extend(name_rows(pid, entry.name, entry.names, main_kind))
            done += 1
            if len(places) >= 20000:
                self._flush(places, names)
                if self.progress:
                    self.progress(stage, done)
        self._flush(places, names)
        if self.progress:
            self.progress(stage, done)
        return codes

    def _flush(self, places: list, names: list) -> None:
        self.conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
        self.conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
        places.clear()
        names.clear()


def name_rows(pid: int, main: str, names: Iterable[str], main_kind: int = KIND_MAIN) -> list[tuple]:
    """(key, sound key, pid, kind) rows for an entry's names; one row per distinct key, the best kind kept."""
    kinds: dict[str, int] = {}
    main_key = name_key(main)
    for name in names:
        key = name_key(name)
        if not key:
            continue
        kind = main_kind if key == main_key or main_kind == KIND_CURATED else KIND_ALTERNATE
        if kind == KIND_CURATED or kinds.get(key, 99) > kind:
            kinds[key] = kind if kind != KIND_CURATED else KIND_CURATED
    for key in list(kinds):
        bare = strip_article(key)
        if bare and bare not in kinds:
            kinds[bare] = KIND_STRIPPED
    return [(key, sound_key(key), pid, kind) for key, kind in kinds.items()]


def _add_exonyms(conn: sqlite3.Connection, region_pids: dict[str, int]) -> None:
    """Attach the curated French names of geo_exonyms.yaml to their entries (a missing target is an error)."""
    places, regions = sources.load_exonyms()
    rows = []
    for french, (target, country) in places.items():
        found = conn.execute(
            "SELECT p.pid FROM names n JOIN places p ON p.pid = n.pid "
            "WHERE n.key = ? AND p.country = ? AND p.level = 'place' ORDER BY p.population DESC LIMIT 1",
            (name_key(target), country),
        ).fetchone()
        if found is None:
            raise GazetteerError(f"{sources.EXONYMS_FILE}: {french!r}: no place {target!r} in {country}")
        rows.extend(name_rows(found[0], french, [french], KIND_CURATED))
    next_pid = conn.execute("SELECT max(pid) FROM places").fetchone()[0] + 1
    for french, (country, code) in regions.items():
        pid = region_pids.get(code) if code else None
        if pid is None:
            pid, next_pid = next_pid, next_pid + 1
            conn.execute("INSERT INTO places VALUES (?, NULL, ?, ?, ?, NULL, NULL, 0, 'admin1')",
                         (pid, french, country, code))
        rows.extend(name_rows(pid, french, [french], KIND_CURATED))
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", rows)
