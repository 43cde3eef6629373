"""List quoted fragments of code, tests and docs (4 words or more) that occur verbatim in the development articles.

Run from the repository root:  python scripts/find_dev_quotes.py   (reads $VEILLE_SHARED or ../shared)
Examples in comments and tests must be invented (see the brief); a hit is either a quote to replace or a
common collocation ("le ministre de l'Intérieur") that a reader can judge. Prints one line per hit.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = Path(os.environ.get("VEILLE_SHARED", ROOT.parent / "shared")) / "eval" / "events-dev.jsonl"
QUOTED = re.compile(r'"([^"\n]{12,})"|«\s*([^»\n]{12,}?)\s*»')
ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]")
MIN_WORDS = 4


def main() -> int:
    if not DEV.exists():
        print(f"{DEV} not found: nothing to compare with")
        return 0
    corpus = "\n".join(json.loads(line)["text"] for line in DEV.open(encoding="utf-8")).replace("’", "'")
    files = [*ROOT.glob("veille/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("tests/**/*.yaml"),
             *ROOT.glob("docs/*.md"), *ROOT.glob("veille/resources/**/*.yaml")]
    hits = 0
    for path in sorted(files):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in QUOTED.finditer(line):
                fragment = (match.group(1) or match.group(2)).replace("’", "'")
                pieces = [p.strip(" .,") for p in ELLIPSIS.split(fragment)]
                found = next((p for p in pieces if len(p.split()) >= MIN_WORDS and p in corpus), None)
                if found:
                    hits += 1
                    print(f"{path.relative_to(ROOT)}:{number}: {found}")
    print(f"{hits} quoted fragment(s) of {MIN_WORDS}+ words found verbatim in {DEV.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
