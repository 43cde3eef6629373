"""The date of an event: which temporal expression of its sentence dates the trigger (GUIDELINES, "date").

1. the sentence as written: the parser's sentences joined where it split inside one (no final punctuation
   before the split: "En septembre, 35 personnes - dont des enfants - ont été tuées"), cut at line breaks;
2. the dates of that sentence, less those that belong to a clause below a verbal trigger ("accuse X de
   poursuivre des massacres depuis 2017": 2017 dates the massacres, not the accusation);
3. among them, the one the parse ties closest to the trigger (`veille.extract.dates.closest_date`); with none,
   the publication date with precision "unknown": a date is never carried from another sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from veille.extract.dates import closest_date, mention_span
from veille.extract.events.view import DocView
from veille.extract.mentions import EventDate, Mentions
from veille.extract.temporal.tense import is_predicate
from veille.model import DateMention

# A sentence ends at one of these (closing quotes and brackets after it aside); a parser split elsewhere is a
# split inside a sentence.
FINAL_PUNCTUATION = frozenset(".!?…")
CLOSERS = "»\"”’')] \u00a0"
# At most this many parser sentences are joined on each side (a dash-broken sentence makes two or three).
MAX_JOINED = 3
# Relations by which a clause hangs below a verb as its content or circumstance, not as a report of it: a
# date inside such a clause is that clause's ("avait dénoncé l'attaque survenue dimanche"). Parataxis is left
# out: "..., a indiqué hier un communiqué" dates the statement itself.
SUBORDINATE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "acl:relcl", "csubj"})


def event_date(mentions: Mentions, view: DocView, trigger: Token) -> EventDate:
    """The date of the event whose trigger is `trigger` (see the module docstring for the cascade)."""
    start, end = written_sentence(view, trigger)
    dates = [m for m in mentions.dates if start <= m.start and m.end <= end and not in_subclause(view, m, trigger)]
    return closest_date(mentions.doc, trigger.i, dates, mentions.published)


def written_sentence(view: DocView, trigger: Token) -> tuple[int, int]:
    """Character bounds of the trigger's sentence as written: its parser sentence, joined with the
    neighbouring ones where the split is not after final punctuation, never across a line break."""
    own = next(n for n, sent in enumerate(view.sents) if sent.start <= trigger.i < sent.end)
    first = last = own
    while first > 0 and own - first < MAX_JOINED and joined(view, view.sents[first - 1]):
        first -= 1
    while last + 1 < len(view.sents) and last - own < MAX_JOINED and joined(view, view.sents[last]):
        last += 1
    return view.sents[first].start_char, view.sents[last].end_char


def joined(view: DocView, sent: Span) -> bool:
    """Whether the parser sentence `sent` goes on into the next one: no final punctuation, no line break."""
    tail = view.text[sent.start_char:sent.end_char]
    if "\n" in view.text[sent.end_char - 1:sent.end_char + 1] or not tail.strip():
        return False
    return tail.rstrip(CLOSERS)[-1:] not in FINAL_PUNCTUATION


def in_subclause(view: DocView, mention: DateMention, trigger: Token) -> bool:
    """Whether a date belongs to a clause below the verbal trigger (its content or a circumstance of
    something else) rather than to the trigger's own clause. A noun trigger keeps the clauses that describe
    it ("l'attaque, qui a eu lieu dimanche")."""
    if not view.doc.has_annotation("DEP") or not is_predicate(trigger):
        return False
    span = mention_span(view.doc, mention)
    if span is None:
        return False
    for token in [span.root, *span.root.ancestors]:
        if token.i == trigger.i:
            return False
        if is_predicate(token) and token.dep_ in SUBORDINATE_DEPS:
            return steps_below(token, trigger)
    return False


def steps_below(token: Token, ancestor: Token) -> bool:
    """Whether `ancestor` is above `token` in the parse."""
    return any(t.i == ancestor.i for t in token.ancestors)
