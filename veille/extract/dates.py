"""French temporal expressions, resolved against the publication date (TIMEX3 values), and event dates.

Detection is a set of patterns compiled from resources/fr/temporal.yaml, run over the text; overlapping
matches keep the longest. Resolution reads the clause's tense from the parse (veille.extract.temporal) and
what the text said before: the day "la veille"/"le lendemain" count from, the full date a timeline passage is
told from ("Le 20 janvier 2018, ... Le 18 mars, ..." -> 2018).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from spacy.tokens import Doc, Span, Token

from veille.extract.mentions import EventDate
from veille.extract.temporal.calendar import Tense, first_day, timex
from veille.extract.temporal.lexicon import Lexicon
from veille.extract.temporal.resolve import Context, Resolved, resolve
from veille.extract.temporal.tense import clause_verb, span_tense
from veille.lang.fr.text import normalise
from veille.model import DateMention
from veille.nlp.sentences import sentences

# The word before a bare four-digit year, looked at to reject "les années 1990", "n° 2014".
WORD_BEFORE = re.compile(r"(\S+)\s*$")
BARE_MONTH_GATES = ("lead", "boundary", "month_word", "year", "direction")
# "la veille" / "le lendemain" count from a day mentioned at most this many characters before (about two
# sentences); further away they count from publication ("83 décès depuis la veille" in a daily report).
ANCHOR_REACH_CHARS = 300
# A day-month date without a year takes the year of a full date ("Le 14 avril 2019") in the same paragraph at
# most this many sentences before (a timeline), if that year is at most this old (so a birth date, "né le 2 mai
# 1962", does not date the arrest told next). Only full dates anchor: "en 2017" or "depuis février 2017" in
# passing are background, and the story goes on at publication time.
YEAR_ANCHOR_SENTENCES = 2
YEAR_ANCHOR_MAX_AGE_YEARS = 10
DAYS_PER_WEEK = 7


@dataclass(frozen=True)
class Match:
    """One pattern match: the mention's offsets (a leading `lead` word excluded) and its named groups."""

    start: int
    end: int
    pattern: str
    groups: dict[str, str]


def find_matches(text: str, lex: Lexicon) -> list[Match]:
    """Every pattern's matches, then the longest of each overlapping set, in text order."""
    found = []
    for name, pattern in lex.patterns.items():
        for m in pattern.finditer(text):
            start = m.end("lead") if m.groupdict().get("lead") else m.start()
            while start < m.end() and text[start].isspace():
                start += 1
            groups = {k: v for k, v in m.groupdict().items() if v}
            found.append(Match(start, m.end(), name, groups))
    return keep_longest(found)


def keep_longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longer ones first (so "dimanche 29 août" beats "dimanche" and "août")."""
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def is_plausible(match: Match, doc: Doc, text: str, lex: Lexicon) -> bool:
    """Reject matches that are not dates: a bare month name ("Mars"), a count ("2000 manifestants")."""
    groups = match.groups
    if match.pattern == "month" and not any(groups.get(g) for g in BARE_MONTH_GATES):
        return False
    if match.pattern == "year":
        before = WORD_BEFORE.search(text, max(0, match.start - 20), match.start)
        if before and normalise(before.group(1)) in lex.words["year_blockers"]:
            return False
        if "boundary" not in groups and is_count(doc, match):
            return False
    return True


def is_count(doc: Doc, match: Match) -> bool:
    """Whether the parse reads a bare number as a count of something ("2000 manifestants", "1500 euros")."""
    if not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span.root.dep_ == "nummod"


def tense_at(doc: Doc, start: int, end: int, lex: Lexicon) -> Tense:
    """The tense of the clause around the characters start:end (None without a parse)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span_tense(span, lex) if span is not None else None


@dataclass
class YearAnchor:
    """The full date a timeline passage is told from, and where it was last confirmed."""

    day: dt.date
    sentence: int
    end: int


def next_year_anchor(match: Match, resolved: Resolved, current: YearAnchor | None, published: dt.date,
                     sentence_of: Callable[[int], int]) -> YearAnchor | None:
    """The anchor after this mention: set by a recent full date, refreshed by a date it placed or by "le
    lendemain", ended by a date told from publication ("hier", "dimanche", "le 9 juin dernier")."""
    groups = match.groups
    day_with_year = resolved.precision == "day" and groups.get("year") and not groups.get("year_end")
    recent = 0 <= published.year - resolved.start.year <= YEAR_ANCHOR_MAX_AGE_YEARS
    if (day_with_year and recent) or resolved.year_from_anchor or (current and groups.get("anchored_day")):
        return YearAnchor(resolved.start, sentence_of(match.start), match.end)
    if resolved.precision != "day" and (groups.get("year") or match.pattern == "month"):
        return current  # "en 2016", "en mars": background, the passage goes on
    return None


def anchor_reaches(anchor: YearAnchor, match: Match, text: str, sentence_of: Callable[[int], int]) -> bool:
    """Whether a timeline anchor still dates this mention: same paragraph, few sentences later."""
    if "\n" in text[anchor.end:match.start]:
        return False
    return sentence_of(match.start) - anchor.sentence <= YEAR_ANCHOR_SENTENCES


def find_dates(doc: Doc, published: dt.date, lex: Lexicon) -> list[DateMention]:
    """Detect the temporal expressions of `doc` and resolve them against `published` (TIMEX3 values)."""
    mentions: list[DateMention] = []
    text = doc.text  # built anew by spaCy at each access: read it once
    anchor, anchor_end = published, None
    year_anchor: YearAnchor | None = None
    sentence_of = sentences(doc).index_at
    named_days: dict[str, dt.date] = {}
    for match in find_matches(text, lex):
        if not is_plausible(match, doc, text, lex):
            continue
        if anchor_end is not None and match.start - anchor_end > ANCHOR_REACH_CHARS:
            anchor, anchor_end = published, None
        if year_anchor is not None and not anchor_reaches(year_anchor, match, text, sentence_of):
            year_anchor = None
        context = Context(published=published, tense=partial(tense_at, doc, match.start, match.end, lex), anchor=anchor,
                          year_anchor=year_anchor.day if year_anchor else None)
        resolved = resolve(match.groups, lex, context)
        if resolved is None:
            continue
        resolved = same_weekday(match, resolved, named_days, published)
        year_anchor = next_year_anchor(match, resolved, year_anchor, published, sentence_of)
        mentions.append(DateMention(
            text=text[match.start:match.end],
            start=match.start,
            end=match.end,
            value=timex(resolved.start, resolved.precision),
            precision=resolved.precision,
            end_value=timex(resolved.end, resolved.precision) if resolved.end else None,
        ))
        if resolved.precision == "day":
            anchor, anchor_end = resolved.start, match.end
    return mentions


def same_weekday(match: Match, resolved: Resolved, named_days: dict[str, dt.date], published: dt.date) -> Resolved:
    """A bare day name repeats the day of that name the article already placed ("Dimanche dernier, ...
    [later] ... dimanche, des émeutiers ..."): the same past week, not publication day's. Records the day named
    by this mention for the mentions after it."""
    weekday = match.groups.get("weekday")
    if weekday is None or resolved.precision != "day" or match.groups.get("weekday_end"):
        return resolved
    key = normalise(weekday)
    earlier = named_days.get(key)
    bare = match.pattern == "weekday" and not match.groups.get("direction") and not match.groups.get("current")
    if bare and earlier is not None and resolved.start <= published \
            and 0 < (published - earlier).days <= DAYS_PER_WEEK:
        resolved = replace(resolved, start=earlier)
    if resolved.start <= published:
        named_days[key] = resolved.start
    return resolved


def mention_span(doc: Doc, mention: DateMention) -> Span | None:
    """The tokens of a mention (expanded to whole tokens)."""
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def steps_up(token: Token, ancestor: Token) -> int | None:
    """How many heads from `token` up to `ancestor` (0 if the same token), or None if it is not above it."""
    for steps, current in enumerate([token, *token.ancestors]):
        if current.i == ancestor.i:
            return steps
    return None


def governs(doc: Doc, span: Span, trigger_i: int) -> tuple[int, int]:
    """How closely a date is tied to the trigger in the parse, as (rank, steps), lower is closer.

    Rank 0: the date is in the trigger's subtree ("l'attaque de dimanche"); 1: it hangs from the same clause
    predicate ("l'attaque a eu lieu dimanche"); 2: neither. Steps: the length of the path between them, so that
    "lundi" in "après l'attaque de dimanche, l'armée a riposté lundi" is the date of "riposté".
    """
    if not doc.has_annotation("DEP"):
        return 2, 0
    trigger, root = doc[trigger_i], span.root
    below = steps_up(root, trigger)
    if below is not None:
        return 0, below
    trigger_verb, date_verb = clause_verb(trigger), clause_verb(root)
    if trigger_verb is not None and trigger_verb == date_verb:
        return 1, (steps_up(root, date_verb) or 0) + (steps_up(trigger, trigger_verb) or 0)
    return 2, 0


def distance(span: Span, trigger_i: int) -> int:
    """Tokens between a date and the trigger."""
    if span.start <= trigger_i < span.end:
        return 0
    return span.start - trigger_i if span.start > trigger_i else trigger_i - span.end + 1


def closest_date(doc: Doc, trigger_i: int, dates: list[DateMention], published: dt.date) -> EventDate:
    """The date among `dates` that governs the trigger (in the trigger's subtree, else attached to the same
    verb), else the nearest one; with none, the publication date with precision "unknown" and no text."""
    ranked = []
    for mention in dates:
        span = mention_span(doc, mention)
        if span is not None:
            ranked.append((*governs(doc, span, trigger_i), distance(span, trigger_i), mention.start, mention))
    if not ranked:
        return EventDate(value=published.isoformat(), precision="unknown", text=None)
    mention = min(ranked, key=lambda r: r[:4])[4]
    return EventDate(value=first_day(mention.value).isoformat(), precision=mention.precision, text=mention.text,
                     mention=mention)
