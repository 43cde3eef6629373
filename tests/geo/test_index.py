"""The in-memory name index agrees with the SQLite file, and its snapshot follows the file."""

import os
import shutil
import sqlite3

import pytest

from veille.geo.index import NameIndex, snapshot_path


def _sql_matches(path, key):
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT p.pid, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, "
                            "p.level, n.kind FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ?", (key,))
        return sorted(rows, key=repr)
    finally:
        conn.close()


@pytest.mark.parametrize("key", ["alep", "homs", "tripoli", "syrie", "nord kivu", "paris", "springfield"])
def test_index_gives_the_rows_of_the_file(gazetteer, key):
    conn = sqlite3.connect(gazetteer)
    index = NameIndex(conn)
    conn.close()
    found = sorted(((*index.entry(pid), kind) for pid, kind in index.matches(key)), key=repr)
    assert found and found == _sql_matches(gazetteer, key)


def test_unknown_key_has_no_match(gazetteer):
    conn = sqlite3.connect(gazetteer)
    index = NameIndex(conn)
    conn.close()
    assert list(index.matches("xyzzyplughville")) == [] and "xyzzyplughville" not in index


def test_snapshot_is_written_reused_and_refreshed(gazetteer, tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer, path)
    conn = sqlite3.connect(path)
    first = NameIndex.load(path, conn)
    snapshot = snapshot_path(path)
    assert snapshot.exists()
    written = snapshot.stat().st_mtime_ns
    again = NameIndex.load(path, conn)  # from the snapshot: same answers, file not rewritten
    assert list(again.matches("alep")) == list(first.matches("alep"))
    assert snapshot.stat().st_mtime_ns == written
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the file changed (an import): stale
    NameIndex.load(path, conn)
    assert snapshot.stat().st_mtime_ns != written
    conn.close()


def test_damaged_snapshot_is_rebuilt(gazetteer, tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer, path)
    snapshot_path(path).write_bytes(b"not a snapshot")
    conn = sqlite3.connect(path)
    index = NameIndex.load(path, conn)
    conn.close()
    assert any(True for _ in index.matches("alep"))
