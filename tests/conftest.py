"""Shared fixtures: the spaCy model (loaded once per session) and the development data (skipped if absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))
EVAL_DIR = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp():
    from veille.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not (EVAL_DIR / "events-dev.jsonl").exists():
        pytest.skip(f"development data not found at {EVAL_DIR} (set VEILLE_SHARED to the shared/ folder)")
    return EVAL_DIR


@pytest.fixture(scope="session")
def events_dev(eval_dir: Path) -> Path:
    return eval_dir / "events-dev.jsonl"


@pytest.fixture(scope="session")
def knowledge():
    """Every compiled lexicon, as the Extractor builds them (tests of one layer may build only theirs)."""
    from tests.support import knowledge

    return knowledge()
