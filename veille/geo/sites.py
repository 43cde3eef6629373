"""Sites named by their noun alone ("sur le trajet", "dans la prison"), placed at the town named just before.

Why: news names the town once ("le convoi a rejoint la ville de Djibo"), then the site alone ("sept mines
avaient été désamorcées sur le trajet"); the event of the second sentence happened at that town. A wrong point
is worse than none, so the rule is narrow: a definite site noun without its own complement, in a sentence
naming no place, and the previous sentences name exactly one town (mentions within SAME_TOWN_KM are one town).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from veille.geo.resolver import Resolution, as_near, distance_km

WINDOW_SENTENCES = 2  # how far back the town may be named
SAME_TOWN_KM = 25.0
MIN_TOWN_SCORE = 0.9  # the town referred to must itself be a sure reading
DEFINITE = frozenset({"le", "la", "l'", "l’"})
COMPLEMENT = frozenset({"de", "du", "d'", "d’", "des"})  # "la prison de Kandahar": named, handled elsewhere


def unnamed_sites(doc: Doc, placed: list[tuple[int, Resolution]],
                  nouns: frozenset[str]) -> list[tuple[int, Resolution]]:
    """(token index, resolution near the town) for each site noun that refers back to the one recent town.

    `placed`: (token index, resolution) of the article's place mentions; `nouns`: the site nouns that may
    refer back (geo_place_types.yaml, `unnamed_sites`).
    """
    towns = [(i, res) for i, res in placed if res.level == "place" and res.lat is not None
             and res.score >= MIN_TOWN_SCORE]
    if not towns:
        return []
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]
    busy = {_sentence_of(starts, i) for i, _ in placed}
    found = []
    for k, sent in enumerate(sentences):
        if k in busy:
            continue
        for token in sent:
            if not _refers_back(doc, token.i, nouns):
                continue
            window = [res for i, res in towns if k - WINDOW_SENTENCES <= _sentence_of(starts, i) < k]
            if window and _one_town(window):
                found.append((token.i, as_near(window[-1], f"{token.text!r} refers to the town named just before")))
            break  # one site per sentence
    return found


def _refers_back(doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    token = doc[i]
    if token.lower_ not in nouns or token.pos_ != "NOUN" or i == 0 or doc[i - 1].lower_ not in DEFINITE:
        return False
    if i + 1 >= len(doc):
        return True
    after = doc[i + 1]  # "la prison de Kandahar", "l'hôpital Tenon": a named site, not a reference back
    return after.lower_ not in COMPLEMENT and not after.text[:1].isupper()


def _one_town(window: list[Resolution]) -> bool:
    last = window[-1]
    return all(distance_km(r.lat, r.lon, last.lat, last.lon) <= SAME_TOWN_KM for r in window)


def _sentence_of(starts: list[int], i: int) -> int:
    return bisect_right(starts, i) - 1
