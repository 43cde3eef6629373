"""Quotations: marks, incises, speakers before and after, pronouns, partial names, titles skipped."""

from __future__ import annotations

import pytest

from tests.support import knowledge
from veille.extract.quotes import find_quote_spans, find_quotes


def quotes_of(nlp, text):
    return [(q.speaker, q.quote) for q in find_quotes(nlp(text), [], knowledge().quotes)]


def test_quote_marks_and_spans():
    text = "Il a dit « bonjour » puis “au revoir” et \"merci\"."
    spans = find_quote_spans(text, knowledge().quotes)
    assert [text[s.start:s.end] for s in spans] == ["bonjour", "au revoir", "merci"]


def test_paragraph_spanning_quote_is_one_quote_per_paragraph():
    text = "« Premier paragraphe.\n« Second paragraphe », conclut-il."
    spans = find_quote_spans(text, knowledge().quotes)
    assert [text[s.start:s.end] for s in spans] == ["Premier paragraphe.", "Second paragraphe"]
    assert spans[0].continued and not spans[1].continued


def test_incise_gives_two_quotes_with_the_same_speaker(nlp):
    text = ("Le président François Martin est arrivé à Lyon. « Nous sommes prêts », a-t-il souligné, "
            "« et nous irons jusqu'au bout ».")
    assert quotes_of(nlp, text) == [("François Martin", "Nous sommes prêts"),
                                    ("François Martin", "et nous irons jusqu'au bout")]


def test_speaker_named_after_the_quote_with_apposition(nlp):
    text = "« La ville est calme », a déclaré Paul Durand, le maire de la commune."
    (quote,) = find_quotes(nlp(text), [], knowledge().quotes)
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


SPEAKER_CASES = [
    # Any conjugated verb in an incise right after the quote reports speech, not only the listed ones.
    ("« Nous avons tout perdu », se désole Paul Martin, un agriculteur de la région.",
     [("Paul Martin", "Nous avons tout perdu")]),
    # A quote interrupted by an incise inside its marks is two quotes of the same speaker.
    ("« Nous faisons notre possible, assure Jean Roux, mais la situation reste difficile. »",
     [("Jean Roux", "Nous faisons notre possible"), ("Jean Roux", "mais la situation reste difficile.")]),
    # "elle" goes to the last woman named, not to the last person.
    ("La ministre Claire Dubois a rencontré le maire Marc Petit. « Le dialogue reprend », a-t-elle déclaré.",
     [("Claire Dubois", "Le dialogue reprend")]),
    # A definite role refers back to the person who was given that role.
    ("Le général Henri Lamy a visité la base avec le préfet Louis Carré. « Nos soldats sont prêts », a conclu "
     "le général.", [("Henri Lamy", "Nos soldats sont prêts")]),
    # A short quoted word inside narrative is speech when a person's clause governs it.
    ("Le sénateur Marc Vidal s'est dit « consterné » par la décision du tribunal.",
     [("Marc Vidal", "consterné")]),
    # A quote opening a sentence after one that ends on its speaker's verb.
    ("Hervé Lenoir, le patron du café, confirme. « Les clients sont revenus depuis juin. »",
     [("Hervé Lenoir", "Les clients sont revenus depuis juin.")]),
    # A name after a dash closing the quote.
    ("« Je ne reviendrai pas ici. » — Amadou Diallo, commerçant.", [("Amadou Diallo", "Je ne reviendrai pas ici.")]),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_CASES)
def test_speakers(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_a_non_speaking_subject_leaves_the_quote_to_the_current_speaker(nlp):
    text = ("Le colonel Jean Petit a expliqué le déroulement de l'opération. Les commandos sont arrivés "
            "« sans être repérés », a-t-il précisé. Les soldats ont ensuite progressé en « zone découverte ».")
    assert quotes_of(nlp, text) == [("Jean Petit", "sans être repérés"), ("Jean Petit", "zone découverte")]


def test_plural_pronoun_goes_to_the_plural_subject(nlp):
    text = ("Une dizaine de délégués syndicaux ont appelé à la grève. « Cette réforme est injuste », "
            "ont-ils souligné.")
    ((speaker, quote),) = quotes_of(nlp, text)
    assert "délégués" in speaker and quote == "Cette réforme est injuste"


def test_headings_repeating_a_quote_are_skipped(nlp):
    text = ("Le maire Paul Henry a parlé hier.\n« Une journée noire »\n"
            "« C'est une journée noire pour la ville », a déclaré Paul Henry.")
    assert quotes_of(nlp, text) == [("Paul Henry", "C'est une journée noire pour la ville")]


def test_quote_spans_index_the_text(nlp):
    text = "« Nous faisons notre possible, assure Jean Roux, mais la situation reste difficile. »"
    for quote in find_quotes(nlp(text), [], knowledge().quotes):
        assert text[quote.span[0]:quote.span[1]] == quote.quote


def test_an_incise_in_the_next_paragraph_does_not_name_a_quote_speaker(nlp):
    from veille.extract.quotes import find_quotes

    text = ("Mme Garnier a annoncé que le tarif baisserait « d'un peu plus de 3 % » au 1er juin\n\n"
            "« Nous ne lâcherons rien », a lancé Paul Vidal sur une radio.")
    speakers = [q.speaker for q in find_quotes(nlp(text), [], knowledge().quotes)]
    assert "Paul Vidal" in speakers
    assert speakers[0] != "Paul Vidal"


def test_a_clause_after_a_conjunction_is_no_incise(nlp):
    from veille.extract.quotes import find_quotes

    text = ("Le Maroc a condamné « une agression inacceptable », quand le Portugal dénonçait "
            "« une faute grave ».")
    speakers = [q.speaker for q in find_quotes(nlp(text), [], knowledge().quotes)]
    assert speakers[-1:] == ["Government of Portugal"]
    assert "Government of Portugal" not in speakers[:1]


def test_a_bare_document_speaks_for_its_issuer(nlp):
    from veille.extract.quotes import find_quotes

    text = ("La directrice de l'agence, Hélène Marchal, a affirmé dans un communiqué que « la situation est "
            "grave ». Selon le communiqué, les attaques sont « de plus en plus atroces ».")
    assert [q.speaker for q in find_quotes(nlp(text), [], knowledge().quotes)] == ["Hélène Marchal", "Hélène Marchal"]


NEW_SPEAKER_CASES = [
    # A day between the reporting verb and its speaker is no speaker.
    ("« Le projet sera présenté jeudi », a déclaré mercredi la secrétaire d'État au Numérique, Lucie Ferrand, "
     "à la sortie du conseil.", ["Lucie Ferrand"]),
    # Quotes in a series share the incise after the last one; "certains" is some of the people just named.
    ("Le député Marc Aubert a été chahuté par des agriculteurs en colère. « Démission ! », « Rendez-nous "
     "nos terres », ont crié certains.", ["des agriculteurs en colère", "des agriculteurs en colère"]),
    # "le texte" is the text named just before; "en substance" is no speaker.
    ("Le droit d'asile figure dans la charte de Lisbonne signée en 1989. « Nul ne peut être refoulé », "
     "dit en substance le texte.", ["la charte de Lisbonne"]),
    # A document with its author: the author speaks.
    ("« Nous refusons tout compromis », affirme une lettre de Paul Garnier.", ["Paul Garnier"]),
    ("L'OTAN a renforcé ses patrouilles. « Les vols continueront », indique un communiqué de l'Alliance.",
     ["NATO"]),
    # "l'Alliance" refers back to the alliance named before.
    ("L'OTAN a renforcé ses patrouilles. « Aucune menace n'est écartée », a prévenu l'Alliance.", ["NATO"]),
    # "le ministère" is the ministry named with its country before.
    ("Le ministère italien de la Défense a confirmé l'envoi de deux frégates. « Elles partiront lundi », "
     "a précisé le ministère.", ["Government of Italy"]),
    # The hyphenated noun keeps its adjective: the French general staff.
    ("« Une vingtaine de combattants ont été neutralisés », selon l'état-major français.",
     ["Military Forces of France"]),
]


@pytest.mark.parametrize(("text", "expected"), NEW_SPEAKER_CASES)
def test_speaker_resolution(nlp, text, expected):
    assert [q.speaker for q in find_quotes(nlp(text), [], knowledge().quotes)] == expected


def test_a_subject_in_a_subordinate_clause_is_not_the_referent_of_il(nlp):
    text = ("Paul Garnier a présenté son programme hier. Il plaide pour une réforme fiscale, comme le souhaite "
            "Marc Leroy. Pour conclure, il lance : « Nous irons plus loin ».")
    assert [q.speaker for q in find_quotes(nlp(text), [], knowledge().quotes)] == ["Paul Garnier"]


def test_a_reporting_participle_speaks_for_the_main_subject(nlp):
    text = ("Le Kremlin a démenti que le président soit souffrant, précisant que la réunion « n'était pas "
            "prévue » dans l'agenda du président.")
    assert [q.speaker for q in find_quotes(nlp(text), [], knowledge().quotes)] == ["Government of Russia"]


def test_terms_are_not_speech_but_idioms_before_marks_are(nlp):
    assert quotes_of(nlp, "Paul Garnier rejette le terme de « néolibéralisme » pour son programme.") == []
    text = "Le maire Paul Garnier souhaite la mise en place « d'une police de proximité »."
    assert quotes_of(nlp, text) == [("Paul Garnier", "d'une police de proximité")]
    text = "Le maire Paul Garnier exige de mettre un terme aux « abus répétés » des promoteurs."
    assert quotes_of(nlp, text) == [("Paul Garnier", "abus répétés")]


def test_a_person_before_a_verb_the_parser_left_without_subject_speaks(nlp):
    text = ("Julien Morel pour une «Europe sociale».- Julien Morel se dit favorable à une «Europe sociale» "
            "consistant à aligner les salaires.")
    assert quotes_of(nlp, text) == [("Julien Morel", "Europe sociale")]


def test_quoted_names_and_so_called_terms_are_not_speech(nlp):
    text = "Dans une tribune parue dans « Le Figaro », le député Paul Garnier juge la réforme « injuste »."
    assert quotes_of(nlp, text) == [("Paul Garnier", "injuste")]
    text = "Le Sénat va-t-il censurer la loi ? Retrancher les fameux « amendements » du texte serait possible."
    assert quotes_of(nlp, text) == []
