"""The one French normaliser, fold and stem (veille.lang.fr.text), as tables of strings."""

from __future__ import annotations

import pytest

from veille.lang.fr.text import fold, normalise, stem


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("D’après", "d'après"),
        ("  Au   moins\u00a043 ", "au moins 43"),
        ("quatre\u2011vingt", "quatre-vingt"),
        ("E\u0301tat", "état"),  # a decomposed accent is composed
        ("Aujourdʼhui", "aujourd'hui"),
    ],
)
def test_normalise(text, key):
    assert normalise(text) == key


@pytest.mark.parametrize(("text", "key"), [("État", "etat"), ("Qaïda", "qaida"), ("d’Alger", "d'alger"), ("ﬁn", "fin")])
def test_fold_drops_accents_too(text, key):
    assert fold(text) == key


@pytest.mark.parametrize(("a", "b"), [("aériennes", "aérienne"), ("tirs", "tir"), ("Frappes", "frappe")])
def test_stem_joins_inflections(a, b):
    assert stem(a) == stem(b)


def test_short_words_keep_their_ending():
    assert stem("les") == "les" and stem("mes") == "mes"
