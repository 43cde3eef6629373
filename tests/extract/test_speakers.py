"""The persons of an article: full names, gender, roles, and who a pronoun stands for."""

from __future__ import annotations

from tests.support import knowledge
from veille.extract.speakers import Speakers


def speakers_of(nlp, text: str) -> Speakers:
    doc = nlp(text)
    return Speakers(doc=doc, lex=knowledge().quotes, inside_quotes=[], starts=[t.idx for t in doc])


def test_partial_names_are_completed_from_fuller_mentions(nlp):
    people = speakers_of(nlp, "Barack Obama est arrivé à Paris. Obama a rencontré Karim Ben Salah.")
    assert people.complete("Obama") == "Barack Obama"
    assert people.complete("Karim") == "Karim Ben Salah"
    assert people.complete("Inconnu") == "Inconnu"


def test_pronouns_follow_gender_cues(nlp):
    text = "La ministre Anne Morel a reçu le maire Paul Girard hier. Ensuite"
    people = speakers_of(nlp, text)
    assert people.pronoun_referent("elle", len(text)) == "Anne Morel"
    assert people.pronoun_referent("-t-il", len(text)) == "Paul Girard"


def test_roles_point_back_to_their_holder(nlp):
    text = "Le général Alain Roche a visité le camp avec Marie Vautrin. Plus tard"
    people = speakers_of(nlp, text)
    assert people.role_holder("général", len(text), "m") == "Alain Roche"


def quote_speakers(nlp, text: str) -> list[str]:
    from veille.extract.quotes import find_quotes

    return [q.speaker for q in find_quotes(nlp(text), [], knowledge().quotes)]


def test_a_category_noun_speaker_is_the_group_named_before(nlp):
    text = "Boko Haram a revendiqué l'attaque de lundi. « Nous frapperons encore », a menacé le groupe."
    assert quote_speakers(nlp, text) == ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"]


def test_a_name_after_a_role_and_its_parenthesis_speaks(nlp):
    text = ("« Nous ne céderons pas », a lancé la présidente du groupe Union des travailleurs (UDT), "
            "Clarisse Dumontel, sur une radio.")
    assert quote_speakers(nlp, text) == ["Clarisse Dumontel"]


def test_a_role_referring_to_a_known_person_gives_the_normalised_name(nlp):
    text = ("Hosni Moubarak a reçu les délégués au Caire. Selon le président, le but est « d'élaborer "
            "une plate-forme commune ».")
    assert quote_speakers(nlp, text) == ["Hosni Mubarak"]


def test_the_subject_after_a_pour_phrase_is_no_apposition(nlp):
    text = "Pour Renault, Julie Morand incarne la « conductrice moderne et pressée »."
    assert quote_speakers(nlp, text) == ["Renault"]


def test_a_plural_pronoun_prefers_the_nearer_plural_subject_to_an_older_group_speaker(nlp):
    text = ("« Rien n'est décidé », a déclaré une source proche du dossier. Les enseignants, qui refusent "
            "ce qu'ils qualifient de « réforme brutale », ont défilé jeudi.")
    assert quote_speakers(nlp, text)[-1] == "Les enseignants"


def test_a_known_person_is_normalised_only_with_a_matching_first_name():
    from veille.extract.speakers import canonical_person

    assert canonical_person(knowledge().actors, "Vladimir Poutine") == "Vladimir Putin"
    assert canonical_person(knowledge().actors, "Poutine") == "Vladimir Putin"
    # a namesake, not the Russian president
    assert canonical_person(knowledge().actors, "Igor Poutine") == "Igor Poutine"


def test_partitive_pronouns_are_some_of_the_people_just_named(nlp):
    text = "Des habitants du quartier sont venus devant la mairie. Ensuite"
    people = speakers_of(nlp, text)
    assert people.partitive_group(len(text)) == "Des habitants du quartier"


def test_a_group_is_named_by_its_own_words_before_a_mention_that_starts_earlier(nlp):
    from veille.model import EntityActor, EntityMention

    doc = nlp("« Rien à signaler », a dit à l'agence Karim Haddad, un porte-parole.")
    start = doc.text.index("agence")
    wrong = EntityMention(text=doc.text[start:], start=start, end=len(doc.text), label="MISC",
                          actor=EntityActor(name="Some Agency", type="organisation", country="FR"))
    people = Speakers(doc=doc, lex=knowledge().quotes, inside_quotes=[], entities=[wrong], starts=[t.idx for t in doc])
    phrase = doc.char_span(doc.text.index("Karim"), doc.text.index(", un porte"), alignment_mode="expand")
    assert people._group_name(phrase) == phrase.text
