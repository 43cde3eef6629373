"""Quotations: marks, incises, speakers before and after, pronouns, partial names, titles skipped."""

from __future__ import annotations

from veille.extract.quotes import find_quote_spans, find_quotes


def quotes_of(nlp, text):
    return [(q.speaker, q.quote) for q in find_quotes(nlp(text), [])]


def test_quote_marks_and_spans():
    text = "Il a dit « bonjour » puis “au revoir” et \"merci\"."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["bonjour", "au revoir", "merci"]


def test_paragraph_spanning_quote_is_one_quote_per_paragraph():
    text = "« Premier paragraphe.\n« Second paragraphe », conclut-il."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["Premier paragraphe.", "Second paragraphe"]
    assert spans[0].continued and not spans[1].continued


def test_incise_gives_two_quotes_with_the_same_speaker(nlp):
    text = ("Le président François Martin est arrivé à Lyon. « Nous sommes prêts », a-t-il souligné, "
            "« et nous irons jusqu'au bout ».")
    assert quotes_of(nlp, text) == [("François Martin", "Nous sommes prêts"),
                                    ("François Martin", "et nous irons jusqu'au bout")]


def test_speaker_named_after_the_quote_with_apposition(nlp):
    text = "« La ville est calme », a déclaré Paul Durand, le maire de la commune."
    (quote,) = find_quotes(nlp(text), [])
    assert quote.speaker == "Paul Durand"
    assert quote.speaker_text.startswith("Paul Durand")
    assert text[quote.span[0]:quote.span[1]] == "La ville est calme"


def test_partial_name_completed_from_an_earlier_mention(nlp):
    text = ("Marie Lefèvre a présidé la séance. Lefèvre a déclaré : « Le budget sera voté demain. »")
    assert quotes_of(nlp, text) == [("Marie Lefèvre", "Le budget sera voté demain.")]


def test_titles_are_not_speech(nlp):
    text = "L'armée a lancé l'opération « Tempête du désert » dans le nord."
    assert quotes_of(nlp, text) == []


def test_quote_without_speaker_is_dropped(nlp):
    assert quotes_of(nlp, "« Bienvenue à tous. »") == []
