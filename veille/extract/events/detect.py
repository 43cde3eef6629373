"""Trigger detection: tokens whose form or lemma is in the trigger lexicon, with their companion words."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from veille.extract.events.lexicon import Lexicon, Trigger
from veille.extract.events.view import DocView


@dataclass
class Candidate:
    """A trigger occurrence, typed (possibly retyped by a refinement) and not yet judged in or out of scope."""

    token: Token
    sent: Span
    trigger: Trigger
    acled: tuple[str, str] | None
    plover: str
    confidence: float
    refined: bool = False
    reported: bool = False  # in the journalistic conditional ("aurait été interpellé")

    @property
    def type_key(self) -> str:
        """What groups candidates into one event: the ACLED event type, else the PLOVER code."""
        return self.acled[0] if self.acled else self.plover


def find_candidates(view: DocView, lexicon: Lexicon) -> list[Candidate]:
    """Every token that starts a trigger entry whose part of speech and companion words fit."""
    candidates: list[Candidate] = []
    doc = view.doc
    for i in range(len(doc)):
        entries = lexicon.triggers_for(view.keys(i), view.stem[i])
        if not entries:
            continue
        token = doc[i]
        if token.is_punct or token.is_space:
            continue
        seen: set[str] = set()
        for trigger in entries:
            spec = trigger.spec
            if spec.id in seen or (spec.pos and token.pos_ not in spec.pos):
                continue
            if trigger.with_cues and not _companion_near(view, trigger, token):
                continue
            seen.add(spec.id)
            candidates.append(
                Candidate(token=token, sent=view.sentence(token), trigger=trigger, acled=spec.acled, plover=spec.plover,
                          confidence=spec.confidence)
            )
    return candidates


def _companion_near(view: DocView, trigger: Trigger, token: Token) -> bool:
    """Whether one of the entry's `with` words starts within its window (a phrase may end past it), inside the
    token's sentence, or is the verb of which the trigger is the subject ("cet accord ... avait été élaboré")."""
    sent = view.sentence(token)
    start = max(sent.start, token.i - trigger.spec.window)
    end = min(sent.end, token.i + trigger.spec.window + 1)
    hit = view.find(trigger.with_cues, start, end, phrase_end=sent.end)
    if hit is not None and hit != token.i:
        return True
    head = token.head
    return (head is not token and head.pos_ in ("VERB", "AUX") and token.dep_.startswith("nsubj")
            and view.token_has(trigger.with_cues, head.i))
