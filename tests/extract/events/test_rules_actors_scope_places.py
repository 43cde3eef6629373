"""Event rules on invented sentences: implicit and pronoun actors, weapons as instruments, near-future and habitual
statements, tolls told in another sentence, victims typing an attack, paragraphs kept apart."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import knowledge
from veille.extract.events import extract_events
from veille.extract.events.view import DocView
from veille.extract.layers import text_mentions
from veille.extract.mentions import Mentions

PUBLISHED = dt.date(2022, 6, 15)


def mentions_for(nlp, text: str, country: str = "ML") -> Mentions:
    """Every mention layer but places (no gazetteer in unit tests); the article's country is given."""
    return text_mentions(nlp(text), PUBLISHED, knowledge(), country=country)


def events_of(nlp, text: str, country: str = "ML"):
    return extract_events(mentions_for(nlp, text, country), "t", knowledge())[0]


def kinds(nlp, text: str) -> list[str]:
    return [e.acled.sub_event_type if e.acled else e.plover for e in events_of(nlp, text)]


# ---- actors ------------------------------------------------------------------------------------------
def test_protest_without_named_crowd_is_coded_protesters(nlp):
    (event,) = events_of(nlp, "Des milliers de personnes ont manifesté samedi contre la vie chère.", "FR")
    assert event.actor1 is not None and event.actor1.type == "protesters"


def test_attack_without_agent_is_the_unidentified_armed_group_of_the_country(nlp):
    text = "Douze villageois ont été tués lundi dans une attaque contre leur village, en pleine insurrection."
    (event,) = events_of(nlp, text)
    assert event.actor1 is not None
    assert event.actor1.type == "political_militia"
    assert event.actor1.country == "ML"


def test_nationality_adjective_names_the_author_of_remote_violence(nlp):
    (event,) = events_of(nlp, "Des frappes israéliennes ont visé mardi un immeuble de la ville.", "PS")
    assert event.acled.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and "Israel" in event.actor1.name
    assert event.actor1.type in ("state", "external")


def test_pronoun_subject_takes_the_actor_named_before(nlp):
    text = ("Les jihadistes du JNIM ont attaqué dimanche un poste de l'armée, tuant trois soldats. "
            "Ils ont ensuite pris le contrôle de la ville, selon une source militaire.")
    events = events_of(nlp, text)
    territory = [e for e in events if e.acled and e.acled.event_type == "Battles"
                 and e.acled.sub_event_type == "Non-state actor overtakes territory"]
    assert territory, [e.acled for e in events]
    assert territory[0].actor1 is not None and territory[0].actor1.type != "political_militia"


# ---- scope: weapons, near future, habits, fear -------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Les enquêteurs ont découvert un véhicule contenant des explosifs et des armes lourdes.",
        "La fouille a mis au jour un arsenal : plusieurs lance-roquettes et des munitions.",
        "« Nous allons rester unis et combattre pour notre terre », a déclaré le chef rebelle.",
        "Des combats sont constamment signalés entre rebelles et soldats dans cette province.",
        "Plusieurs élus ont fui vers la capitale de peur d'être tués par les jihadistes.",
        "Le ministre tiendra jeudi une réunion avec son homologue nigérien.",
    ],
)
def test_not_events(nlp, text):
    assert kinds(nlp, text) == []


def test_weapon_fired_is_an_event(nlp):
    assert kinds(nlp, "Des obus sont tombés mardi sur le marché de la ville, selon l'armée.") == [
        "Shelling/artillery/missile attack"
    ]


# ---- tolls -------------------------------------------------------------------------------------------
def test_toll_in_the_next_sentence_belongs_to_the_event(nlp):
    text = "Des hommes armés ont attaqué dimanche un camp militaire. Le bilan s'élève à douze morts."
    (event,) = events_of(nlp, text)
    assert event.fatalities == 12


def test_an_arrest_takes_no_toll(nlp):
    text = "La police a arrêté mardi trois jihadistes présumés lors d'une opération où un policier est mort."
    arrests = [e for e in events_of(nlp, text) if e.acled and e.acled.sub_event_type == "Arrests"]
    assert arrests and arrests[0].fatalities is None


# ---- typing by victims, light verbs ------------------------------------------------------------------
def test_civilian_victims_make_a_generic_attack_an_attack_on_civilians(nlp):
    assert kinds(nlp, "Trois personnes ont été tuées lundi dans une attaque de jihadistes près de Gao.") == [
        "Attack"
    ]


def test_military_victims_make_a_generic_attack_a_clash(nlp):
    assert kinds(nlp, "Cinq soldats ont été tués lundi dans une attaque de jihadistes près de Gao.") == [
        "Armed clash"
    ]


def test_target_of_a_light_verb_types_the_event(nlp):
    text = "Des hommes armés ont ouvert le feu lundi sur un véhicule civil près de Gao, tuant deux passagers."
    assert kinds(nlp, text) == ["Attack"]


# ---- paragraphs --------------------------------------------------------------------------------------
def test_sentences_are_cut_at_line_breaks(nlp):
    doc = nlp("Attaque meurtrière dans le nord\n\nDes soldats ont été tués lundi")
    view = DocView(doc)
    sentences = {view.sentence(doc[0]).start, view.sentence(doc[len(doc) - 1]).start}
    assert len(sentences) == 2


# ---- meetings, topics, anaphors -----------------------------------------------------------------------
def test_meeting_noun_with_its_parties_is_an_event(nlp):
    text = "Les négociations entre le ministre malien et son homologue algérien ont repris mardi à Alger."
    assert kinds(nlp, text) == ["CONSULT"]


def test_meeting_noun_as_a_topic_is_not_an_event(nlp):
    assert kinds(nlp, "Le président a salué mardi les résultats des discussions de la semaine.") == []


def test_attack_in_a_series_is_generic(nlp):
    assert kinds(nlp, "Le rapport décrit une série d'attaques contre les civils dans la région.") == []


def test_plural_demonstrative_refers_back(nlp):
    from veille.extract.events.scope import is_anaphoric

    doc = nlp("Ces attaques ont été revendiquées par les jihadistes, pas des attaques isolées.")
    assert is_anaphoric(doc[1])
    assert not is_anaphoric(doc[[t.lower_ for t in doc].index("isolées") - 1])


def _town(text: str, name: str, lat: float, lon: float):
    from veille.model import PlaceMention

    start = text.index(name)
    return PlaceMention(text=name, start=start, end=start + len(name), lat=lat, lon=lon, country="SY",
                        precision="exact", geonameid=abs(hash(name)) % 10**6)


def test_plural_trigger_happened_in_every_town_of_its_sentence(nlp):
    text = ("Les explosions ont eu lieu lundi dans deux villes tenues par le régime, Tartous sur la côte et Homs "
            "dans le centre, selon une ONG qui dénombre 40 morts au total.")
    mentions = mentions_for(nlp, text, "SY")
    mentions.places = [_town(text, "Tartous", 34.9, 35.9), _town(text, "Homs", 34.7, 36.7)]
    events, aggregates = extract_events(mentions, "t", knowledge())
    assert sorted(e.location.name for e in events) == ["Homs", "Tartous"]
    assert all(e.fatalities is None for e in events)
    assert aggregates and aggregates[0].fatalities == 40


def test_a_distance_landmark_is_not_a_scene(nlp):
    text = "Des combats ont opposé lundi l'armée aux rebelles à Homs, à 40 km de Tartous."
    mentions = mentions_for(nlp, text, "SY")
    mentions.places = [_town(text, "Homs", 34.7, 36.7), _town(text, "Tartous", 34.9, 35.9)]
    events, _ = extract_events(mentions, "t", knowledge())
    assert [e.location.name for e in events] == ["Homs"]


# ---- threats, absences, general statements -----------------------------------------------------------
def test_announced_violence_of_a_political_actor_is_a_threat(nlp):
    text = "Le Hamas a fait savoir mardi qu'il entendait poursuivre les attentats contre l'armée israélienne."
    assert kinds(nlp, text) == ["THREATEN"]


def test_threat_recalled_as_background_is_not_an_event(nlp):
    assert kinds(nlp, "Le gouvernement menaçait depuis des mois de lancer une offensive contre les rebelles.") == []


def test_not_giving_in_without_a_refusal_is_not_a_rejection(nlp):
    text = "Les militants restent mobilisés sans céder face au gouvernement de Paris."
    assert "REJECT" not in kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Quand une manifestation dégénère, la police intervient aussitôt, explique le préfet.",
        "Les commerçants se plaignent quand on organise une petite manifestation dans la rue.",
    ],
)
def test_present_clause_opened_by_quand_is_a_general_statement(nlp, text):
    assert kinds(nlp, text) == []


def test_past_clause_opened_by_quand_is_an_event(nlp):
    text = "Les habitants fuyaient quand des combats ont éclaté lundi entre l'armée et les rebelles."
    assert kinds(nlp, text) == ["Armed clash"]


# ---- who cannot be actor1 ------------------------------------------------------------------------------
def test_a_civilian_reading_is_never_the_attacker(nlp):
    text = "Un tireur déguisé en femme a ouvert le feu lundi sur des soldats près du camp militaire."
    (event,) = events_of(nlp, text)
    assert event.actor1 is not None and event.actor1.type not in ("civilians", "organisation")


def test_government_regaining_territory_defaults_to_its_army():
    from veille.extract.events.participants import default_actor1

    mentions = Mentions(doc=None, published=PUBLISHED, country="SY")  # type: ignore[arg-type]
    actor = default_actor1(("Battles", "Government regains territory"), None, mentions, knowledge().actors)
    assert actor is not None and actor.type == "state" and "Syria" in actor.name


def test_plural_pronoun_skips_a_named_person(nlp):
    text = ("Les rebelles du M23 ont attaqué lundi un poste de l'armée près de Goma, selon Jean Kabila. "
            "Ils ont ensuite pris le contrôle de la localité, selon une source militaire.")
    events = events_of(nlp, text, "CD")
    territory = [e for e in events if e.acled and e.acled.sub_event_type == "Non-state actor overtakes territory"]
    assert territory and territory[0].actor1 is not None and territory[0].actor1.type != "person"


# ---- places: homonyms abroad, the article's country, one list item per town ---------------------------
def _mention(name: str, start: int, country: str, precision: str | None, lat: float | None = None):
    from veille.model import PlaceMention

    return PlaceMention(text=name, start=start, end=start + len(name), country=country, precision=precision,
                        lat=lat, lon=lat, geonameid=1 if lat is not None else None)


def test_a_town_resolved_in_a_country_the_article_never_names_keeps_the_articles_country():
    from veille.extract.events.arguments import trust_country

    mentions = Mentions(doc=None, published=PUBLISHED, country="CD")  # type: ignore[arg-type]
    mentions.places = [_mention("Nord-Kivu", 0, "CD", "admin1"), _mention("Bweremana", 20, "TZ", "exact", -3.0)]
    town = trust_country(mentions.places[1], mentions)
    assert (town.country, town.lat, town.precision, town.text) == ("CD", None, None, "Bweremana")
    mentions.places.append(_mention("Tanzanie", 40, "TZ", "country"))
    assert trust_country(mentions.places[1], mentions).country == "TZ"  # named: a real foreign town


def test_regions_of_one_country_overrule_homonym_towns():
    from veille.extract.events.arguments import event_country

    mentions = Mentions(doc=None, published=PUBLISHED, country="JP")  # type: ignore[arg-type]
    mentions.places = [_mention("Mambasa", 0, "JP", "exact", 35.0), _mention("Ituri", 10, "CD", "admin1")]
    assert event_country(mentions) == "CD"
    mentions.places.append(_mention("Japon", 30, "JP", "country"))
    assert event_country(mentions) == "JP"


def test_a_named_foreign_state_does_not_move_the_article():
    from veille.extract.events.arguments import event_country

    mentions = Mentions(doc=None, published=PUBLISHED, country="PS")  # type: ignore[arg-type]
    mentions.places = [_mention("Hébron", 0, "PS", "exact", 31.5), _mention("Israël", 10, "IL", "country")]
    assert event_country(mentions) == "PS"


def test_each_town_of_a_list_takes_the_figure_and_date_of_its_own_item(nlp):
    text = ("Trois attaques contre l'armée ont été perpétrées dans la région, faisant 37 morts au total : "
            "9 morts à Ayorou le 27 décembre, 23 morts le 11 janvier à Banibangou et 5 morts à Téra.")
    mentions = mentions_for(nlp, text, "NE")
    mentions.places = [_mention(name, text.index(name), "NE", "exact", 14.0 + n)
                       for n, name in enumerate(("Ayorou", "Banibangou", "Téra"))]
    events, aggregates = extract_events(mentions, "t", knowledge())
    by_town = {e.location.name: e for e in events}
    assert set(by_town) == {"Ayorou", "Banibangou", "Téra"}
    assert (by_town["Ayorou"].fatalities, by_town["Banibangou"].fatalities, by_town["Téra"].fatalities) == (
        9, 23, 5)
    assert by_town["Banibangou"].date == "2022-01-11"
    assert by_town["Ayorou"].date == "2021-12-27"
    assert aggregates and aggregates[0].fatalities == 37


def test_a_noun_of_people_is_an_event_only_as_an_agent(nlp):
    assert kinds(nlp, "Chez les grévistes, quatre personnes ont été prises en charge dimanche par les pompiers.") == []
    assert kinds(nlp, "Samedi, des manifestants ont bloqué le périphérique de Rennes pendant deux heures.") == [
        "Peaceful protest"
    ]


# ---- statements about an event, capitals as actors, sources as agents ----------------------------------
def test_violence_a_statement_is_about_is_not_a_new_event(nlp):
    text = "Le gouvernement français condamne très fermement l'offensive des rebelles contre l'armée."
    assert [k for k in kinds(nlp, text) if k != "ACCUSE"] == []


def test_a_capital_named_as_the_actor_is_not_the_place(nlp):
    text = "L'offensive lancée mardi est la troisième opération militaire menée par Ankara contre les YPG à Kobané."
    mentions = mentions_for(nlp, text, "SY")
    from veille.model import PlaceMention

    mentions.places = [
        PlaceMention(text="Ankara", start=text.index("Ankara"), end=text.index("Ankara") + 6, country="TR",
                     precision="exact", lat=39.9, lon=32.9, geonameid=323786),
        PlaceMention(text="Kobané", start=text.index("Kobané"), end=text.index("Kobané") + 6, country="SY",
                     precision="exact", lat=36.9, lon=38.4, geonameid=1),
    ]
    events, _ = extract_events(mentions, "t", knowledge())
    assert events and all(e.location is None or e.location.name != "Ankara" for e in events)


def test_a_source_confirming_strikes_is_not_their_author(nlp):
    text = "Des frappes signalées par l'Observatoire syrien des droits de l'Homme ont visé mardi un faubourg d'Idleb."
    events = events_of(nlp, text, "SY")
    assert events and events[0].actor1 is not None and events[0].actor1.type != "organisation"


def test_a_pronoun_killer_is_armed_when_armed_men_were_just_named(nlp):
    text = "Des hommes armés sont arrivés lundi à moto dans le village de Tiloa, où ils ont tué cinq civils."
    assert kinds(nlp, text) == ["Attack"]


