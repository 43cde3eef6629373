"""Split the place-name evaluation list into dev (two thirds) and blind (one third).

Deterministic (fixed seed): rerunning gives the same split. Rows that could leak into each other stay on
one side: all spellings and uses of one name (accents, case and hyphens ignored; "Liptako" goes with
"Liptako-Gourma"), rows at the same point (within 2 km, same country) and rows quoting the same sentence.

    python scripts/annotation/split_places.py data/places
"""

from __future__ import annotations

import json
import math
import random
import sys
import unicodedata
from pathlib import Path

SEED = 20261210
BLIND_SHARE = 1 / 3
SAME_POINT_KM = 2.0


def normalise(name: str) -> tuple[str, ...]:
    bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return tuple(bare.replace("-", " ").replace("'", " ").split())


def distance_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def linked(a: dict, b: dict) -> bool:
    if a["article_id"] == b["article_id"] and a["context"] == b["context"]:
        return True
    if a["country"] != b["country"]:
        return False
    na, nb = normalise(a["name"]), normalise(b["name"])
    short, long_ = sorted((na, nb), key=len)
    if long_[: len(short)] == short:
        return True
    return distance_km(a, b) <= SAME_POINT_KM


def group_rows(rows: list[dict]) -> list[list[int]]:
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if linked(rows[i], rows[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values())


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    groups = group_rows(rows)
    random.Random(SEED).shuffle(groups)
    target = round(len(rows) * BLIND_SHARE)
    blind: set[int] = set()
    for group in groups:
        if len(blind) + len(group) <= target:
            blind.update(group)
    dev_rows = [r for i, r in enumerate(rows) if i not in blind]
    blind_rows = [r for i, r in enumerate(rows) if i in blind]
    return dev_rows, blind_rows


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(folder: Path) -> None:
    with (folder / "places-all.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    dev_rows, blind_rows = split(rows)
    write(folder / "dev.jsonl", dev_rows)
    write(folder / "blind.jsonl", blind_rows)
    print(f"{len(rows)} rows: dev {len(dev_rows)}, blind {len(blind_rows)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "data/places"))
