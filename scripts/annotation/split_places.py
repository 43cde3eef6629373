"""Split the place-name evaluation list into dev (two thirds) and blind (one third).

Deterministic (fixed seed): rerunning gives the same split. Rows that could leak into each other stay on
one side: all spellings and uses of one name (accents, case and hyphens ignored; "Liptako" goes with
"Liptako-Gourma"), rows at the same point (within 2 km, same country) and rows quoting the same sentence.

The list grows in batches appended to the end of places-all.jsonl, and a row never changes side once
split. BATCH_STARTS holds the index of the first row of each batch:

- the first batch (rows 0-59) is split exactly as in the first release (same groups, same seed, blind
  target one third of the batch);
- each later batch is split after the earlier ones are fixed. Its rows are grouped with all rows so far,
  with one more link for spelling variants (same country, and names at least 85 % alike, or at least
  80 % alike with points within 25 km: "Aribinda" with "Arbinda", "Tillabery" with "Tillabéri"; it also
  joins a few distinct places, such as Abala and Abalak, which only keeps them on one side). A new row
linked to earlier rows takes
  their side; the other groups of new rows are shuffled with the same seed and drawn until one third of
  the batch is blind.

If dev.jsonl and blind.jsonl already exist, the script refuses to write a split that moves any of their
rows to the other side.

    python scripts/annotation/split_places.py data/places
"""

from __future__ import annotations

import difflib
import json
import math
import random
import sys
import unicodedata
from pathlib import Path

SEED = 20261210
BLIND_SHARE = 1 / 3
SAME_POINT_KM = 2.0
VARIANT_RATIO = 0.8
VARIANT_KM = 25.0
VARIANT_RATIO_ANYWHERE = 0.85
BATCH_STARTS = (0, 60)


def normalise(name: str) -> tuple[str, ...]:
    bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return tuple(bare.replace("-", " ").replace("'", " ").split())


def distance_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def linked(a: dict, b: dict) -> bool:
    """The link rule of the first release (kept unchanged for the first batch)."""
    if a["article_id"] == b["article_id"] and a["context"] == b["context"]:
        return True
    if a["country"] != b["country"]:
        return False
    na, nb = normalise(a["name"]), normalise(b["name"])
    short, long_ = sorted((na, nb), key=len)
    if long_[: len(short)] == short:
        return True
    return distance_km(a, b) <= SAME_POINT_KM


def spelling_variants(a: dict, b: dict) -> bool:
    if a["country"] != b["country"]:
        return False
    na, nb = "".join(normalise(a["name"])), "".join(normalise(b["name"]))
    ratio = difflib.SequenceMatcher(None, na, nb).ratio()
    if ratio >= VARIANT_RATIO_ANYWHERE:
        return True
    return ratio >= VARIANT_RATIO and distance_km(a, b) <= VARIANT_KM


def linked_extended(a: dict, b: dict) -> bool:
    return linked(a, b) or spelling_variants(a, b)


def group_rows(rows: list[dict], link=linked) -> list[list[int]]:
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if link(rows[i], rows[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values())


def split_first_batch(rows: list[dict]) -> set[int]:
    """Indices of the blind rows, exactly as the first release computed them."""
    groups = group_rows(rows)
    random.Random(SEED).shuffle(groups)
    target = round(len(rows) * BLIND_SHARE)
    blind: set[int] = set()
    for group in groups:
        if len(blind) + len(group) <= target:
            blind.update(group)
    return blind


def split_later_batch(rows: list[dict], start: int, blind: set[int]) -> set[int]:
    """Extend `blind` (indices < start, fixed) with the blind rows of rows[start:]."""
    groups = group_rows(rows, linked_extended)
    target = round((len(rows) - start) * BLIND_SHARE)
    new_blind: set[int] = set()
    free: list[list[int]] = []
    for group in groups:
        old = [i for i in group if i < start]
        new = [i for i in group if i >= start]
        if not new:
            continue
        if not old:
            free.append(new)
            continue
        sides = {i in blind for i in old}
        if len(sides) > 1:
            print(f"warning: new rows {[rows[i]['name'] for i in new]} are linked to old rows on both sides;"
                  " they go to blind", file=sys.stderr)
        if True in sides:
            new_blind.update(new)
        for i in new:
            print(f"  {rows[i]['name']!r} follows earlier rows to {'blind' if True in sides else 'dev'}")
    random.Random(SEED).shuffle(free)
    for group in free:
        if len(new_blind) + len(group) <= target:
            new_blind.update(group)
    return blind | new_blind


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    starts = [s for s in BATCH_STARTS if s < len(rows)]
    first_end = starts[1] if len(starts) > 1 else len(rows)
    blind = split_first_batch(rows[:first_end])
    for k in range(1, len(starts)):
        end = starts[k + 1] if k + 1 < len(starts) else len(rows)
        blind = split_later_batch(rows[:end], starts[k], blind)
    dev_rows = [r for i, r in enumerate(rows) if i not in blind]
    blind_rows = [r for i, r in enumerate(rows) if i in blind]
    return dev_rows, blind_rows


def row_key(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def check_no_move(folder: Path, dev_rows: list[dict], blind_rows: list[dict]) -> None:
    if not ((folder / "dev.jsonl").exists() and (folder / "blind.jsonl").exists()):
        return
    new_dev = {row_key(r) for r in dev_rows}
    new_blind = {row_key(r) for r in blind_rows}
    moved = [r["name"] for r in read(folder / "dev.jsonl") if row_key(r) in new_blind]
    moved += [r["name"] for r in read(folder / "blind.jsonl") if row_key(r) in new_dev]
    if moved:
        sys.exit(f"refusing to write: these rows would change side: {moved}")


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(folder: Path) -> None:
    rows = read(folder / "places-all.jsonl")
    dev_rows, blind_rows = split(rows)
    check_no_move(folder, dev_rows, blind_rows)
    write(folder / "dev.jsonl", dev_rows)
    write(folder / "blind.jsonl", blind_rows)
    print(f"{len(rows)} rows: dev {len(dev_rows)}, blind {len(blind_rows)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "data/places"))
