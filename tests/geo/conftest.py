"""One gazetteer per test session, built in a temporary folder (never the user's data dir)."""

from __future__ import annotations

import pytest


def session_gazetteer(tmp_path_factory):
    """The session's gazetteer file (tests/extract/test_places.py shares it through the same path)."""
    from veille.geo.build import ensure_gazetteer

    return ensure_gazetteer(tmp_path_factory.getbasetemp() / "veille-data" / "gazetteer.sqlite")


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    return session_gazetteer(tmp_path_factory)


@pytest.fixture(scope="session")
def resolver(gazetteer):
    from veille.geo.resolver import Resolver

    return Resolver(gazetteer)
