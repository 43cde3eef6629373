"""Shared fixtures: the spaCy model (loaded once per session) and the development data (skipped if absent)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))
EVAL_DIR = SHARED / "eval"
PG_URL = os.environ.get("VEILLE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/veille_test")


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


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a new, empty schema, dropped after the test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from veille.store.database import resolve_db_url

    admin = create_engine(resolve_db_url(PG_URL))
    try:
        with admin.connect():
            pass
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"no PostgreSQL server answers at {PG_URL} (run scripts/start-postgres.sh): {exc.orig}")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3D{name}"
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
    admin.dispose()
