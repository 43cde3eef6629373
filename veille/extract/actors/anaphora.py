"""Category nouns that refer back to a group named before ("l'ONG" -> the OSDH named two sentences earlier).

Read by the attribution layer (who a source is) and the quote layer (who speaks); `anaphora` is the table of
attributions.yaml (`group_anaphora`): a category noun -> the actor types it may stand for.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from veille.extract.actors import ActorKB, resolve_actor_text
from veille.lang.fr.phrases import lower
from veille.lang.fr.words import DEFINITE_ARTICLES, DEMONSTRATIVES

# Characters back from "l'ONG" in which the group it refers to must have been named.
ANAPHORA_WINDOW = 1500


DEFINITE = DEFINITE_ARTICLES | DEMONSTRATIVES


def group_antecedent(head: Token, anaphora: dict[str, frozenset[str]], kb: ActorKB) -> Span | None:
    """The group a definite category noun refers back to ("l'ONG", "les rebelles", "le mouvement"): the last
    named group before it, within ANAPHORA_WINDOW characters, whose actor type the noun allows. None when the
    noun is not anaphoric ("l'ONG Human Rights Watch" names its group) or no such group was named."""
    kinds = anaphora.get(lower(head))
    if kinds is None or not _definite(head):
        return None
    doc = head.doc
    for token in doc[head.i + 1: min(len(doc), head.i + 3)]:
        if token.is_punct or token.is_space:
            break
        if token.pos_ == "PROPN" or token.text[:1].isupper():
            return None  # "l'agence Sana", "l'organisation Etat islamique": the group is named here
    for ent in reversed(doc.ents):
        if ent.end > head.i or ent.label_ not in ("ORG", "MISC", "PER", "LOC"):
            continue
        if head.idx - ent.start_char > ANAPHORA_WINDOW:
            return None
        actor = resolve_actor_text(kb, ent.text)
        if actor is not None and actor.type in kinds:
            return ent
    return None


def _definite(head: Token) -> bool:
    """A definite or demonstrative determiner before the noun ("l'ONG", "cette organisation")."""
    previous = head.doc[head.i - 1] if head.i else None
    dets = [lower(c) for c in head.children if c.dep_ == "det"]
    return any(d in DEFINITE for d in dets) or (previous is not None and lower(previous) in DEFINITE)
