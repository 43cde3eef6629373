"""Split the cross-article linking gold set into dev (two thirds) and blind (one third).

Input (made by reading, see data/linking/README.md): `events.jsonl` (one real-world event per line, its
`cluster` id and its `mentions` in several articles) and `distractors.jsonl` (one pair of different events a
careless linker would merge per line, `pair` id, sides `a` and `b`).

Units are split whole: an event by its cluster, a distractor pair by its pair id. Units that share an
article are kept on one side (so no blind article is ever read through the dev files), and every unit that
uses an article of the readable evaluation files (`eval/events-dev.jsonl`, `eval/events-orangesum-60.jsonl`,
named in each mention's `source`) stays in dev: those files are not blind. The remaining groups are
shuffled with a fixed seed and given to blind until it holds about a third of the events and a third of the
pairs, separately for two strata (groups of political interactions only, `acled` null, and groups with ACLED
events) so that both sides keep both kinds. Deterministic: rerunning gives the same split.

    python scripts/annotation/split_linking.py data/linking
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261217
BLIND_SHARE = 1 / 3
READABLE_SOURCES = ("eval/events-dev.jsonl", "eval/events-orangesum-60.jsonl")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def unit_articles(kind: str, row: dict) -> list[dict]:
    return row["mentions"] if kind == "event" else [row["a"], row["b"]]


def group_units(units: list[tuple[str, dict]]) -> list[list[int]]:
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_unit_of_article: dict[str, int] = {}
    for i, (kind, row) in enumerate(units):
        for mention in unit_articles(kind, row):
            j = first_unit_of_article.setdefault(mention["article_id"], i)
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: min(g))


def is_readable(kind: str, row: dict) -> bool:
    return any(src in READABLE_SOURCES for m in unit_articles(kind, row) for src in m.get("source", []))


def stratum_of(group: list[int], units: list[tuple[str, dict]]) -> str:
    """'political' when every event of the group and every side of its pairs is a pure PLOVER interaction
    (`acled` null), else 'acled'."""
    codes = [
        row["acled"] if kind == "event" else row[side]["acled"]
        for i in group
        for kind, row in [units[i]]
        for side in (("a", "b") if kind == "pair" else ("",))
    ]
    return "political" if all(code is None for code in codes) else "acled"


def main(folder: str) -> None:
    root = Path(folder)
    events = read_jsonl(root / "events.jsonl")
    pairs = read_jsonl(root / "distractors.jsonl")
    units = [("event", e) for e in events] + [("pair", p) for p in pairs]
    groups = group_units(units)

    free = [g for g in groups if not any(is_readable(*units[i]) for i in g)]
    random.Random(SEED).shuffle(free)

    blind: set[int] = set()
    for stratum in ("political", "acled"):
        members = [g for g in groups if stratum_of(g, units) == stratum]
        target_events = round(sum(units[i][0] == "event" for g in members for i in g) * BLIND_SHARE)
        target_pairs = round(sum(units[i][0] == "pair" for g in members for i in g) * BLIND_SHARE)
        n_events = n_pairs = 0
        for group in free:
            if stratum_of(group, units) != stratum:
                continue
            ge = sum(units[i][0] == "event" for i in group)
            gp = len(group) - ge
            if n_events + ge <= target_events and n_pairs + gp <= target_pairs:
                blind.update(group)
                n_events += ge
                n_pairs += gp
        if n_events != target_events or n_pairs != target_pairs:
            print(
                f"note: {stratum} blind got {n_events}/{target_events} events, {n_pairs}/{target_pairs} pairs",
                file=sys.stderr,
            )

    split = {"dev": ([], []), "blind": ([], [])}
    for i, (kind, row) in enumerate(units):
        side = "blind" if i in blind else "dev"
        split[side][0 if kind == "event" else 1].append(row)
    for side, (evs, prs) in split.items():
        write_jsonl(root / f"events-{side}.jsonl", sorted(evs, key=lambda r: r["cluster"]))
        write_jsonl(root / f"distractors-{side}.jsonl", sorted(prs, key=lambda r: r["pair"]))
        mentions = sum(len(e["mentions"]) for e in evs)
        print(f"{side}: {len(evs)} events ({mentions} mentions), {len(prs)} distractor pairs")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/linking")
