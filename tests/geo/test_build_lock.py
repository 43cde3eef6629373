"""Worker processes starting together build the gazetteer once: the others wait for the lock and reuse it."""

import threading
import time

from veille.geo import build
from veille.geo.store import connect


def test_concurrent_first_use_builds_once(tmp_path, monkeypatch):
    calls = []

    def fake_build(path, progress):
        calls.append(path)
        time.sleep(0.3)  # long enough for the other threads to arrive and wait
        conn = connect(path)
        conn.executescript(build.SCHEMA)
        conn.execute("INSERT INTO meta VALUES ('version', ?)", (build.expected_version(),))
        conn.commit()
        conn.close()
        return path

    monkeypatch.setattr(build, "_build", fake_build)
    path = tmp_path / "gazetteer.sqlite"
    results, errors = [], []

    def worker():
        try:
            results.append(build.ensure_gazetteer(path))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert results == [path] * 4
    assert len(calls) == 1


def test_lock_is_exclusive(tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    order = []

    def hold(name):
        with build.build_lock(path):
            order.append(f"{name} in")
            time.sleep(0.2)
            order.append(f"{name} out")

    threads = [threading.Thread(target=hold, args=(n,)) for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert order[0].endswith("in") and order[1] == order[0].replace("in", "out")
