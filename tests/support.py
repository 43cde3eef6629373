"""What several test modules build the same way: the compiled language knowledge, once per test session."""

from __future__ import annotations

from functools import cache


@cache
def knowledge():
    """Every compiled lexicon, as the Extractor builds them (a test of one layer may build only its own)."""
    from veille.extract.knowledge import load_knowledge

    return load_knowledge()
