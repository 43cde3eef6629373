"""Event extraction: detection, typing, scope rules, arguments and merging, on small French sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import knowledge
from veille.extract.events import extract_events, find_event_candidates
from veille.extract.events.view import DocView
from veille.extract.mentions import Attribution, Casualty, Mentions
from veille.model import PlaceMention

PUBLISHED = dt.date(2021, 3, 10)


def mentions_for(nlp, text: str, **layers) -> Mentions:
    return Mentions(doc=nlp(text), published=PUBLISHED, **layers)


def kinds(nlp, text: str) -> list[str]:
    """The type of each event extracted from `text`: the ACLED sub-event type, else the PLOVER code."""
    events, _ = extract_events(mentions_for(nlp, text), "t", knowledge())
    return [e.acled.sub_event_type if e.acled else e.plover for e in events]


def place(text: str, name: str, lat: float, lon: float, country: str = "NE", precision: str = "exact"):
    start = text.index(name)
    return PlaceMention(text=name, start=start, end=start + len(name), lat=lat, lon=lon, country=country,
                        precision=precision, geonameid=abs(hash(name)) % 10**6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Des hommes armés ont attaqué un village, tuant douze civils.", ["Attack"]),
        ("Des jihadistes ont attaqué une position de l'armée près de la frontière.", ["Armed clash"]),
        ("Un kamikaze s'est fait exploser devant un marché bondé de la capitale.", ["Suicide bomb"]),
        ("Des frappes aériennes ont visé les positions des rebelles dans la nuit.", ["Air/drone strike"]),
        ("Des tirs d'obus ont touché le quartier nord de la ville tenue par l'armée.",
         ["Shelling/artillery/missile attack"]),
        ("Un engin explosif a détruit un véhicule militaire sur la route du camp.",
         ["Remote explosive/landmine/IED"]),
        ("Trois enseignants ont été enlevés par des hommes armés dans le nord.",
         ["Abduction/forced disappearance"]),
        ("La police a interpellé deux militants écologistes lors de l'action.", ["Arrests"]),
        ("Des milliers de personnes ont manifesté contre la réforme des retraites.", ["Peaceful protest"]),
        ("Les manifestants ont été dispersés à coups de gaz lacrymogène par la police.",
         ["Protest with intervention"]),
        ("Les rebelles ont pris le contrôle de la ville après de violents combats contre l'armée.",
         ["Non-state actor overtakes territory"]),
        ("Le ministre des Affaires étrangères a rencontré son homologue malien.", ["CONSULT"]),
        ("Le gouvernement a accusé les rebelles de violer la trêve.", ["ACCUSE"]),
        ("La Jordanie a annoncé le rappel de son ambassadeur.", ["SANCTION"]),
        ("Les autorités ont répondu qu'elles ne céderaient pas aux rebelles.", ["REJECT"]),
    ],
)
def test_detects_and_types_events(nlp, text, expected):
    assert kinds(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les rebelles n'ont pas attaqué le village.",  # negated
        "Aucune attaque n'a été signalée dans la région depuis la trêve des combattants.",  # negated noun
        "Les syndicats manifesteront jeudi devant la préfecture.",  # future
        "L'armée pourrait frapper les positions rebelles dans les prochains jours.",  # hypothetical
        "Le groupe jihadiste menace d'attaquer les convois de l'armée.",  # threat: the attack did not happen
        "Les jihadistes nient avoir attaqué le camp militaire.",  # denial
        "Le syndicat appelle à manifester samedi.",  # call, not a protest
        "Lyon a attaqué dès le coup d'envoi et mené au score à la mi-temps.",  # sports
        "Un cambrioleur a été interpellé par la police après le vol d'une voiture.",  # ordinary crime
        "Le prévenu a été condamné à cinq ans de prison par le tribunal pour l'attaque du fourgon.",  # verdict
        "Une violente explosion de gaz a détruit un immeuble, selon les pompiers.",  # accident
        "Les experts redoutent une menace d'attentat pendant les fêtes.",  # planned/feared
    ],
)
def test_not_events(nlp, text):
    assert kinds(nlp, text) == []


def test_no_victims_is_still_an_attack(nlp):
    text = "Des jihadistes ont attaqué un poste de l'armée, sans faire de victime."
    assert kinds(nlp, text) == ["Armed clash"]


def test_evidence_is_verbatim_sentence(nlp):
    text = "Le bilan s'alourdit.\n\nDes hommes armés ont attaqué un village du nord, tuant six civils.\n"
    events, _ = extract_events(mentions_for(nlp, text), "art", knowledge())
    assert len(events) == 1
    event = events[0]
    start, end = event.evidence_span
    assert text[start:end] == event.evidence
    assert event.evidence.startswith("Des hommes armés") and event.evidence.endswith("civils.")
    assert event.event_id == "art-e1"


def test_place_is_the_nearest_town(nlp):
    text = "Au Niger, des hommes armés ont attaqué le village de Gadbo, tuant vingt civils."
    places = [place(text, "Niger", 17.6, 8.1, precision="country"), place(text, "Gadbo", 14.5, 1.3)]
    events, _ = extract_events(mentions_for(nlp, text, places=places, country="NE"), "t", knowledge())
    assert [e.location.name for e in events] == ["Gadbo"]


def test_one_event_per_coordinated_town_and_total_as_aggregate(nlp):
    text = "Des attentats à la bombe ont frappé Tartous, Homs et Hassaké, faisant au total 43 morts."
    places = [place(text, n, 35.0 + i, 36.0, "SY") for i, n in enumerate(("Tartous", "Homs", "Hassaké"))]
    start = text.index("43 morts")
    toll = Casualty(kind="killed", value=43, low=43, high=43, approx=False, start=start, end=start + 8,
                    text="43 morts")
    events, aggregates = extract_events(mentions_for(nlp, text, places=places, casualties=[toll]), "t", knowledge())
    assert {e.location.name for e in events} == {"Homs", "Hassaké", "Tartous"} and len(events) == 3
    assert all(e.fatalities is None for e in events)
    assert len(aggregates) == 1 and aggregates[0].fatalities == 43


def test_headline_and_body_merge_into_one_event(nlp):
    text = ("Attaque meurtrière contre un camp militaire à Inates. "
            "Des jihadistes ont attaqué mardi le camp militaire d'Inates, tuant 71 soldats, selon l'armée.")
    places = [place(text, "Inates", 15.2, 1.0)]
    places.append(PlaceMention(text="Inates", start=text.rindex("Inates"), end=text.rindex("Inates") + 6,
                               lat=15.2, lon=1.0, country="NE", precision="exact", geonameid=places[0].geonameid))
    start = text.index("71 soldats")
    toll = Casualty(kind="killed", value=71, low=71, high=71, approx=False, start=start, end=start + 10,
                    text="tuant 71 soldats", victims="soldats")
    body = text.index("Des jihadistes")
    source = Attribution(source="l'armée", start=text.rindex("l'armée"), end=len(text) - 1, cue="selon",
                         scope_start=body, scope_end=len(text))
    mentions = mentions_for(nlp, text, places=places, casualties=[toll], attributions=[source])
    events, _ = extract_events(mentions, "t", knowledge())
    assert len(events) == 1
    event = events[0]
    assert event.fatalities == 71 and event.sources == ["l'armée"]
    assert event.claims[0].source == "l'armée" and event.claims[0].fatalities == 71
    single, _ = extract_events(mentions_for(nlp, text.split(". ")[1]), "t", knowledge())
    assert event.confidence > single[0].confidence  # reported twice, placed and with a toll


def test_candidates_expose_scope_filtering(nlp):
    mentions = mentions_for(nlp, "Les rebelles n'ont pas attaqué, mais l'armée a bombardé Gao.")
    kept = find_event_candidates(mentions, knowledge().events, DocView(mentions.doc))
    assert [c.token.lemma_ for c in kept] == ["bombarder"]


def test_confidence_is_a_probability(nlp):
    mentions = mentions_for(nlp, "Un kamikaze s'est fait exploser devant une caserne de l'armée.")
    events, _ = extract_events(mentions, "t", knowledge())
    assert events and all(0.0 < e.confidence < 1.0 for e in events)


def test_empty_mention_layers_are_handled(nlp):
    events, aggregates = extract_events(mentions_for(nlp, "Il fait beau à Paris aujourd'hui."), "t", knowledge())
    assert events == [] and aggregates == []


@pytest.mark.parametrize(
    "text",
    [
        "Les autorités ont lancé une opération visant les bandes armées du nord.",  # descriptive participle
        "Les rebelles sont régulièrement attaqués par l'armée depuis des mois.",  # habitual
        "Les rebelles sont arrivés avec l'objectif de lancer une attaque contre l'armée.",  # intention
        "La faim commence à tuer des enfants dans la région en guerre.",  # no armed agent
        "L'armée est intervenue pour déloger les rebelles.",  # purpose
        "Le président a annulé une rencontre avec son homologue.",  # cancelled
    ],
)
def test_more_not_events(nlp, text):
    assert kinds(nlp, text) == []


def test_anaphoric_mention_joins_its_antecedent(nlp):
    text = ("Des jihadistes ont attaqué lundi un camp de l'armée à Inates. "
            "L'attaque a été revendiquée mardi par le groupe Etat islamique, qui a diffusé une vidéo.")
    places = [place(text, "Inates", 15.2, 1.0)]
    events, _ = extract_events(mentions_for(nlp, text, places=places, country="NE"), "t", knowledge())
    assert len(events) == 1 and events[0].location.name == "Inates"


def test_anaphoric_mention_alone_is_background(nlp):
    text = "Le gouvernement a tenu une réunion après l'attaque contre le camp militaire."
    assert "Armed clash" not in kinds(nlp, text)


def test_distinct_specific_types_at_one_place_stay_apart(nlp):
    text = ("Des frappes aériennes ont visé Ras al-Aïn mercredi. "
            "Des tirs d'artillerie ont aussi touché Ras al-Aïn, tenue par les combattants kurdes.")
    places = [place(text, "Ras al-Aïn", 36.8, 40.0, "SY")]
    second = text.rindex("Ras al-Aïn")
    places.append(places[0].model_copy(update={"start": second, "end": second + len("Ras al-Aïn")}))
    found = kinds(nlp, text)
    events, _ = extract_events(mentions_for(nlp, text, places=places, country="SY"), "t", knowledge())
    assert sorted(e.acled.sub_event_type for e in events) == sorted(found) == [
        "Air/drone strike", "Shelling/artillery/missile attack"]


def test_a_killing_by_another_trigger_of_the_sentence_is_that_event(nlp):
    text = "Un policier a été tué samedi par un jet de pierre lors d'une émeute à Naplouse."
    assert kinds(nlp, text) == ["Mob violence"]
