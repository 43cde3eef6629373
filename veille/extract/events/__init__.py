"""Events: French triggers on the parse, typed in ACLED and PLOVER, with their arguments.

The cascade, one small step per module (`extract_events` runs them in this order):
1. `detect`: trigger candidates from the lexicon (`resources/fr/triggers.yaml`);
2. `classify`: context refinements retype them (weapons, targets, agents);
3. `scope`: negated, future, hypothetical, denied and out-of-domain candidates are dropped
   (`resources/fr/event_scope.yaml`);
4. candidates of one type in one sentence make one draft per place (`build_drafts`, arguments from
   `arguments`, `when` and `participants`); tolls told apart go to the event before them (`carry_tolls`);
5. `merge`: drafts of the same real-world event fold into one record;
6. actors the text leaves implicit are filled by ACLED convention, and weak events are dropped.
A statistical decision on each candidate (a trained component) fits between steps 3 and 4: a function from
the kept candidates to the candidates it accepts, like `find_event_candidates`.
See docs/events.md for every rule family and the meaning of `confidence`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING, cast

from veille.extract.events.arguments import (
    Toll,
    casualties_in,
    choose_places,
    event_country,
    list_item,
    nearest_before,
    orphan_casualties,
    sources_for,
    split_total,
    to_location,
    toll_from,
)
from veille.extract.events.classify import (
    agent_phrases,
    patient_phrases,
    refine,
    split_by_initiator,
    type_by_victims,
)
from veille.extract.events.detect import Candidate, find_candidates
from veille.extract.events.lexicon import Lexicon
from veille.extract.events.merge import VIOLENT_TYPES, Draft, merge_drafts, merge_toll, repeat_bonus
from veille.extract.events.participants import claimant_of, default_actor1, event_actors, named_authors
from veille.extract.events.scope import (
    continues_event,
    generic_reason,
    has_political_actor,
    is_anaphoric,
    is_demonstrative,
    is_statement_topic,
    negated_by_sans,
    scope_reason,
    threat_governor,
)
from veille.extract.events.view import DocView
from veille.extract.events.when import event_date
from veille.extract.mentions import Casualty, EventDate, Mentions
from veille.model import AcledType, AggregateClaim, Event, PlaceMention, Plover
from veille.nlp.sentences import sentences

if TYPE_CHECKING:
    from veille.extract.knowledge import Knowledge

# Confidence adjustments (see docs/events.md, "confidence"); set by reading the dev errors, not fitted.
PLACE_BONUS = 0.05  # the event has a town-level place
DATE_BONUS = 0.05  # the text dates the event
ACTOR_BONUS = 0.05  # the initiator is resolved
TOLL_BONUS = 0.05  # casualty figures are attached
REPORTED_PENALTY = 0.1  # journalistic conditional: "aurait été interpellé"
UNANCHORED_PENALTY = 0.1  # an ACLED event with neither place nor date in its sentence: often background
# Events below this confidence are not output. 0.5 keeps a plain trigger (0.55-0.85) with any anchor and
# drops the weak ones (AID, MOBILIZE: 0.4) unless a place or a date supports them; read off the dev errors.
MIN_CONFIDENCE = 0.5
NO_DATE_PLOVER = frozenset({"THREATEN"})  # a threat about the future is itself a present event

__all__ = ["extract_events", "find_event_candidates"]


def extract_events(
    mentions: Mentions, article_id: str, knowledge: Knowledge
) -> tuple[list[Event], list[AggregateClaim]]:
    """Extract the events of one article and the casualty totals that span several of them (the cascade of
    the module docstring)."""
    mentions = replace(mentions, country=event_country(mentions))
    view = DocView(mentions.doc)
    candidates = find_event_candidates(mentions, knowledge.events, view)  # steps 1-3
    drafts, aggregates = draft_events(candidates, mentions, view, knowledge)  # step 4
    carry_tolls(drafts, mentions, aggregates, view, knowledge.events)
    merged = merge_drafts(drafts)  # step 5
    merged = with_default_actors(merged, mentions, view, knowledge)  # step 6
    events = [to_event(draft, f"{article_id}-e{n}") for n, draft in enumerate(merged, start=1)]
    return [e for e in events if e.confidence >= MIN_CONFIDENCE], aggregates


def draft_events(
    candidates: list[Candidate], mentions: Mentions, view: DocView, knowledge: Knowledge
) -> tuple[list[Draft], list[AggregateClaim]]:
    """The drafts of every sentence's candidates, one group per event type, and the totals they announce."""
    drafts: list[Draft] = []
    aggregates: list[AggregateClaim] = []
    for _, group in groupby(candidates, key=lambda c: c.sent.start):
        for cands in _by_type(list(group)):
            found, aggregate = build_drafts(cands, mentions, view, knowledge)
            drafts.extend(found)
            if aggregate is not None and all(a.span != aggregate.span for a in aggregates):
                aggregates.append(aggregate)
    return drafts, aggregates


def with_default_actors(merged: list[Draft], mentions: Mentions, view: DocView, knowledge: Knowledge) -> list[Draft]:
    """The drafts with the actor1 the text leaves implicit: the group that claimed the violence, the one author
    the article names for events of that type, else the ACLED default (`participants.default_actor1`)."""
    lexicon, kb = knowledge.events, knowledge.actors
    claimant = claimant_of(mentions, lambda t: bool(lexicon.triggers_for(view.keys(t.i), view.stem[t.i])), kb)
    authors = named_authors([(draft.acled, draft.actor1) for draft in merged])
    for draft in merged:
        draft.actor1 = default_actor1(draft.acled, draft.actor1, mentions, kb, claimant, authors)
    return merged


def find_event_candidates(mentions: Mentions, lexicon: Lexicon, view: DocView) -> list[Candidate]:
    """The typed trigger candidates of an article that pass every scope rule, in text order."""
    article_conflict = view.count(lexicon.cues["ctx:conflict"], mentions.doc)
    kept: list[Candidate] = []
    for cand in find_candidates(view, lexicon):
        refine(cand, view, lexicon)
        reason = scope_reason(cand, view, lexicon, article_conflict)
        if reason == "negated" and cand.trigger.spec.when_negated and not negated_by_sans(cand.token, view, lexicon):
            cand.plover, cand.acled, reason = cand.trigger.spec.when_negated, None, None
        elif reason is not None and reason.startswith("not happened") and cand.plover == "ASSAULT":
            reason = _as_threat(cand, view, lexicon, reason)
        if reason is None:
            kept.append(cand)
    return kept


def _as_threat(cand: Candidate, view: DocView, lexicon: Lexicon, reason: str) -> str | None:
    """Violence a political actor announces or threatens ("elles entendaient poursuivre les attentats") is
    itself a THREATEN event, carried by the verb of intent; otherwise the candidate stays out (`reason`)."""
    governor = threat_governor(cand.token, view, lexicon)
    if governor is None or not has_political_actor(governor, view, lexicon):
        return reason
    if generic_reason(governor, view, lexicon):  # "menaçait depuis des mois de lancer": background
        return reason
    cand.token, cand.acled, cand.plover, cand.refined = governor, None, "THREATEN", False
    return None


def _by_type(cands: list[Candidate]) -> Iterator[list[Candidate]]:
    """Candidates of one sentence grouped by event type, in order of first appearance."""
    order: dict[str, list[Candidate]] = {}
    for cand in cands:
        host = instrument_event(cand, cands)
        order.setdefault(host.type_key if host is not None else cand.type_key, []).append(cand)
    violent = [key for key in order if key in VIOLENT_TYPES]
    specific = [key for key in violent if any(is_specific(c) for c in order[key])]
    if len(violent) > 1 and specific:  # "des attentats ont frappé X": one event, typed by the specific word
        for key in violent:
            if key not in specific:
                order[specific[0]].extend(order.pop(key))
    for group in order.values():
        yield from split_by_initiator(group)  # "X condamne ..., quand Y dénonçait ...": two interactions


def instrument_event(cand: Candidate, cands: list[Candidate]) -> Candidate | None:
    """Another candidate of the sentence named as this one's agent ("tué par un jet de pierre", "blessés par
    l'explosion d'une mine"): the killing is that event's outcome, not a second event."""
    agents = {t.i for phrase in agent_phrases(cand.token) for t in phrase}
    return next((other for other in cands if other is not cand and other.token.i in agents), None)


def representative(cands: list[Candidate]) -> Candidate:
    """The candidate that best says what the event is: a specific one first, then the most reliable."""
    return max(cands, key=lambda c: (c.trigger.spec.family != "violence", c.refined, c.confidence, -c.token.i))


# Families whose default type is only a guess ("une attaque", "une explosion"): context must confirm it.
GENERIC_FAMILIES = frozenset({"violence", "explosion"})


def is_specific(cand: Candidate) -> bool:
    """Typed by a context cue, or by a trigger more specific than a generic attack ("prise de contrôle")."""
    return cand.refined or cand.trigger.spec.family not in GENERIC_FAMILIES


def build_drafts(
    cands: list[Candidate], mentions: Mentions, view: DocView, knowledge: Knowledge
) -> tuple[list[Draft], AggregateClaim | None]:
    """One draft per place for one sentence's candidates of one type, and the total their sentence gives
    (a toll shared by several places, or announced as a total), in numbered steps."""
    rep = representative(cands)
    span = view.sentences.segment(rep.token)
    # 1. a generic attack takes its type from its victims when no context cue typed it
    if not any(c.refined for c in cands):
        victims = [c.victims for c in casualties_in(mentions, *span) if c.victims and not c.negated]
        type_by_victims(rep, victims, knowledge.events)
    # 2. its date; dated after publication, it is planned, not happened
    date = event_date(mentions, view, rep.token)
    if is_planned(date, rep.plover, mentions.published):
        return [], None
    # 3. its places: one event per town when the sentence lists several
    sent = rep.sent
    places = choose_places(mentions, rep.token, span, knowledge.places.unnamed_sites,
                           actor_spans(cands) + passive_agents(sent), interaction=rep.acled is None)
    # 4. its toll, and the total the sentence gives
    sources = sources_for(mentions.attributions, *span)
    toll, aggregate = sentence_toll(rep, span, places, sources, mentions, view, knowledge.events)
    # 5. its actors, and what the merge needs to know of how it was told
    actor1, actor2 = _actors_of(rep, cands, mentions, knowledge)
    told = Draft(
        acled=rep.acled, plover=rep.plover, date=date, location=None, actor1=actor1, actor2=actor2, toll=toll,
        evidence=view.text[span[0]:span[1]], evidence_span=span, confidence=rep.confidence,
        specific=is_specific(rep), sentence_start=sent.start_char,
        anaphoric=refers_back(rep, cands, view, knowledge.events),
        demonstrative=rep.acled is not None and all(is_demonstrative(c.token) for c in cands),
    )
    # 6. one draft per place, each with the date and figures of its own item of a list
    at: list[PlaceMention | None] = list(places) or [None]  # no place: one draft at the article's country
    drafts = [draft_at(told, place, places, rep, sources, mentions, view) for place in at]
    link_siblings(drafts)
    return drafts, aggregate


def refers_back(rep: Candidate, cands: list[Candidate], view: DocView, lexicon: Lexicon) -> bool:
    """Whether every trigger of the event refers to an event already told ("l'attaque", "Paris condamne
    l'offensive", "les combats se poursuivaient"); "ouvrir le feu", "prendre le contrôle": the article
    belongs to an idiom, not to an anaphor."""
    return rep.acled is not None and all(
        (is_anaphoric(c.token) and not c.trigger.with_cues) or is_statement_topic(c.token, view, lexicon)
        or continues_event(c.token, view, lexicon) for c in cands)


def is_planned(date: EventDate, plover: str, published: dt.date) -> bool:
    """An event the text dates after publication is planned (a threat about the future is itself an event)."""
    return date.precision != "unknown" and date.value > published.isoformat() and plover not in NO_DATE_PLOVER


def sentence_toll(
    rep: Candidate, span: tuple[int, int], places: list[PlaceMention], sources: list[str], mentions: Mentions,
    view: DocView, lexicon: Lexicon,
) -> tuple[Toll, AggregateClaim | None]:
    """The toll of the event told in `span`, and the aggregate claim when the sentence's figures are a total:
    spread over several places, or announced by a total cue ("sur un bilan total de 11")."""
    casualties = casualties_in(mentions, *span)
    # Only violence has a toll: an arrest or an abduction reported next to a death did not cause it.
    if len(places) > 1:  # the total is the figure outside every town's own item ("52 soldats : 12 à Koro, ...")
        items = [list_item(view.text, span, place) for place in places]
        outside = [c for c in casualties if not any(start <= c.start < end for start, end in items)]
        casualties = outside or casualties
    sent = rep.sent
    own: list[Casualty] = []
    cue = view.find(lexicon.cues["aggregate_cues"], sent.start, sent.end)
    if cue is not None and len(places) <= 1:  # "deux sont mortes à X, ... sur un bilan total de 11"
        own, casualties = split_total(casualties, view.doc[cue].idx)
    bears = has_toll(rep.acled, rep.plover)
    toll = toll_from(casualties, rep.token.idx, sources) if bears else Toll(sources=sources)
    is_total = len(places) > 1 or cue is not None
    if not (is_total and (toll.fatalities or toll.injured)):
        return toll, None
    aggregate = AggregateClaim(text=view.text[span[0]:span[1]], fatalities=toll.fatalities, injured=toll.injured,
                               sources=sources, span=span)
    return (toll_from(own, rep.token.idx, sources) if own and bears else Toll(sources=sources)), aggregate


def draft_at(
    told: Draft, place: PlaceMention | None, places: list[PlaceMention], rep: Candidate, sources: list[str],
    mentions: Mentions, view: DocView,
) -> Draft:
    """The sentence's draft (`told`) at one place; of a list of places, with the date and the figures of its
    own item ("12 morts à Koro le 3 mars, 40 le 9 avril à Djenné")."""
    location = to_location(place, mentions.country if rep.acled else None)
    own_date, own_toll = told.date, Toll(**vars(told.toll)) if len(places) > 1 else told.toll
    if len(places) > 1 and place is not None:
        item = list_item(view.text, told.evidence_span, place)
        own_date = date_in(mentions, item) or told.date
        if has_toll(rep.acled, rep.plover):
            figures = casualties_in(mentions, *item)
            if any(c.value is not None for c in figures):
                own_toll = toll_from(figures, place.start, sources)
    confidence = _confidence(rep, location, own_date.precision, told.actor1, own_toll)
    return replace(told, location=location, date=own_date, toll=own_toll, confidence=confidence)


def link_siblings(drafts: list[Draft]) -> None:
    """Drafts split from one sentence by place know each other (a later toll is not carried to them)."""
    if len(drafts) > 1:
        ids = {id(d) for d in drafts}
        for draft in drafts:
            draft.siblings = ids - {id(draft)}


# Crowd violence has victims too ("des heurts entre manifestants et policiers ont fait deux morts").
TOLL_TYPES = frozenset({"Riots"})
TOLL_SUBTYPES = frozenset({"Excessive force against protesters"})


def has_toll(acled: tuple[str, str] | None, plover: str) -> bool:
    """Whether casualty figures belong to an event of this type: violence, riots, force against protesters;
    an arrest or an abduction reported next to a death did not cause it."""
    if plover == "ASSAULT":
        return True
    return acled is not None and (acled[0] in TOLL_TYPES or acled[1] in TOLL_SUBTYPES)


def date_in(mentions: Mentions, item: tuple[int, int]) -> EventDate | None:
    """The date stated inside one item of a list ("40 morts le 9 avril à Djenné"), if one."""
    for mention in mentions.dates:
        if item[0] <= mention.start and mention.end <= item[1] and mention.value <= mentions.published.isoformat():
            return EventDate(value=mention.value, precision=mention.precision, text=mention.text, mention=mention)
    return None


def actor_spans(cands: list[Candidate]) -> list[tuple[int, int]]:
    """Character spans of the head words of the triggers' agent phrases (and a political interaction's target):
    a capital named as actor ("menée par Ankara", "Paris condamne", "accuse Kiev") is not where the event
    happened ("un jet de pierre en Cisjordanie" is)."""
    spans = []
    for cand in cands:
        # a political interaction's target is an actor too ("accuse Kiev de ..."); violence's is its scene
        phrases = agent_phrases(cand.token) + (patient_phrases(cand.token) if cand.acled is None else [])
        for phrase in phrases:
            inside = {t.i for t in phrase}
            for root in (t for t in phrase if t.head.i not in inside or t.head is t):  # the phrase's head word
                spans.append((root.idx, root.idx + len(root.text)))
    return spans


def passive_agents(sent) -> list[tuple[int, int]]:
    """Character spans of the named agents of the sentence's participles ("la troisième opération menée par
    Ankara"): whoever carries out an action is its actor, whichever trigger the event comes from. A common
    noun after "par" is often a path ("évacués par le point de passage de Rafah"): kept as a place."""
    spans = []
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.head.pos_ == "VERB" and "Part" in tok.head.morph.get("VerbForm", []) and any(
                c.dep_ == "case" and c.lower_ == "par" for c in tok.children):
            spans.append((tok.idx, tok.idx + len(tok.text)))
    return spans


def carry_tolls(
    drafts: list[Draft], mentions: Mentions, aggregates: list[AggregateClaim], view: DocView, lexicon: Lexicon
) -> None:
    """A toll told in a sentence with no event of its own ("Le bilan s'élève à 21 morts", "Trois soldats ont
    péri") belongs to the violent event reported just before it, unless that sentence was split by town; with
    a total cue ("43 morts dans au moins trois villes") it is an aggregate claim, no one event's toll."""
    violent = [d for d in drafts if has_toll(d.acled, d.plover) and not d.siblings]
    covered = [d.evidence_span for d in drafts] + [a.span for a in aggregates if a.span]
    spans = [d.evidence_span for d in violent]
    for casualty in orphan_casualties(mentions, covered):
        segment = segment_at(mentions, casualty.start)
        extra = toll_from([casualty], casualty.start, sources_for(mentions.attributions, *segment))
        tokens = mentions.doc.char_span(*segment, alignment_mode="expand")
        sent = view.sentence(tokens[0]) if tokens is not None and len(tokens) else None
        if sent is not None and view.has(lexicon.cues["aggregate_cues"], sent.start, sent.end):
            add_aggregate(aggregates, view.text, segment, extra)
            continue
        n = nearest_before(spans, casualty.start)
        if n is not None:
            merge_toll(violent[n].toll, extra)
    carry_anaphor_tolls(drafts, mentions)


def add_aggregate(aggregates: list[AggregateClaim], text: str, segment: tuple[int, int], toll: Toll) -> None:
    """Record a total told in `segment`, completing the claim of the same sentence if there is one."""
    for n, claim in enumerate(aggregates):
        if claim.span == segment:
            aggregates[n] = claim.model_copy(update={
                "fatalities": claim.fatalities if claim.fatalities is not None else toll.fatalities,
                "injured": claim.injured if claim.injured is not None else toll.injured})
            return
    aggregates.append(AggregateClaim(text=text[segment[0]:segment[1]], fatalities=toll.fatalities,
                                     injured=toll.injured, sources=toll.sources, span=segment))


def carry_anaphor_tolls(drafts: list[Draft], mentions: Mentions) -> None:
    """A toll told about an earlier event through a word that bears none ("47 gendarmes ont été blessés en
    marge du rassemblement", after the riot was told): the figures go to the latest event of the same PLOVER
    code that bears a toll, however far back, unless an event of the sentence bears them itself."""
    bearing = [d for d in drafts if has_toll(d.acled, d.plover)]
    for draft in drafts:
        if not draft.anaphoric or has_toll(draft.acled, draft.plover):
            continue
        if any(d.evidence_span == draft.evidence_span for d in bearing):
            continue
        figures = casualties_in(mentions, *draft.evidence_span)
        antecedent = next((d for d in reversed(bearing) if d.plover == draft.plover
                           and d.evidence_span[1] <= draft.evidence_span[0]), None)
        if figures and antecedent is not None:
            merge_toll(antecedent.toll, toll_from(figures, draft.evidence_span[0], draft.toll.sources))


def segment_at(mentions: Mentions, char: int) -> tuple[int, int]:
    """The sentence segment (`Sentences.segment`) holding character `char`."""
    token = mentions.doc.char_span(char, char + 1, alignment_mode="expand")
    root = token[0] if token is not None and len(token) else mentions.doc[0]
    return sentences(mentions.doc).segment(root)


def _actors_of(rep: Candidate, cands: list[Candidate], mentions: Mentions, knowledge: Knowledge):
    """actor1 and actor2 from the representative trigger, else from the other triggers of the same event
    ("des tirs d'artillerie turcs ont visé": the noun names the weapon, the verb's subject the author)."""
    actor1 = actor2 = None
    for cand in [rep, *(c for c in cands if c is not rep)]:
        found1, found2 = event_actors(cand.token, rep.acled, mentions, knowledge.actors, knowledge.events)
        actor1, actor2 = actor1 or found1, actor2 or found2
        if actor1 is not None and actor2 is not None:
            break
    return actor1, actor2


def _confidence(rep: Candidate, location, date_precision: str, actor1, toll: Toll) -> float:
    score = rep.confidence
    if location is not None and location.precision in ("exact", "near"):
        score += PLACE_BONUS
    if date_precision != "unknown":
        score += DATE_BONUS
    if actor1 is not None:
        score += ACTOR_BONUS
    if toll.fatalities is not None or toll.injured is not None:
        score += TOLL_BONUS
    if rep.reported:
        score -= REPORTED_PENALTY
    unanchored = (location is None or location.precision == "country") and date_precision == "unknown"
    if rep.acled is not None and unanchored:
        score -= UNANCHORED_PENALTY
    return score


def to_event(draft: Draft, event_id: str) -> Event:
    """The public record of a merged draft."""
    toll = draft.toll
    confidence = round(min(0.99, max(0.05, draft.confidence + repeat_bonus(draft))), 3)
    return Event(
        event_id=event_id,
        acled=AcledType(event_type=draft.acled[0], sub_event_type=draft.acled[1]) if draft.acled else None,
        plover=cast(Plover, draft.plover),
        date=draft.date.value, date_precision=draft.date.precision, date_text=draft.date.text,
        location=draft.location, actor1=draft.actor1, actor2=draft.actor2,
        fatalities=toll.fatalities, injured=toll.injured,
        fatalities_low=toll.fatalities_low, fatalities_high=toll.fatalities_high,
        fatalities_approx=toll.fatalities_approx, injured_approx=toll.injured_approx,
        sources=toll.sources, claims=toll.claims,
        evidence=draft.evidence, evidence_span=draft.evidence_span, confidence=confidence,
    )
