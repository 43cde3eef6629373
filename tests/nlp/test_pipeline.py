"""The spaCy pipeline as veille loads it."""

from __future__ import annotations


def test_a_line_break_ends_a_sentence(nlp):
    doc = nlp("Une embuscade fait six morts près d'Abéché\n\nDes rebelles ont attaqué lundi un convoi militaire.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Une embuscade fait six morts près d'Abéché",
                         "Des rebelles ont attaqué lundi un convoi militaire."]
    attacked = next(t for t in doc if t.text == "attaqué")
    assert [c.text for c in attacked.children if c.dep_ == "nsubj"] == ["rebelles"]


def test_the_model_is_loaded_once(nlp):
    from veille.nlp import load_nlp

    assert load_nlp() is nlp
