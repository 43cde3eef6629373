"""Store fixtures: a fresh SQLite file per test, and a fresh schema on the real PostgreSQL server."""

from __future__ import annotations

import os
import uuid

import pytest

PG_URL = os.environ.get("VEILLE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/veille_test")


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


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """Each store test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "veille.db")
    return request.getfixturevalue("pg_url")
