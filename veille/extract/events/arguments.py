"""Event arguments from the parse and the mention layers: place, actors, casualties, sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from veille.extract.events.classify import agent_phrases, patient_phrases
from veille.extract.mentions import Attribution, Casualty, Mentions
from veille.lang.fr.words import DEFINITE_ARTICLES as FRENCH_DEFINITE_ARTICLES
from veille.lang.fr.words import with_typographic
from veille.model import Claim, Location, PlaceMention
from veille.nlp.sentences import sentences

# A coarse place (region, country) must be this many characters nearer than a town to be preferred.
COARSE_PLACE_PENALTY = 80
# A place inside another clause than the trigger's ("pendant que les blessés étaient évacués par Rafah, le camp a
# été bombardé") must be this many characters nearer than one of the trigger's own clause.
OTHER_CLAUSE_PENALTY = 120
# How far back (characters) an unnamed site may refer to the site named before ("le camp" -> "camp ... à Kalma").
SITE_REFERENCE_CHARS = 3000
PRECISION_RANK = {"exact": 0, "near": 1, "admin1": 2, "country": 3, None: 4}


@dataclass
class Toll:
    """The casualty figures of one event, with who reported them."""

    fatalities: int | None = None
    injured: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_approx: bool = False
    injured_approx: bool = False
    sources: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def places_in(mentions: Mentions, start: int, end: int) -> list[PlaceMention]:
    return [p for p in mentions.places if start <= p.start and p.end <= end]


def place_token(mentions: Mentions, place: PlaceMention) -> Token | None:
    span = mentions.doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def choose_places(
    mentions: Mentions, trigger: Token, segment: tuple[int, int], site_nouns: frozenset[str],
    actors: list[tuple[int, int]], interaction: bool = False,
) -> list[PlaceMention]:
    """The place(s) where the event happened: nearest in the trigger's sentence (towns before regions, the
    trigger's clause before other clauses), plus the places coordinated with it ("à Tartous, Homs et Hassaké":
    one event per town); a place that is the actor ("Paris condamne", "menée par Ankara", spans in `actors`) is
    not one. A target that is an unnamed site ("le camp a de nouveau été bombardé") is the site named before.
    For an interaction, a place that is its topic ("des pourparlers sur la Syrie à Genève", "un accord pour le
    règlement du conflit au Kosovo") is not its venue."""
    referred = referred_site(mentions, trigger, segment, site_nouns)
    if referred is not None:
        return [referred]
    candidates = [p if interaction else trust_country(p, mentions) for p in places_in(mentions, *segment)
                  if not any(p.start <= start and end <= p.end for start, end in actors)]
    if interaction:  # venues abroad are the rule in diplomacy ("à Genève" in a report on Syria): no homonym guard
        parties = party_tokens(trigger)
        candidates = [p for p in candidates if not is_topic_place(mentions, p, trigger)
                      and not (p.precision == "country" and place_token(mentions, p) in parties)]
    if not candidates:
        return []

    def cost(place: PlaceMention) -> float:
        distance = min(abs(place.start - trigger.idx), abs(place.end - trigger.idx))
        coarse = place.precision in ("admin1", "country") or place.lat is None
        token = place_token(mentions, place)
        other_clause = token is not None and in_other_clause(token, trigger)
        landmark = is_distance_landmark(mentions, place)
        spread = coarse and is_whole_area(mentions, place)
        return distance + (COARSE_PLACE_PENALTY if coarse or landmark else 0) + (
            COARSE_PLACE_PENALTY if spread else 0) + (OTHER_CLAUSE_PENALTY if other_clause else 0)

    best = min(candidates, key=cost)
    if best.lat is None:  # "le village de Sévaré, près de Mopti": the unknown village, near the known town
        anchor = distance_anchor(mentions, best, candidates)
        if anchor is not None:
            return [anchor]
    siblings = coordinated_places(mentions, best, candidates)
    if not siblings and is_plural_noun(trigger):
        siblings = other_towns(mentions, best, candidates)
    return [best, *siblings] if siblings else [best]


# Words that make the next town a landmark of distance, not the scene ("près de Mopti", "à 20 km de Gao").
DISTANCE_WORDS = frozenset({"près", "proximité", "km", "kilomètres", "kilomètre", "loin"})
DISTANCE_GAP_WORDS = frozenset({",", "tout", "non", "à", "de", "d'", "d’", "du", "des", "la", "environ", "quelque",
                                "quelques", "une", "dizaine", "centaine", "vingtaine"})


def words_before(mentions: Mentions, place: PlaceMention, chars: int) -> list[Token]:
    """The whole words within `chars` characters before the place."""
    before = mentions.doc.char_span(max(0, place.start - chars), place.start, alignment_mode="contract")
    return list(before) if before is not None else []


def is_distance_landmark(mentions: Mentions, place: PlaceMention) -> bool:
    """A distance word within the three words before the place ("près de Mopti", "à 20 km de Gao")."""
    return any(t.lower_ in DISTANCE_WORDS for t in words_before(mentions, place, 30)[-3:])


def distance_anchor(mentions: Mentions, unknown: PlaceMention, candidates: list[PlaceMention]) -> PlaceMention | None:
    """An unknown place followed by its distance to a known town ("Sévaré, près de Mopti", "Kalo, à 20 km
    de Gao") is placed at that town, precision "near": a point within reach, under the name the text gives."""
    doc = mentions.doc
    for town in sorted(candidates, key=lambda p: p.start):
        if town.start <= unknown.end or town.lat is None or town.precision not in ("exact", "near"):
            continue
        gap = doc.char_span(unknown.end, town.start, alignment_mode="expand")
        words = [t for t in gap] if gap is not None else []
        if not words or len(words) > 7 or not any(t.lower_ in DISTANCE_WORDS for t in words):
            return None
        if not all(t.lower_ in DISTANCE_WORDS or t.lower_ in DISTANCE_GAP_WORDS or t.like_num for t in words):
            return None
        return unknown.model_copy(update={
            "geonameid": None, "gazetteer_name": town.gazetteer_name, "country": town.country,
            "admin1": town.admin1, "lat": town.lat, "lon": town.lon, "precision": "near"})
    return None


def party_tokens(trigger: Token) -> set[Token]:
    """The tokens of the interaction's parties: its agent phrases, or its verb's when the trigger is the verb's
    subject ("cet accord a été élaboré par les ministres de la Russie"): a country there is a party's."""
    phrases = agent_phrases(trigger)
    if trigger.dep_ in ("nsubj", "nsubj:pass"):
        phrases += agent_phrases(trigger.head)
    return {t for phrase in phrases for head in phrase for t in head.subtree}


# What an interaction is about, not where it is held: "négociations sur la Syrie", "accord pour le Kosovo",
# "le règlement du conflit au Kosovo", "la crise en Libye".
TOPIC_CASES = frozenset({"sur", "concernant", "quant"})
TOPIC_NOUNS = frozenset({"conflit", "crise", "règlement", "question", "dossier", "situation", "guerre", "paix",
                         "avenir", "sort", "statut", "sécurité", "reconstruction", "processus", "transition"})


def is_topic_place(mentions: Mentions, place: PlaceMention, trigger: Token) -> bool:
    """The place hangs, within its noun phrase, from a topic preposition or a topic noun."""
    token = place_token(mentions, place)
    if token is None:
        return False
    node = token
    for _ in range(8):  # up the noun phrase: never past the trigger or a verb
        if node.i == trigger.i or node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        if node is not token and node.lemma_.lower() in TOPIC_NOUNS:
            return True
        if any(c.dep_ == "case" and c.lower_ in TOPIC_CASES for c in node.children):
            return True
        node = node.head
    return False


WHOLE_WORDS = frozenset({"tout", "toute", "tous", "toutes", "ensemble", "travers"})


def is_whole_area(mentions: Mentions, place: PlaceMention) -> bool:
    """A region named as a whole ("dans toute la Serbie", "à travers le pays", "l'ensemble du Mali") spreads the
    event over it: a town named in the same sentence says more about where it hit."""
    return any(t.lower_ in WHOLE_WORDS for t in words_before(mentions, place, 20)[-3:])


# Clause relations that open a clause of their own under the trigger's sentence.
CLAUSE_DEPS = frozenset({"advcl", "acl:relcl", "parataxis", "ccomp"})


def in_other_clause(token: Token, trigger: Token) -> bool:
    """The token sits in a subordinate or incidental clause that does not hold the trigger."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS and not (node.left_edge.i <= trigger.i <= node.right_edge.i):
            return True
        if node.i == trigger.i:
            return False
        node = node.head
    return False


DEFINITE_ARTICLES = with_typographic(FRENCH_DEFINITE_ARTICLES)


def referred_site(
    mentions: Mentions, trigger: Token, segment: tuple[int, int], nouns: frozenset[str]
) -> PlaceMention | None:
    """The site an unnamed, definite target refers to ("le camp de réfugiés a de nouveau été bombardé", after
    "le plus grand camp de déplacés de la région, situé à Kalma"): the last earlier phrase headed by the same
    site noun that holds a located place, within SITE_REFERENCE_CHARS. Why: news names a site once, then calls
    it "le camp", "la prison"; the nearest town of the later sentence is usually somewhere else. `nouns`: the
    site nouns that may refer back (geo_place_types.yaml, `unnamed_sites`)."""
    for phrase in patient_phrases(trigger):
        site = next((t for t in phrase if t.pos_ == "NOUN" and t.lower_ in nouns), None)
        if site is None or not any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in site.children):
            continue
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        if any(start <= p.start and p.end <= end for p in mentions.places):
            return None  # named in place ("le camp de Zaatari"): the ordinary choice finds it
        doc, sents = mentions.doc, sentences(mentions.doc)
        for earlier in reversed(doc[: sents.of(site).start]):
            if earlier.idx < segment[0] - SITE_REFERENCE_CHARS:
                break
            if earlier.lemma_.lower() != site.lemma_.lower() or earlier.pos_ != "NOUN":
                continue
            reach = {t.i for t in earlier.subtree}
            for place in places_in(mentions, earlier.idx, sents.of(earlier).end_char):
                token = place_token(mentions, place)
                if token is not None and token.i in reach and place.lat is not None:
                    return place if place.precision != "exact" else place.model_copy(update={"precision": "near"})
        return None
    return None


# What separates the items of a list of places in one sentence.
LIST_SEPARATORS = (",", ";", ":", " et ", "(", ")", " ainsi qu")


def list_item(text: str, segment: tuple[int, int], place: PlaceMention) -> tuple[int, int]:
    """The list item of the sentence that holds this place, between the separators around it
    ("…: 12 morts à Koro le 3 mars, 40 morts le 9 avril à Djenné et 25 …")."""
    start = max([text.rfind(sep, segment[0], place.start) + len(sep) for sep in LIST_SEPARATORS
                 if text.rfind(sep, segment[0], place.start) != -1] or [segment[0]])
    ends = [text.find(sep, place.end, segment[1]) for sep in LIST_SEPARATORS]
    return start, min([e for e in ends if e != -1] or [segment[1]])


def trust_country(place: PlaceMention, mentions: Mentions) -> PlaceMention:
    """A town the gazetteer put in a country the article never names, while the article is about another
    one, is a homonym (a Congolese village resolved to its Tanzanian namesake): keep the name, drop the point
    and give it the article's country, so the event is not sent abroad."""
    country = mentions.country
    if place.country is None or country is None or place.country == country:
        return place
    if place.precision not in ("exact", "near") or place.country in article_countries(mentions):
        return place
    return place.model_copy(update={"geonameid": None, "gazetteer_name": None, "admin1": None, "lat": None,
                                    "lon": None, "country": country, "precision": None})


def event_country(mentions: Mentions) -> str | None:
    """The article's country for its events: the country most of its places resolve to, unless the text
    names regions of one other country only and none of that one: then homonym towns misled the count
    (a Congolese town resolved to a Japanese namesake). Country names are not enough: foreign states are
    often named as actors ("Israël" in a report on Hébron). An article naming no country nor region is placed
    by the home of the armed groups it names, when they agree."""
    named = article_countries(mentions)
    if not named:  # no country nor region named: the home of the named armed groups ("l'AFC/M23": CD)
        homes = {e.actor.country for e in mentions.entities if e.label != "AGENT" and e.actor is not None
                 and e.actor.type in DOMESTIC_ARMED_TYPES and e.actor.country}
        if len(homes) == 1 and mentions.country not in homes:
            return next(iter(homes))
    regions = {p.country for p in mentions.places if p.country and p.precision == "admin1"}
    if len(regions) != 1 or mentions.country in regions or mentions.country in named:
        return mentions.country
    return next(iter(regions))


# Armed groups that fight in their own country: their home says where an article without country names is.
DOMESTIC_ARMED_TYPES = frozenset({"rebel", "political_militia", "identity_militia"})


def article_countries(mentions: Mentions) -> frozenset[str]:
    """The countries the article names as such (country or region mentions), not through a town."""
    return frozenset(p.country for p in mentions.places if p.country and p.precision in ("country", "admin1"))


def is_plural_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and "Plur" in token.morph.get("Number", [])


# Words before a town that make it a landmark of distance, not a scene ("à 20 km de Gao", "près de Mopti").
REFERENCE_WORDS = frozenset({"km", "kilomètres", "kilomètre", "près", "loin", "proximité", "nord", "sud", "est",
                             "ouest", "route", "axe", "environs", "distance", "frontière"})


def other_towns(mentions: Mentions, best: PlaceMention, candidates: list[PlaceMention]) -> list[PlaceMention]:
    """A plural trigger ("les explosions ont eu lieu à Tartous ..., Homs ... et Hassaké") happened in every
    town of its sentence, except towns named as a distance landmark. Text order, distinct by name."""
    if best.precision not in ("exact", "near", None):
        return []
    found, names = [], {best.text}
    for place in sorted(candidates, key=lambda p: p.start):
        unresolved_town = place.precision is None and place.text[:1].isupper()  # named, not in the gazetteer
        if not (place.precision in ("exact", "near") and place.lat is not None or unresolved_town):
            continue
        if place.text in names:
            continue
        if any(t.lower_ in REFERENCE_WORDS for t in words_before(mentions, place, 25)):
            continue
        names.add(place.text)
        found.append(place)
    return found


def coordinated_places(mentions: Mentions, best: PlaceMention, candidates: list[PlaceMention]) -> list[PlaceMention]:
    """Other towns listed with `best` ("Tartous, Homs et Hassaké"): linked by conj in the parse, or
    separated only by commas, "et", prepositions and determiners. Text order, distinct by name."""
    towns = [p for p in candidates if p.precision in ("exact", "near") and p.lat is not None]
    if best not in towns:
        return []
    towns.sort(key=lambda p: p.start)
    tokens = {id(p): place_token(mentions, p) for p in towns}
    listed = {id(best)}
    changed = True
    while changed:  # grow the list from `best` through its neighbours
        changed = False
        for a, b in zip(towns, towns[1:], strict=False):
            if (id(a) in listed) != (id(b) in listed) and _listed_together(mentions, a, b, tokens):
                listed |= {id(a), id(b)}
                changed = True
    names = {best.text}
    found = []
    for place in towns:
        if id(place) in listed and place.text not in names:
            names.add(place.text)
            found.append(place)
    return found


LIST_GAP_POS = frozenset({"PUNCT", "CCONJ", "ADP", "DET"})
LIST_GAP_WORDS = frozenset({"ainsi", "que", "qu'", "puis"})


def _listed_together(mentions: Mentions, a: PlaceMention, b: PlaceMention, tokens: dict) -> bool:
    ta, tb = tokens[id(a)], tokens[id(b)]
    if ta is None or tb is None:
        return False
    if (ta.dep_ == "conj" and ta.head.i == tb.i) or (tb.dep_ == "conj" and tb.head.i == ta.i):
        return True
    if b.start <= a.end:  # touching or overlapping mentions: one stretch of text, no gap between them
        return True
    gap = mentions.doc.char_span(a.end, b.start, alignment_mode="expand")
    if gap is None:
        return False
    return len(gap) <= 4 and all(t.pos_ in LIST_GAP_POS or t.lower_ in LIST_GAP_WORDS for t in gap)


def to_location(place: PlaceMention | None, country: str | None) -> Location | None:
    """The record's location; with no place, the article's country at 'country' precision when known."""
    if place is None:
        return Location(country=country, precision="country") if country else None
    return Location(
        name=place.text, geonameid=place.geonameid, gazetteer_name=place.gazetteer_name,
        country=place.country or country,  # an unresolved site keeps the article's country
        admin1=place.admin1, lat=place.lat, lon=place.lon, precision=place.precision,
    )


def casualties_in(mentions: Mentions, start: int, end: int) -> list[Casualty]:
    """The figures overlapping [start, end): the parser may cut a sentence inside a casualty phrase ("35
    personnes - dont des enfants - | ont été tuées"), whose pieces each keep the figure they touch."""
    return [c for c in mentions.casualties if c.start < end and start < c.end]


def distance_to(casualty: Casualty, char: int) -> int:
    """Characters between a position and the nearer end of a casualty phrase (0 inside it)."""
    return 0 if casualty.start <= char < casualty.end else min(abs(casualty.start - char), abs(casualty.end - char))


def toll_from(casualties: list[Casualty], trigger_char: int, sources: list[str]) -> Toll:
    """The figures nearest the trigger, one per kind; a negated figure ('aucune victime') is 0."""
    toll = Toll(sources=list(sources))
    for kind in ("killed", "injured"):
        figures = [c for c in casualties if c.kind == kind and (c.value is not None or c.negated)]
        if not figures:
            continue
        figure = min(figures, key=lambda c: distance_to(c, trigger_char))
        value = 0 if figure.negated else figure.value
        if kind == "killed":
            toll.fatalities = value
            toll.fatalities_low = 0 if figure.negated else figure.low if figure.low is not None else value
            toll.fatalities_high = 0 if figure.negated else figure.high if figure.high is not None else value
            toll.fatalities_approx = figure.approx
        else:
            toll.injured = value
            toll.injured_approx = figure.approx
    if toll.fatalities is not None or toll.injured is not None:
        toll.claims = [Claim(source=s, fatalities=toll.fatalities, injured=toll.injured) for s in sources]
    return toll


def split_total(casualties: list[Casualty], cue_char: int) -> tuple[list[Casualty], list[Casualty]]:
    """(the event's own figures, the total's) of a sentence with a total cue: of each kind, the figure nearest
    the cue is the total; another figure of a kind is the event's own ("deux sont mortes lors de tirs sur X, a
    précisé l'ONG, qui avait annoncé un bilan total de 11 personnes tuées"). With one figure per kind the
    whole toll is the total ("43 morts dans au moins trois villes"), and nothing is the event's own."""
    figures = [c for c in casualties if c.value is not None or c.negated]
    totals = [min(same, key=lambda c: distance_to(c, cue_char))
              for kind in ("killed", "injured") if (same := [c for c in figures if c.kind == kind])]
    own = [c for c in figures if c not in totals]
    if not any(c.kind == t.kind for c in own for t in totals):
        return [], casualties
    return own, totals


# How far after an event's sentence a toll with no event of its own may be ("Le bilan s'élève à 21 morts").
ORPHAN_TOLL_REACH = 400


def orphan_casualties(mentions: Mentions, covered: list[tuple[int, int]]) -> list[Casualty]:
    """Casualty figures outside every event sentence and every aggregate: tolls of an event told before."""
    return [
        c for c in mentions.casualties
        if (c.value is not None or c.negated) and not any(start <= c.start < end for start, end in covered)
    ]


def nearest_before(spans: list[tuple[int, int]], position: int) -> int | None:
    """The index of the span ending last before `position`, within ORPHAN_TOLL_REACH characters."""
    best = None
    for n, (_, end) in enumerate(spans):
        if end <= position and position - end <= ORPHAN_TOLL_REACH and (best is None or end > spans[best][1]):
            best = n
    return best


def sources_for(attributions: list[Attribution], start: int, end: int) -> list[str]:
    """Who the sentence [start, end) is attributed to, in text order, without repeats."""
    found: list[str] = []
    for attribution in attributions:
        overlaps = attribution.scope_start < end and start < attribution.scope_end
        if overlaps and attribution.source not in found:
            found.append(attribution.source)
    return found
