"""Who acts in an event (events/participants.py): subjects shared with a governing clause, pronoun antecedents,
names in apposition, the agent of a noun trigger, and the author an article names for its other events."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import knowledge
from veille.extract.events import extract_events
from veille.extract.layers import text_mentions
from veille.extract.mentions import Mentions
from veille.model import Actor

PUBLISHED = dt.date(2023, 3, 8)


def events_of(nlp, text: str, country: str):
    mentions = text_mentions(nlp(text), PUBLISHED, knowledge(), country=country)
    return extract_events(mentions, "t", knowledge())[0]


def actor1_of(nlp, text: str, country: str, kind: str) -> Actor | None:
    """actor1 of the one event of `text` whose sub-event type (or PLOVER code) is `kind`."""
    found = [e for e in events_of(nlp, text, country) if (e.acled.sub_event_type if e.acled else e.plover) == kind]
    assert len(found) == 1, [(e.acled, e.plover) for e in events_of(nlp, text, country)]
    return found[0].actor1


# (text, article country, sub-event type or PLOVER code, expected actor1 name, expected type)
SHARED_SUBJECTS = [
    # an infinitive, then a verb coordinated with it: the subject is the governing clause's
    ("Les rebelles ont reconnu avoir attaqué un convoi lundi et retenir en otage deux ingénieurs.", "CF",
     "Abduction/forced disappearance", "Rebels (Central African Republic)", "rebel"),
    # an idiom's noun ("prendre en otage") takes its verb's subject
    ("Les miliciens ont pris en otage six commerçants mardi près du marché.", "CF",
     "Abduction/forced disappearance", "Militia (Central African Republic)", "political_militia"),
    # an adjective between the statement verb and its infinitive
    ("Le président Alain Morel s'est dit prêt à coopérer avec l'opposition.", "FR", "AGREE",
     "Alain Morel", "government"),
]


@pytest.mark.parametrize("text, country, kind, name, actor_type", SHARED_SUBJECTS)
def test_a_trigger_shares_the_subject_of_its_governing_clause(nlp, text, country, kind, name, actor_type):
    actor = actor1_of(nlp, text, country, kind)
    assert actor is not None
    assert (actor.name, actor.type) == (name, actor_type)


def test_an_opening_gerund_takes_the_subject_that_follows_it(nlp):
    text = ("En incendiant des greniers et en menant des attaques meurtrières contre les villages, les jihadistes "
            "ont vidé la région de ses habitants.")
    actors = [e.actor1 for e in events_of(nlp, text, "NE") if e.acled and e.acled.event_type != "Protests"]
    assert actors and all(a is not None and a.name == "Jihadist Militants (Niger)" for a in actors)


def test_a_subject_pronoun_prefers_the_subject_over_a_group_in_apposition(nlp):
    text = ("Les Brigades al-Qods, branche armée liée au Hamas, ont affirmé lundi qu'elles avaient tiré des "
            "roquettes sur la ville.")
    actors = [e.actor1 for e in events_of(nlp, text, "PS") if e.acled]
    assert actors and actors[0] is not None and actors[0].name == "Palestinian Islamic Jihad"


def test_a_subject_pronoun_refers_to_the_previous_subject_rather_than_its_complements(nlp):
    text = ("L'armée syrienne continue de cibler l'opposition avec l'appui de l'aviation russe. "
            "Ils ont repris lundi le contrôle de trois villages au nord d'Alep, selon une source militaire.")
    battles = [e for e in events_of(nlp, text, "SY") if e.acled and e.acled.event_type == "Battles"]
    assert battles and battles[0].actor1 is not None
    assert (battles[0].actor1.name, battles[0].actor1.type) == ("Military Forces of Syria", "state")


def test_a_name_in_apposition_is_the_actor_in_the_capacity_of_its_title(nlp):
    text = "Le ministre malien de la Défense, Amadou Diarra, a rencontré lundi à Niamey son homologue nigérien."
    actor = actor1_of(nlp, text, "NE", "CONSULT")
    assert actor is not None and (actor.name, actor.type) == ("Amadou Diarra", "government")


def test_the_parties_of_talks_between_two_actors_are_actor1_and_actor2(nlp):
    text = ("Les négociations entre Pyongyang et Washington ont repris mardi à Genève, "
            "après trois mois d'interruption.")
    (event,) = [e for e in events_of(nlp, text, "CH") if e.plover == "CONSULT"]
    assert event.actor1 is not None and event.actor1.name == "Government of North Korea"
    assert event.actor2 is not None and event.actor2.name == "Government of the United States"


def test_a_leader_launching_an_offensive_abroad_stands_for_his_forces(nlp):
    text = "Le président russe Vladimir Poutine a lancé jeudi une offensive contre les positions ukrainiennes."
    actor = actor1_of(nlp, text, "UA", "Armed clash")
    assert actor is not None and (actor.name, actor.type) == ("Military Forces of Russia", "external")


def test_who_condemns_an_attack_is_not_its_author(nlp):
    from veille.extract.events.participants import _agent_phrases

    doc = nlp("Le Qatar a condamné le bombardement du marché par les forces israéliennes.")
    trigger = next(t for t in doc if t.text == "bombardement")
    phrases = [" ".join(t.text for t in p) for p in _agent_phrases(trigger, knowledge().events)]
    assert phrases and all("Qatar" not in p for p in phrases)
    assert any("forces israéliennes" in p for p in phrases)
    doc = nlp("Le Qatar a condamné le bombardement du marché.")
    trigger = next(t for t in doc if t.text == "bombardement")
    assert _agent_phrases(trigger, knowledge().events) == []


ARMY = Actor(name="Military Forces of Turkey", type="external", country="TR")
REBELS = Actor(name="M23 (AFC/M23)", type="rebel", country="CD")
UNIDENTIFIED = Actor(name="Unidentified Armed Group (Syria)", type="political_militia", country="SY")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
CLASH = ("Battles", "Armed clash")


def test_named_authors_keeps_a_type_only_when_one_author_is_named():
    from veille.extract.events.participants import named_authors

    police = Actor(name="Police Forces of Syria", type="state", country="SY")
    authors = named_authors([(SHELLING, ARMY), (SHELLING, None), (SHELLING, UNIDENTIFIED), (CLASH, REBELS),
                             (CLASH, police), (("Protests", "Peaceful protest"), REBELS), (None, ARMY)])
    # state forces author heavy weapons only: police killing an attacker did not commit the attack
    assert authors == {"Shelling/artillery/missile attack": ARMY, "Battles": REBELS}
    other = Actor(name="Islamic State (Daech)", type="rebel", country=None)
    assert named_authors([(CLASH, REBELS), (CLASH, other)]) == {}


def test_an_unattributed_event_takes_the_author_named_for_the_same_type():
    from veille.extract.events.participants import default_actor1

    mentions = Mentions(doc=None, published=PUBLISHED, country="SY")  # type: ignore[arg-type]
    authors = {"Shelling/artillery/missile attack": ARMY}
    actor = default_actor1(SHELLING, None, mentions, knowledge().actors, None, authors)
    assert actor is not None and (actor.name, actor.type) == (ARMY.name, ARMY.type)
    # a phrase of the text ("des hommes armés") is kept, and a claim comes first
    assert default_actor1(SHELLING, UNIDENTIFIED, mentions, knowledge().actors, None, authors) == UNIDENTIFIED
    assert default_actor1(SHELLING, None, mentions, knowledge().actors, REBELS, authors).name == REBELS.name
    # another type of event keeps the default of its type
    actor = default_actor1(CLASH, None, mentions, knowledge().actors, None, authors)
    assert actor.name == "Unidentified Armed Group (Syria)"


def test_an_actor_phrase_never_ends_on_an_open_bracket(nlp):
    text = ("Au moins dix villageois ont été enlevés jeudi par des rebelles des Forces démocratiques alliées "
            "(ADF) dans la localité d'Oicha, selon des sources locales.")
    actor = actor1_of(nlp, text, "CD", "Abduction/forced disappearance")
    assert actor is not None and actor.text is not None
    assert actor.text.count("(") == actor.text.count(")")


def test_the_victims_of_a_trailing_gerund_are_actor2(nlp):
    text = ("Des hommes armés ont attaqué jeudi soir le hameau de Tinga, près de la frontière, "
            "tuant sept bergers et en blessant trois autres.")
    (event,) = [e for e in events_of(nlp, text, "NE") if e.acled]
    assert event.actor2 is not None and (event.actor2.name, event.actor2.type) == ("Civilians (Niger)", "civilians")
