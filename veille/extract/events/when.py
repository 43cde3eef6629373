"""The date of an event: which temporal expression of its sentence dates the trigger (GUIDELINES, "date").

1. the sentence as written (`veille.nlp.sentences.Sentences.written`): the parser's sentences joined where it
   split inside one (no final punctuation before the split), never across a line break;
2. the dates of that sentence, less those that belong to a clause below a verbal trigger ("accuse X de
   poursuivre des massacres depuis 2017": 2017 dates the massacres, not the accusation);
3. among them, the one the parse ties closest to the trigger (`veille.extract.dates.closest_date`); with none,
   the publication date with precision "unknown": a date is never carried from another sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.extract.dates import closest_date, mention_span
from veille.extract.events.view import DocView
from veille.extract.mentions import EventDate, Mentions
from veille.extract.temporal.tense import is_predicate
from veille.model import DateMention

# Relations by which a clause hangs below a verb as its content or circumstance, not as a report of it: a
# date inside such a clause is that clause's ("avait dénoncé l'attaque survenue dimanche"). Parataxis is left
# out: "..., a indiqué hier un communiqué" dates the statement itself.
SUBORDINATE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "acl:relcl", "csubj"})


def event_date(mentions: Mentions, view: DocView, trigger: Token) -> EventDate:
    """The date of the event whose trigger is `trigger` (see the module docstring for the cascade)."""
    start, end = view.sentences.written(trigger)
    dates = [m for m in mentions.dates if start <= m.start and m.end <= end and not in_subclause(view, m, trigger)]
    return closest_date(mentions.doc, trigger.i, dates, mentions.published)


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
