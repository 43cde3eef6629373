"""Store fixtures: a fresh SQLite file per test, and a fresh schema on the real PostgreSQL server."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """Each store test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "veille.db")
    return request.getfixturevalue("pg_url")
