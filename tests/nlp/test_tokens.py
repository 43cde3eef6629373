"""Token hashing (veille.nlp.tokens): positions of words in a document, whatever its apostrophes."""

from __future__ import annotations

import spacy

from veille.nlp.tokens import trigger_positions, word_hashes


def test_positions_of_the_words_with_either_apostrophe():
    doc = spacy.blank("fr")("Selon l’armée, d’après la police et selon eux.")
    hashes = word_hashes({"selon", "d'"})
    assert [doc[i].text for i in trigger_positions(doc, hashes)] == ["Selon", "d’", "selon"]
