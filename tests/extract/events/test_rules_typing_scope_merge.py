"""Typing, scope and merging rules on invented sentences: willingness to cooperate, who shoots down an aircraft,
captures by armed groups, role nouns and memberships, clause-scoped habitual cues, interactions split by
initiator, weapon and target views of one event."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import knowledge
from veille.extract.dates import find_dates
from veille.extract.events import extract_events
from veille.extract.mentions import Mentions

PUBLISHED = dt.date(2022, 6, 15)


def kinds(nlp, text: str) -> list[str]:
    doc = nlp(text)
    dates = find_dates(doc, PUBLISHED, knowledge().temporal)
    mentions = Mentions(doc=doc, published=PUBLISHED, dates=dates, country="ML")
    events, _ = extract_events(mentions, "t", knowledge())
    return sorted(e.acled.sub_event_type if e.acled else e.plover for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stated willingness to cooperate is PLOVER AGREE
        ("Le président s'est dit hier prêt à négocier avec les rebelles du nord.", ["AGREE"]),
        ("Les joueurs sont prêts à disputer la finale samedi.", []),
        # an aircraft as the target is shot at: a battle, not an air strike
        ("Mardi, les rebelles ont abattu un hélicoptère de l'armée près de la frontière.", ["Armed clash"]),
        # hostages, or captives of an armed group, are abducted, not arrested
        ("Trois humanitaires ont été capturés mardi par des jihadistes près de la frontière.",
         ["Abduction/forced disappearance"]),
        # "série" is a TV series only as "série télévisée": talks after a series of meetings are talks
        ("Les négociations entre les deux ministres ont repris mardi, après une série de rencontres.", ["CONSULT"]),
        # a role noun names a person by a past event, it reports none
        ("L'armée a annoncé la mort de l'organisateur des attentats de la capitale.", []),
        # the noun a past participle qualifies is its target ("des lycées visés": an attack on civilians)
        ("Dimanche, trois lycées visés par des hommes armés ont brûlé dans le nord.", ["Attack"]),
        # a companion phrase may end past the window ("l'ensemble" four words after "prennent")
        ("Le 3 mars, les rebelles prennent aux soldats l'ensemble de la ville.",
         ["Non-state actor overtakes territory"]),
        # the companion verb of a subject trigger, however far ("cet accord ... avait été signé")
        ("Cet accord de paix entre les deux pays avait été signé par les présidents le 6 mai.", ["AGREE"]),
        # fighting "dans les rangs de" says on whose side, not that a battle happened
        ("Il avait combattu dans les rangs des rebelles pendant deux ans.", []),
        # a habitual cue in another clause does not make the trigger habitual
        ("Mardi, des tirs d'artillerie ont visé la ville, provoquant la fuite des habitants, parfois à pied.",
         ["Shelling/artillery/missile attack"]),
        # ... but one in a clause above it does
        ("Depuis des mois, les habitants racontent que des hommes armés attaquent les villages.", []),
        # a blocking noun may govern the trigger through complements
        ("Le rapport souligne le caractère systématique de certaines des attaques contre les civils.", []),
        # "le mois de mai" is a date, not a habitual "des mois de"
        ("Un militant a été arrêté à la fin du mois de mai à la frontière.", ["Arrests"]),
        # the political context of an arrest may come in the next sentence
        ("Un homme de 25 ans a été interpellé mardi à la frontière. Il était soupçonné de terrorisme.", ["Arrests"]),
        # a toll over a period of months is a total, not one event; a sentence that gives days lists events
        ("Selon l'ONU, les miliciens ont tué d'octobre à fin mai au moins 300 civils.", []),
        ("Au moins 40 personnes ont été tuées depuis janvier par des hommes armés dans la région.", []),
        ("Des hommes armés ont tué six civils le 3 mars dans la région.", ["Attack"]),
        # two named initiators in one sentence: two interactions
        ("Lundi, l'Égypte a condamné le bombardement, tandis que la Jordanie dénonçait un massacre.",
         ["ACCUSE", "ACCUSE"]),
    ],
)
def test_typing_and_scope_rules(nlp, text, expected):
    assert kinds(nlp, text) == expected


def test_a_heading_interaction_folds_into_the_paragraph_that_tells_it(nlp):
    text = ("L'ONU exige un cessez-le-feu\n\nLe secrétaire général des Nations unies a exigé mardi l'arrêt des "
            "combats dans la région.")
    assert kinds(nlp, text) == ["REQUEST"]


def test_a_possessive_noun_trigger_refers_back(nlp):
    text = ("Mardi, des soldats ont attaqué un camp rebelle près de Kidal. Peu après, le gouvernement a annoncé le "
            "lancement de son offensive.")
    assert kinds(nlp, text) == ["Armed clash"]


