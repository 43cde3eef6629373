"""French closed-class words (veille.lang.fr.words): loaded from their data file, combined by name."""

from __future__ import annotations

from veille.lang.fr import words


def test_classes_come_from_the_data_file():
    classes = words.load_function_words()
    assert classes["de_forms"] == words.DE_FORMS == {"de", "d'", "du", "des"}
    assert {"le", "la", "l'", "les"} == words.DEFINITE_ARTICLES
    assert "lesquelles" in words.RELATIVE_PRONOUNS and "elles" in words.SUBJECT_PRONOUNS


def test_typographic_apostrophes_are_added_only_to_elided_forms():
    assert words.with_typographic({"d'", "de"}) == {"d'", "d’", "de"}
