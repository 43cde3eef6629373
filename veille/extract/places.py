"""Toponyms in articles, resolved with the offline gazetteer.

A numbered cascade:
1. candidate names: spaCy's LOC/GPE/MISC entities, and capitalised runs the gazetteer knows that spaCy missed
   (or mislabelled as a person or organisation) when a locative word introduces them ("à Djibo");
2. site phrases around a name: "le camp de déplacés de Kalma", "le pont Sidi, à l'entrée de Mopti",
   "la région de Tillabéri", "le nord de la Syrie";
3. resolution in two passes: first each name alone, then again with what the confident first answers say
   about the article (its countries, the dateline, the resolved points).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from veille.geo.landmarks import LandmarkLexicon, LandmarkMatch, find_landmarks, landmark_town
from veille.geo.lexicon import PlaceLexicon
from veille.geo.normalize import name_key
from veille.geo.resolver import Resolution, ResolveContext, Resolver, as_near
from veille.geo.sites import unnamed_sites
from veille.geo.store import COUNTRY, KIND_CURATED
from veille.lang.fr.words import DE_FORMS, DEFINITE_ARTICLES, with_typographic
from veille.model import PlaceMention

NER_PLACE_LABELS = frozenset({"LOC", "GPE"})
# Words that introduce a place ("à Djibo", "en Syrie"): required before a name spaCy did not tag as a place.
LOCATIVES = frozenset({"à", "au", "aux", "en", "de", "d'", "du", "des", "près", "vers", "dans", "sur", "depuis",
                       "entre", "jusqu'", "par", "et"})
STRONG_LOCATIVES = frozenset({"à", "au", "aux", "en", "vers", "dans", "près"})  # enough on their own
DETERMINERS = DEFINITE_ARTICLES
DE_WRITTEN = with_typographic(DE_FORMS)  # de, d', d’, du, des: compared with raw token texts
CONNECTORS = frozenset({"-", "de", "du", "des", "al", "el", "ez", "ed", "es", "sur", "en", "la", "le", "les", "d'"})
# Capitalised prepositions opening a sentence are not part of a name ("À Djibo", "Dans Alep").
LEADING_PREPOSITIONS = frozenset({"à", "au", "aux", "en", "dans", "de", "du", "des", "d'", "vers", "sur", "par",
                                  "selon", "depuis", "pour", "avec", "chez", "entre", "après", "avant", "près"})
MAX_NAME_TOKENS = 6
MAX_MODIFIERS = 5
# Confidence needed for a name found only by the gazetteer (spaCy did not tag it as a place).
MIN_UNTAGGED_SCORE = 0.85
MIN_UNTAGGED_POPULATION = 1000
# A name spaCy tagged as a place elsewhere in the article, found untagged with no locative, is kept only for
# a town this large (spaCy's stray place tags on small namesakes must not spread).
MIN_RECOVERED_POPULATION = 50000
# First-pass answers this sure feed the article context of the second pass.
CONTEXT_MIN_SCORE = 0.9
DATELINE_TOKENS = 3  # a name within the first tokens, followed by "(", ",", "-" or ":", is the dateline
DATELINE_FOLLOWERS = frozenset({"(", ",", "-", "—", "–", ":"})


@dataclass
class Candidate:
    """A name span (token indices) and, once found, its site phrase and resolution."""

    start: int
    end: int
    tagged: bool  # spaCy tagged it as a place (LOC/GPE)
    label: str
    site_start: int | None = None
    site_end: int | None = None
    site_kind: str | None = None  # "site" | "region" | "direction" | "road" | "named_site" | "elsewhere"
    resolution: Resolution | None = None
    landmark: LandmarkMatch | None = None  # a landmark or institution of geo_landmarks.yaml


def find_places(doc: Doc, resolver: Resolver, lexicon: PlaceLexicon, landmark_lexicon: LandmarkLexicon
                ) -> list[PlaceMention]:
    """Every toponym mention of `doc`, resolved (or left unresolved when the gazetteer cannot say)."""
    candidates = find_name_spans(doc, resolver, lexicon)
    landmarks = find_landmarks(doc, landmark_lexicon, lambda name: country_code(resolver, name))
    candidates = with_landmarks(candidates, landmarks)
    for cand in candidates:
        if cand.site_kind is None:
            attach_site(doc, cand, lexicon)
    context = resolve_candidates(doc, candidates, resolver, landmark_lexicon)
    kept = drop_covered(keep_credible(doc, candidates, context, lexicon))
    placed = [(c.start, c.resolution) for c in kept if c.resolution is not None]
    for i, resolution in unnamed_sites(doc, placed, lexicon.unnamed_sites):
        kept.append(Candidate(i, i + 1, True, "", resolution=resolution))
    return to_mentions(doc, sorted(kept, key=lambda c: c.start))


# 1. candidate names -----------------------------------------------------------------------------------------

def _is_capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and (token.is_alpha or "-" in text or "'" in text or "’" in text)


def _capitalised_text(text: str) -> bool:
    return text[:1].isupper() and (text.isalpha() or "-" in text or "'" in text or "’" in text)


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by name connectors ("Ras al-Aïn", "Port-au-Prince").

    Works on the token strings (read once through spaCy's arrays): no Token object per token.
    """
    strings = doc.vocab.strings
    texts = [strings[h] for h in doc.to_array(ORTH).tolist()]
    lowers = [text.lower() for text in texts]
    caps = [_capitalised_text(text) for text in texts]
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not caps[i] or lowers[i] in LEADING_PREPOSITIONS or (
            lowers[i] == "a" and doc[i].is_sent_start  # "A Belgrade, ...": "À" written without its accent
        ):
            i += 1
            continue
        j = i + 1
        while j < n:
            if caps[j]:
                j += 1
                continue
            k = j
            while k < n and k - j < 3 and lowers[k] in CONNECTORS:  # "al", "-", "de la"
                k += 1
            if k > j and k < n and caps[k]:
                j = k + 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _name_spans_in_run(doc: Doc, start: int, end: int, resolver: Resolver, lexicon: PlaceLexicon):
    """Split a run into the longest names the gazetteer knows, left to right."""
    i = start
    while i < end:
        if doc[i].lower_ in DETERMINERS and i + 1 < end:  # "La Turquie": the name starts after the article,
            whole = doc[i:end].text  # unless the article belongs to it ("Le Caire", "La Haye")
            if not resolver.candidates(name_key(whole)):
                i += 1
                continue
        for j in range(min(end, i + MAX_NAME_TOKENS), i, -1):
            text = doc[i:j].text
            if text in lexicon.not_places or doc[j - 1].lower_ in CONNECTORS:
                continue
            if resolver.lookup(text):
                yield i, j
                i = j
                break
        else:
            i += 1


def _follows_place_noun(doc: Doc, start: int, lexicon: PlaceLexicon) -> bool:
    """ "la ville de X", "la région de X", "le camp de X": X is a place whatever spaCy thinks."""
    if start < 2 or doc[start - 1].lower_ not in {"de", "d'", "du"}:
        return False
    noun = doc[start - 2].lower_
    return noun in lexicon.towns or noun in lexicon.regions or noun in lexicon.sites


def find_name_spans(doc: Doc, resolver: Resolver, lexicon: PlaceLexicon) -> list[Candidate]:
    """Name spans from spaCy's entities and from the gazetteer, without overlaps."""
    labels: dict[int, str] = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            labels[k] = ent.label_
    found: list[Candidate] = []
    for start, end in _runs(doc):
        label = labels.get(start, "") or labels.get(end - 1, "")
        tagged = label in NER_PLACE_LABELS
        spans = list(_name_spans_in_run(doc, start, end, resolver, lexicon))
        if not spans and doc[start:end].text not in lexicon.not_places and (
            tagged or _follows_place_noun(doc, start, lexicon)
        ):
            spans = [(start, end)]  # no exact name: kept for a near-miss match, or left unresolved
            tagged = True
        site = named_site(doc, start, end, spans, resolver, lexicon) if tagged else None
        if site is not None:
            found.append(site)
            continue
        for s, e in spans:  # a part of a tagged run ("Royal" of "Palais Royal") must prove itself
            found.append(Candidate(s, e, tagged and s == start, labels.get(s, "")))
    return found


def named_site(doc: Doc, start: int, end: int, spans: list[tuple[int, int]], resolver: Resolver,
               lexicon: PlaceLexicon) -> Candidate | None:
    """A place-tagged run "<Site> de <Town>" whose head is no town ("Notre-Dame de Paris"): a site of the town.

    Streets, gates and stations named after another town ("rue de Rome", "gare de Lyon") are left out.
    """
    if not spans or spans[-1][1] != end or doc[start].lower_ in lexicon.named_after:
        return None
    s = spans[-1][0]
    while s < end and doc[s].lower_ in DE_WRITTEN | DETERMINERS:
        s += 1  # the span may start with its particle ("de Paris")
    link = s - 1
    while link > start and doc[link].lower_ in DETERMINERS:
        link -= 1
    if s >= end or link <= start or doc[link].lower_ not in DE_WRITTEN:
        return None
    tail = doc[s:end]
    if tail.text in lexicon.not_places or any(t.lower_ in lexicon.directions for t in tail):
        return None  # "Amérique du Sud", "Caucase du Nord": not a town
    head = resolver.resolve(doc[start:link].text)
    if head is not None and head.level != COUNTRY:
        return None  # the head is a place itself ("Saint-Denis de la Réunion")
    return Candidate(s, end, True, "LOC", site_start=start, site_end=end, site_kind="named_site")


def with_landmarks(candidates: list[Candidate], landmarks: list[LandmarkMatch]) -> list[Candidate]:
    """Landmark matches replace the name candidates they overlap ("Palais" and "Royal" of "Palais Royal")."""
    if not landmarks:
        return candidates
    spans = [(m.start, m.end) for m in landmarks]
    kept = [c for c in candidates if not any(c.start < e and s < c.end for s, e in spans)
            and not (c.site_start is not None and c.site_end is not None
                     and any(c.site_start < e and s < c.site_end for s, e in spans))]
    kept += [Candidate(m.start, m.end, True, "LOC", landmark=m) for m in landmarks]
    return sorted(kept, key=lambda c: c.start)


def country_code(resolver: Resolver, name: str) -> str | None:
    """The ISO-2 code when `name` is a country's French name ("Mali", "la Turquie"), else None."""
    for cand in resolver.lookup(name):
        if cand.level == COUNTRY and cand.kind == KIND_CURATED:
            return cand.country
    return None


# 2. site phrases --------------------------------------------------------------------------------------------

def _link_before(doc: Doc, i: int, lexicon: PlaceLexicon) -> int | None:
    """Index of the token before a link phrase ending at token i, or None when there is no link."""
    for link in lexicon.links:
        n = len(link)
        if i - n + 1 >= 0 and all(doc[i - n + 1 + k].lower_ == word for k, word in enumerate(link)):
            return i - n
    return None


def _site_noun(token: Token, lexicon: PlaceLexicon) -> str | None:
    lower = token.lower_
    if lower in lexicon.sites:
        return "site"
    if lower in lexicon.regions:
        return "region"
    if lower in lexicon.directions:
        return "direction"
    return None


def attach_site(doc: Doc, cand: Candidate, lexicon: PlaceLexicon) -> None:
    """Extend a name to its site phrase when a site, region or direction noun governs it."""
    i = cand.start - 1
    if i >= 0 and doc[i].lower_ in lexicon.roads:  # "l'axe Djibo-Bourzanga"
        end = cand.end
        while end + 1 < len(doc) and doc[end].text in {"-", "–"} and _is_capitalised(doc[end + 1]):
            end += 2
        cand.site_start, cand.site_end, cand.site_kind = i, end, "road"
        return
    while i >= 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    j = _link_before(doc, i, lexicon) if i >= 0 else None
    if j is None or j < 0:
        return
    named_site = False
    if doc[j].text == ",":  # "pont Sidi, à l'entrée de Mopti"
        j -= 1
        while j >= 0 and _is_capitalised(doc[j]):
            j -= 1
            named_site = True
        if not named_site:
            return
    for k in range(j, max(-1, j - MAX_MODIFIERS - 1), -1):
        kind = _site_noun(doc[k], lexicon)
        if kind is not None and doc[k].lower_ in lexicon.named_after and not named_site:
            kind = "elsewhere"  # "rue de Rome", "gare de Lyon": named after a town, not in it
        if kind is not None:
            cand.site_start, cand.site_end, cand.site_kind = k, cand.end, kind
            return
        if named_site or doc[k].lower_ not in lexicon.modifiers:
            return


# 3. resolution ----------------------------------------------------------------------------------------------

def _dateline_country(doc: Doc, candidates: list[Candidate]) -> str | None:
    for cand in candidates:
        if _is_dateline(doc, cand):
            return cand.resolution.country if cand.resolution else None
    return None


def _resolve_landmark(cand: Candidate, resolver: Resolver, context: ResolveContext,
                      landmarks: LandmarkLexicon) -> Resolution | None:
    if cand.landmark is None:
        return None
    town, why = landmark_town(cand.landmark, landmarks, context.countries)
    if town is None:
        return None
    resolution = resolver.resolve(town.town, country=town.country or None)
    if resolution is None or resolution.level != "place":
        return None
    return as_near(resolution, why)


def _resolve_one(doc: Doc, cand: Candidate, resolver: Resolver, context: ResolveContext,
                 landmarks: LandmarkLexicon) -> Resolution | None:
    if cand.landmark is not None:
        return _resolve_landmark(cand, resolver, context, landmarks)
    if cand.site_kind == "elsewhere":
        return None
    text = doc[cand.start:cand.end].text
    prefer = "admin1" if cand.site_kind == "region" else None
    resolution = resolver.resolve(text, context=context, prefer=prefer)
    if resolution is None and cand.site_kind == "road":
        return None
    if cand.site_kind == "named_site":  # only a town of a country the article is about
        if resolution is None or resolution.level != "place" or not (
            context.countries.get(resolution.country) or resolution.country == context.dateline_country
        ):
            return None
        phrase = doc[cand.site_start:cand.site_end].text
        return as_near(resolution, f"named site {phrase!r} of the town")
    if resolution is not None and cand.site_kind in {"site", "road"} or (
        resolution is not None and cand.site_kind in {"region", "direction"} and resolution.level == "place"
    ):
        phrase = doc[cand.site_start:cand.site_end].text
        return as_near(resolution, f"site phrase {phrase!r} at the town")
    return resolution


def resolve_candidates(doc: Doc, candidates: list[Candidate], resolver: Resolver,
                       landmarks: LandmarkLexicon) -> ResolveContext:
    """Resolve each name twice: alone, then with the article context the first answers give."""
    context = ResolveContext()
    for cand in candidates:
        cand.resolution = _resolve_one(doc, cand, resolver, ResolveContext(), landmarks)
        # only names spaCy tagged as places speak for the article (an untagged "Sud" may be a Swiss village)
        # nor do names matched only by a near-miss or a foreign alternate name ("Mambasa" is also Mombasa)
        if (cand.tagged and cand.resolution is not None and cand.resolution.score >= CONTEXT_MIN_SCORE
                and not cand.resolution.weak_name):
            context.add(cand.resolution)
    context.dateline_country = _dateline_country(doc, candidates)
    if context.dateline_country:
        context.countries[context.dateline_country] += 1
    for cand in candidates:
        cand.resolution = _resolve_one(doc, cand, resolver, context, landmarks)
    return context


def _is_dateline(doc: Doc, cand: Candidate) -> bool:
    """ "DAMAS (AFP) -", "Bamako, 3 mai": a name opening the text, written as datelines are.

    A name spaCy did not tag must be in capitals or followed by "(" ("Chris Stevens, la mère..." is no dateline).
    """
    if cand.start >= DATELINE_TOKENS or cand.end >= len(doc) or doc[cand.end].text not in DATELINE_FOLLOWERS:
        return False
    if any(t.is_alpha for t in doc[:cand.start]):
        return False
    return cand.tagged or doc[cand.start:cand.end].text.isupper() or doc[cand.end].text == "("


def _introduced_as_place(doc: Doc, cand: Candidate, lexicon: PlaceLexicon, weak_ok: bool) -> bool:
    """A locative ("à Djibo"), a town noun ("la ville de Tal Abyad") or, if `weak_ok`, "de"/"sur"/... before."""
    i = cand.start - 1
    before = doc[i].lower_ if i >= 0 else ""
    if before in STRONG_LOCATIVES or (weak_ok and before in LOCATIVES):
        return True
    return before in {"de", "d'"} and i > 0 and doc[i - 1].lower_ in lexicon.towns


def keep_credible(doc: Doc, candidates: list[Candidate], context: ResolveContext,
                  lexicon: PlaceLexicon) -> list[Candidate]:
    """Names spaCy did not tag as places are kept only when a locative introduces a sure, sizeable place.

    After a weak locative ("de", "sur", "et"), the place must also be a country or lie in a country the
    article is about ("le ministre de l'Intérieur" must not become a town called Intérieur).
    """
    kept = []
    tagged_places = {name_key(doc[c.start:c.end].text): c.resolution.geonameid for c in candidates
                     if c.tagged and c.resolution is not None and c.resolution.level == "place"
                     and c.site_kind is None and c.landmark is None}
    for cand in candidates:
        res = cand.resolution
        if (cand.landmark is not None or cand.site_kind in {"named_site", "elsewhere"}) and res is None:
            continue  # an institution of no clear country, a site of an unknown town: no mention
        if cand.tagged or (res is not None and _is_dateline(doc, cand)):
            kept.append(cand)
            continue
        if res is None or res.score < MIN_UNTAGGED_SCORE:
            continue
        if _stands_alone(doc, cand) and res.population >= MIN_RECOVERED_POPULATION and (
            tagged_places.get(name_key(doc[cand.start:cand.end].text), -1) == res.geonameid
        ):
            kept.append(cand)  # spaCy tagged the same name as a place elsewhere in the article
            continue
        if res.level == "place" and 0 < res.population < MIN_UNTAGGED_POPULATION:  # 0: unknown
            continue
        in_context = res.level == "country" or context.countries.get(res.country, 0) >= 2
        weak_ok = in_context and cand.label != "PER"
        if cand.site_kind is None and not _introduced_as_place(doc, cand, lexicon, weak_ok):
            continue
        kept.append(cand)
    return kept


def _stands_alone(doc: Doc, cand: Candidate) -> bool:
    """Not part of a longer capitalised name ("Florence" of "Florence Parly"), not opening its sentence."""
    before = doc[cand.start - 1] if cand.start > 0 else None
    after = doc[cand.end] if cand.end < len(doc) else None
    return (before is not None and not doc[cand.start].is_sent_start and not _is_capitalised(before)
            and (after is None or not _is_capitalised(after)))


def drop_covered(candidates: list[Candidate]) -> list[Candidate]:
    """Remove names inside another candidate's site phrase (the named site "Sidi" of "pont Sidi, ...")."""
    spans = [(c.site_start, c.site_end) for c in candidates
             if c.site_start is not None and c.site_end is not None and c.resolution]
    return [c for c in candidates
            if not any(s <= c.start and c.end <= e and not (s == c.site_start and e == c.site_end) for s, e in spans)]


def to_mentions(doc: Doc, candidates: list[Candidate]) -> list[PlaceMention]:
    mentions = []
    for cand in candidates:
        res = cand.resolution
        use_site = res is not None and cand.site_start is not None
        span = doc[cand.site_start:cand.site_end] if use_site else doc[cand.start:cand.end]
        fields = res.fields() if res else {}
        mentions.append(PlaceMention(
            text=span.text, start=span.start_char, end=span.end_char, **fields,
            reason=res.reason if res else "not in the gazetteer, or too ambiguous to place",
        ))
    return mentions
