"""Event rules on invented sentences: claims inside accusations, crowd clashes, arrests at protests, military
euphemisms, the country of an article that names none."""

from __future__ import annotations

import datetime as dt

from tests.support import knowledge
from veille.extract.events import extract_events
from veille.extract.events.arguments import event_country
from veille.extract.layers import text_mentions
from veille.extract.mentions import Mentions
from veille.model import EntityMention, PlaceMention

PUBLISHED = dt.date(2022, 6, 15)


def events_of(nlp, text: str, country: str = "ML"):
    mentions = text_mentions(nlp(text), PUBLISHED, knowledge(), country=country)
    return extract_events(mentions, "t", knowledge())[0]


def kinds(nlp, text: str, country: str = "ML") -> list[str]:
    return sorted(e.acled.sub_event_type if e.acled else e.plover for e in events_of(nlp, text, country))


# ---- what an accusation says is a claim, not an event -------------------------------------------------
def test_behaviour_claimed_by_an_accusation_is_not_an_event(nlp):
    text = "Le gouvernement a accusé lundi l'opposition de bloquer les négociations avec les syndicats."
    assert kinds(nlp, text, "FR") == ["ACCUSE"]


def test_past_act_reported_in_an_accusation_is_kept(nlp):
    text = "Lundi, le gouvernement malien a accusé les jihadistes d'avoir attaqué le camp militaire de Boni."
    assert "ACCUSE" in kinds(nlp, text)
    assert len(kinds(nlp, text)) == 2


# ---- crowds -----------------------------------------------------------------------------------------
def test_clash_between_protesters_and_police_is_one_violent_demonstration(nlp):
    text = "Samedi, des heurts ont éclaté devant la mairie entre des manifestants et les forces de l'ordre."
    assert kinds(nlp, text, "FR") == ["Violent demonstration"]


def test_crowd_clash_keeps_its_toll(nlp):
    text = "Jeudi, des affrontements entre des manifestants et des policiers ont fait trois morts à Dakar."
    (event,) = events_of(nlp, text, "SN")
    assert event.fatalities == 3


def test_firing_on_protesters_is_excessive_force(nlp):
    text = "Vendredi, des soldats ont tiré sur des manifestants devant le palais présidentiel."
    assert kinds(nlp, text, "GN") == ["Excessive force against protesters"]


def test_arrests_at_a_protest_are_in_scope(nlp):
    text = "Mardi soir, trente personnes ont été interpellées pendant le rassemblement devant l'Assemblée."
    assert "Arrests" in kinds(nlp, text, "FR")


def test_arrests_without_political_context_stay_out(nlp):
    text = "Mardi soir, trois personnes ont été interpellées après le vol d'une voiture."
    assert kinds(nlp, text, "FR") == []


# ---- military euphemisms ------------------------------------------------------------------------------
def test_neutralised_assailants_are_a_clash_by_the_army(nlp):
    text = "Lundi, l'armée a affirmé avoir neutralisé une vingtaine d'assaillants lors d'une opération."
    (event,) = events_of(nlp, text)
    assert event.acled is not None and event.acled.sub_event_type == "Armed clash"
    assert event.actor1 is not None and event.actor1.type == "state"


# ---- the country of an article that names none --------------------------------------------------------
def _place(name: str, country: str, precision: str | None) -> PlaceMention:
    return PlaceMention(text=name, start=0, end=len(name), country=country, precision=precision)


def _named_group(name: str, country: str) -> EntityMention:
    return EntityMention(text=name, start=0, end=len(name), label="ORG",
                         actor={"name": name, "type": "rebel", "country": country})


def test_article_without_country_names_is_placed_by_its_armed_groups(nlp):
    mentions = Mentions(doc=nlp("x"), published=PUBLISHED, country="TZ",
                        places=[_place("Kibo", "TZ", "exact")], entities=[_named_group("Front X", "CD")])
    assert event_country(mentions) == "CD"


def test_a_named_country_beats_the_armed_groups_home(nlp):
    mentions = Mentions(doc=nlp("x"), published=PUBLISHED, country="RW",
                        places=[_place("Rwanda", "RW", "country")], entities=[_named_group("Front X", "CD")])
    assert event_country(mentions) == "RW"


# ---- demonstratives refer back ---------------------------------------------------------------------------
def test_demonstrative_under_another_word_refers_back(nlp):
    text = ("Des jihadistes ont attaqué dimanche soir un camp militaire dans le centre du pays. "
            "Ce raid survient lundi au lendemain de l'annonce par le gouvernement de la mort d'un chef jihadiste.")
    assert len(events_of(nlp, text)) == 1


# ---- equipment names, actors as places, claims of responsibility ----------------------------------------
def test_trigger_naming_equipment_is_no_event(nlp):
    text = "Lundi, les soldats ont découvert trois fusils d'assaut et des chars de combat dans un camp rebelle."
    assert kinds(nlp, text) == []


def test_group_that_claimed_the_attack_is_its_author(nlp):
    text = ("Dimanche, des hommes armés ont attaqué une prison dans le centre du pays. "
            "L'Etat islamique a revendiqué l'attaque dans un communiqué.")
    (event,) = events_of(nlp, text, "AF")
    assert event.actor1 is not None and "Islamic State" in event.actor1.name


def test_claim_of_earlier_attacks_does_not_name_the_author(nlp):
    text = ("Dimanche, des hommes armés ont attaqué une prison dans le centre du pays. "
            "Trois attaques, revendiquées par l'Etat islamique, avaient déjà frappé la région en 2019.")
    events = [e for e in events_of(nlp, text, "AF") if e.date == "2022-06-12"]
    assert events and events[0].actor1 is not None and events[0].actor1.name.startswith("Unidentified")


def test_subject_of_the_governing_verb_takes_control(nlp):
    text = "Lundi, les rebelles du M23 ont tenté de prendre le contrôle de la localité."
    (event,) = events_of(nlp, text, "CD")
    assert event.actor1 is not None and "M23" in event.actor1.name


def test_possessive_meeting_noun_is_its_governing_subjects(nlp):
    text = "Le ministre russe s'est déclaré lundi très satisfait de ses discussions avec le président serbe."
    events = [e for e in events_of(nlp, text, "RS") if e.plover == "CONSULT"]
    assert len(events) == 1 and events[0].actor1 is not None and "Russia" in events[0].actor1.name


def test_coordinated_verb_shares_its_subject(nlp):
    text = "Lundi, les rebelles du M23 ont encerclé la ville et ont pris le contrôle de la localité."
    events = [e for e in events_of(nlp, text, "CD") if e.acled is not None]
    assert len(events) == 1 and events[0].actor1 is not None and "M23" in events[0].actor1.name


def test_continuing_fights_are_the_event_already_told(nlp):
    text = ("Dimanche, des jihadistes ont attaqué la prison de la ville. "
            "Les combats entre les soldats et les assaillants se poursuivaient lundi matin.")
    assert len(events_of(nlp, text)) == 1


def test_involvement_in_attacks_is_a_persons_past(nlp):
    text = "Lundi, le chef jihadiste tué était impliqué dans plusieurs attaques contre les soldats."
    assert kinds(nlp, text) == []


def test_arrests_take_their_political_context_from_the_sentence_before(nlp):
    text = ("Des milliers de manifestants ont défilé jeudi à Paris contre la réforme. "
            "Le ministère de l'Intérieur a indiqué que 42 personnes avaient été interpellées.")
    assert "Arrests" in kinds(nlp, text, "FR")


# ---- visits ---------------------------------------------------------------------------------------------
def test_state_visit_is_a_consultation(nlp):
    text = "Le président français a effectué lundi une visite officielle au Sénégal."
    assert kinds(nlp, text, "SN") == ["CONSULT"]


def test_visit_of_a_site_is_no_interaction(nlp):
    text = "Le ministre de la Santé a effectué lundi une visite du chantier de l'hôpital."
    assert kinds(nlp, text, "FR") == []


def test_crowd_named_for_its_opinion_is_no_protest(nlp):
    text = "Lundi, la tenue du festival était jugée indécente par les manifestants."
    assert kinds(nlp, text, "FR") == []


def test_crowd_acting_is_a_protest(nlp):
    text = "Lundi, la ministre a été interrompue à plusieurs reprises par des manifestants."
    assert kinds(nlp, text, "FR") == ["Peaceful protest"]
