"""Actor resolution of noun phrases, strings and entity mentions, on hand-written French sentences."""

from __future__ import annotations

import pytest

from tests.support import knowledge
from veille.extract.actors import actor_for_span, find_entities, resolve_actor_text

# (sentence, phrase, article country, expected name, expected type)
SPANS = [
    ("L'armée israélienne a bombardé un immeuble à Gaza.", "L'armée israélienne", "PS",
     "Military Forces of Israel", "state"),
    ("Tsahal a frappé des positions au Liban.", "Tsahal", "LB", "Military Forces of Israel", "external"),
    ("Des hommes armés non identifiés ont tué trois villageois.", "Des hommes armés non identifiés", "ML",
     "Unidentified Armed Group (Mali)", "political_militia"),
    ("Des hommes armés non identifiés ont tué trois villageois.", "trois villageois", "ML",
     "Civilians (Mali)", "civilians"),
    ("Un kamikaze s'est fait exploser au milieu de la foule.", "Un kamikaze", "SY",
     "Unidentified Armed Group (Syria)", "political_militia"),
    ("Un kamikaze s'est fait exploser au milieu de la foule.", "la foule", "SY", "Civilians (Syria)", "civilians"),
    ("Les manifestants ont été dispersés par les forces de l'ordre.", "Les manifestants", "FR",
     "Protesters (France)", "protesters"),
    ("Les manifestants ont été dispersés par les forces de l'ordre.", "les forces de l'ordre", "FR",
     "Police Forces of France", "state"),
    ("Les FARDC ont repris la localité aux rebelles du M23.", "Les FARDC", "CD",
     "Military Forces of the Democratic Republic of Congo", "state"),
    ("Les FARDC ont repris la localité aux rebelles du M23.", "rebelles du M23", "CD", "M23 (AFC/M23)", "rebel"),
    ("Le secrétaire d'État américain John Kerry a rencontré son homologue.",
     "Le secrétaire d'État américain John Kerry", None, "John Kerry", "government"),
    ("Moscou a dénoncé une provocation.", "Moscou", None, "Government of Russia", "government"),
    ("Les jihadistes de l'EI ont revendiqué l'attentat.", "Les jihadistes de l'EI", "IQ",
     "Islamic State (Daech)", "rebel"),
    ("L'armée turque a pilonné les positions des YPG.", "L'armée turque", "SY",
     "Military Forces of Turkey", "external"),
    ("L'armée turque a pilonné les positions des YPG.", "des YPG", "SY", "People's Protection Units (YPG)", "rebel"),
    ("Des militaires français ont été blessés près de Gao.", "Des militaires français", "ML",
     "Military Forces of France", "external"),
    ("Les gendarmes ont interpellé deux suspects.", "Les gendarmes", "FR", "Police Forces of France", "state"),
    ("Les Russes ont rejeté la proposition.", "Les Russes", None, "Government of Russia", "government"),
    ("Deux Français ont été enlevés au Bénin.", "Deux Français", "BJ", "Civilians (France)", "civilians"),
    ("Des assaillants ont attaqué le poste.", "Des assaillants", "BF",
     "Unidentified Armed Group (Burkina Faso)", "political_militia"),
    ("Les FDS ont neutralisé plusieurs terroristes.", "Les FDS", "BF", "Military Forces of Burkina Faso", "state"),
    ("Les FDS ont repris Raqqa.", "Les FDS", "SY", "Syrian Democratic Forces (SDF)", "rebel"),
]


@pytest.mark.parametrize("sentence, phrase, country, name, kind", SPANS)
def test_actor_for_span(nlp, sentence, phrase, country, name, kind):
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    actor = actor_for_span(knowledge().actors, span, country)
    assert actor is not None
    assert (actor.name, actor.type) == (name, kind)
    assert actor.text == span.text


@pytest.mark.parametrize("text", ["une source militaire", "il", "la semaine dernière", ""])
def test_what_is_not_an_actor(text):
    assert resolve_actor_text(knowledge().actors, text, "ML") is None


@pytest.mark.parametrize(
    "text, country, name, kind",
    [
        ("le JNIM", "ML", "JNIM: Group for Support of Islam and Muslims", "rebel"),
        ("Daech", None, "Islamic State (Daech)", "rebel"),
        ("Washington", None, "Government of the United States", "government"),
        ("la MINUSMA", "ML", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
         "external"),
        ("le président russe Vladimir Poutine", None, "Vladimir Putin", "government"),
        ("une poignée d'émeutiers", "HT", "Rioters (Haiti)", "rioters"),
        ("des centaines de manifestants", "FR", "Protesters (France)", "protesters"),
        ("le gouverneur militaire", "CM", "Government of Cameroon", "government"),
        ("la préfète", "FR", "Government of France", "government"),
        ("le mouvement islamiste", "PS", "Hamas", "rebel"),
        ("les forces kurdes", "SY", "Syrian Democratic Forces (SDF)", "rebel"),
        ("les forces kurdes", "IQ", "Peshmerga", "state"),
        ("Jean-Pierre Raffarin", None, "Jean-Pierre Raffarin", "government"),
        ("le chef de la diplomatie russe Sergueï Lavrov", None, "Sergey Lavrov", "government"),
        ("des jihadistes présumés", "NE", "Unidentified Armed Group (Niger)", "political_militia"),
        ("des milices communautaires", "ML", "Communal Militia (Mali)", "identity_militia"),
        # the press is no government, whatever its nationality
        ("la presse malienne", "ML", "Civilians (Mali)", "civilians"),
    ],
)
def test_resolve_actor_text(text, country, name, kind):
    actor = resolve_actor_text(knowledge().actors, text, country)
    assert actor is not None
    assert (actor.name, actor.type) == (name, kind)


def test_lowercase_common_words_are_not_taken_for_capitalised_names():
    assert resolve_actor_text(knowledge().actors, "la renaissance", "FR") is None
    assert resolve_actor_text(knowledge().actors, "Renaissance", "FR").type == "political_party"


def test_find_entities_resolves_names_acronyms_and_agents(nlp):
    doc = nlp("Mardi, les FAMa ont repoussé une attaque du JNIM près de Mopti. Des hommes armés ont tué "
              "quatre civils, selon une source militaire. Jean Dupontel, un commerçant, a été blessé.")
    mentions = find_entities(knowledge().actors, doc, country="ML")
    by_text = {m.text: m for m in mentions}
    assert by_text["FAMa"].actor.name == "Military Forces of Mali"
    assert by_text["JNIM"].actor.type == "rebel"
    assert any(m.label == "AGENT" and m.actor.name == "Unidentified Armed Group (Mali)" for m in mentions)
    assert any(m.actor and m.actor.name == "Civilians (Mali)" for m in mentions)
    assert not any(m.actor and m.actor.name == "Military Forces of Mali" and "source" in m.text for m in mentions)
    for mention in mentions:
        assert doc.text[mention.start : mention.end] == mention.text
    unknown = [m for m in mentions if "Dupontel" in m.text]
    assert unknown and unknown[0].actor is None


def test_capitals_are_actors_only_as_subjects(nlp):
    doc = nlp("Moscou a condamné les frappes. Le ministre s'est rendu à Moscou.")
    capitals = [m for m in find_entities(knowledge().actors, doc) if m.text == "Moscou"]
    assert [m.actor.name if m.actor else None for m in capitals] == ["Government of Russia", None]


def test_armed_forces_of_a_government_for_violent_events():
    from veille.extract.actors import armed_forces_of

    ankara = resolve_actor_text(knowledge().actors, "Ankara", "SY")
    assert armed_forces_of(knowledge().actors, ankara, "SY").name == "Military Forces of Turkey"
    assert armed_forces_of(knowledge().actors, ankara, "SY").type == "external"
    damascus = resolve_actor_text(knowledge().actors, "Damas", "SY")
    assert armed_forces_of(knowledge().actors, damascus, "SY").type == "state"
    hamas = resolve_actor_text(knowledge().actors, "le Hamas", "PS")
    assert armed_forces_of(knowledge().actors, hamas, "PS") == hamas


# (sentence, phrase, article country, expected name, expected type): the article around the phrase decides.
IN_CONTEXT = [
    # a title earlier in the article types a person the knowledge base does not know
    ("Le député LR Julien Marchetti a déposé une plainte. Julien Marchetti a ensuite été agressé à Nice.",
     "Julien Marchetti a", "FR", "Julien Marchetti", "political_party"),
    ("Paulin Ndongo, ministre de la Défense, a annoncé la reprise de la ville.", "Paulin Ndongo", "CM",
     "Paulin Ndongo", "government"),
    ("Le chef rebelle Issa Kondo a revendiqué l'attaque.", "Issa Kondo", "CF", "Issa Kondo", "rebel"),
    # a person met at the same sentence is not the title's bearer
    ("Le président a rendu hommage à Marcel Fournier hier.", "Marcel Fournier", "FR", "Marcel Fournier", "person"),
    # no article country: the country named in the sentence stands in
    ("Des hommes armés ont attaqué un village du Nigeria.", "Des hommes armés", None,
     "Unidentified Armed Group (Nigeria)", "political_militia"),
    ("Les FDS ont repoussé une attaque au Burkina Faso.", "Les FDS", None, "Military Forces of Burkina Faso",
     "state"),
    # a generic agent introducing a list of groups is the actor, not the first group listed
    ("Des groupuscules d'extrême droite, Zouaves Paris et Action française, ont attaqué le cortège.",
     "Des groupuscules d'extrême droite, Zouaves Paris et Action française", "FR",
     "Far-Right Militants (France)", "rioters"),
    ("Des militants antifascistes ont affronté la police.", "Des militants antifascistes", "FR",
     "Antifascist Militants (France)", "rioters"),
    ("Les forces du régime ont bombardé Idleb.", "Les forces du régime", "SY", "Military Forces of Syria", "state"),
    ("La police kurde a arrêté trois hommes à Qamichli.", "La police kurde", "SY",
     "Asayish (Kurdish Internal Security Forces)", "rebel"),
]


@pytest.mark.parametrize("sentence, phrase, country, name, kind", IN_CONTEXT)
def test_actor_for_span_reads_the_context(nlp, sentence, phrase, country, name, kind):
    doc = nlp(sentence)
    start = sentence.rindex(phrase) if phrase.endswith(" a") else sentence.index(phrase)
    phrase = phrase.removesuffix(" a")
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    actor = actor_for_span(knowledge().actors, span, country)
    assert actor is not None
    assert (actor.name, actor.type) == (name, kind)


@pytest.mark.parametrize(
    "sentence, phrase, country, name, kind",
    [
        ("Ankara a bombardé des positions kurdes.", "Ankara", "SY", "Military Forces of Turkey", "external"),
        ("Le régime a bombardé Alep.", "Le régime", "SY", "Military Forces of Syria", "state"),
        ("Le Hamas a tiré des roquettes.", "Le Hamas", "PS", "Hamas", "rebel"),
    ],
)
def test_armed_actor_of_a_violent_event(nlp, sentence, phrase, country, name, kind):
    doc = nlp(sentence)
    span = doc.char_span(0, len(phrase), alignment_mode="expand")
    assert actor_for_span(knowledge().actors, span, country).type in ("government", "rebel")
    actor = actor_for_span(knowledge().actors, span, country, armed=True)
    assert (actor.name, actor.type) == (name, kind)


def test_role_actor_names_an_implicit_actor():
    from veille.extract.actors import role_actor

    actor = role_actor(knowledge().actors, "protesters", "FR")
    assert (actor.name, actor.type, actor.country) == ("Protesters (France)", "protesters", "FR")
    assert role_actor(knowledge().actors, "armed_group").name == "Unidentified Armed Group"
    with pytest.raises(KeyError):
        role_actor(knowledge().actors, "no such role", "FR")




def test_hyphens_do_not_change_a_name(nlp):
    """Aliases and text are cut into the same word parts, however spaCy tokenised the hyphens."""
    kb = knowledge().actors
    assert resolve_actor_text(kb, "Al-Qaïda", None).name == resolve_actor_text(kb, "al Qaida", None).name == "Al Qaeda"
    doc = nlp("Les combattants d'Al-Qaïda ont fui.")
    assert actor_for_span(knowledge().actors, doc[1:], None).name == "Al Qaeda"
    assert resolve_actor_text(knowledge().actors, "le chef rebelle Jean-Baptiste Obé", "CF").name == "Jean-Baptiste Obé"


def test_names_inside_a_hyphenated_word_are_not_entities(nlp):
    doc = nlp("Une manifestation anti-Hamas a eu lieu à Gaza.")
    assert not any(m.actor and m.actor.name == "Hamas" for m in find_entities(knowledge().actors, doc, "PS"))
