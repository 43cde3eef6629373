"""French phrases over the dependency parse: the noun phrase, incises, and multiword cues.

Two shapes of noun phrase serve the layers, both built here: `noun_phrase` (contiguous, only the dependents
that belong to a name: "le Comité de vigilance des droits humains"), for sources and speakers, and
`argument_phrase` (the head with the whole subtree of each non-clausal dependent), for the agents and
patients of event triggers. The actor layer's `agent_phrase` (entities.py) trims a generic agent to the words
its lexicon matched.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from veille.lang.fr.words import RELATIVE_PRONOUNS

# Dependents that belong to a source's noun phrase; clauses ("citée par", "qui ...") and lists do not.
PHRASE_DEPS = {"det", "amod", "nummod", "flat", "flat:name", "flat:foreign", "compound", "nmod", "case", "fixed",
               "advmod"}


APPOSITION_DEPS = {"appos"}


NOUNS = ("NOUN", "PROPN")


# How many tokens after a preposition cue the source noun may start ("selon le tout nouveau ministère").
SOURCE_WINDOW = 4


# Children whose subtrees are cut from an actor's noun phrase (relative clauses, incidental clauses).
CUT_DEPS = frozenset({"acl:relcl", "acl", "punct", "parataxis", "advcl", "dep", "cc", "conj", "case", "mark", "appos"})




def lower(token: Token) -> str:
    """The token lowercased with a straight apostrophe (what the lexicons hold)."""
    return token.lower_.replace("’", "'")


@cache
def cue_tokens(cue: str) -> tuple[str, ...]:
    """A cue as spaCy splits it: "d'après" -> ("d'", "après"), "à en croire" -> ("à", "en", "croire")."""
    words: list[str] = []
    for word in cue.split(" "):
        head, apostrophe, rest = word.partition("'")
        words.extend([head + apostrophe, rest] if apostrophe and rest else [word])
    return tuple(words)


def matched_cue(token: Token, cues: dict[str, tuple[str, ...]]) -> Span | None:
    """The tokens of the longest cue starting at `token`, or None (compared token by token: cheap)."""
    candidates = cues.get(lower(token))
    if not candidates:
        return None
    doc = token.doc
    for cue in candidates:  # longest first
        words = cue_tokens(cue)
        end = token.i + len(words)
        if end <= len(doc) and all(lower(doc[token.i + k]) == w for k, w in enumerate(words[1:], 1)):
            return doc[token.i:end]
    return None


def is_nominal(token: Token) -> bool:
    """A noun or a name (the tagger sometimes calls a lone surname a pronoun: "Obama avait indiqué")."""
    return token.pos_ in NOUNS or bool(token.ent_type_)


def opens_incise(verb: Token) -> bool:
    """True when `verb` (with its auxiliaries) follows a comma or a closing quote: ", a souligné X"."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ == "AUX":
        i -= 1
    return i >= 0 and verb.doc[i].text in (",", "»", "”", '"', "›", "—", "–")


def reporting_subject(verb: Token) -> Token | None:
    """Who speaks with `verb`: its subject, or in an incise (", a affirmé une source") the noun after it,
    which the parser often takes for an object."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is not None or not opens_incise(verb):
        return subject
    return next((c for c in verb.rights if c.dep_ in ("obj", "nsubj", "appos", "obl:arg") and is_nominal(c)
                 and not any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children)), None)


def source_head_after(cue: Span) -> Token | None:
    """The head noun of the phrase that follows a cue (its first noun, or that noun's head noun)."""
    doc = cue.doc
    for token in doc[cue.end: min(len(doc), cue.end + SOURCE_WINDOW)]:
        if token.is_punct:
            return None
        if token.pos_ in NOUNS:
            head = token
            while head.dep_ in ("flat", "flat:name", "compound") and head.head.i >= cue.end:
                head = head.head
            return head
    return None


def noun_phrase(head: Token, with_apposition: bool = False) -> Span:
    """A contiguous noun phrase (a source, a speaker): determiners, adjectives, names and "de" complements
    (recursively), no clauses, no punctuation at either end.

    With `with_apposition`, a following apposition is kept too ("Karim Benali, le directeur de l'ONG").
    """
    allowed = PHRASE_DEPS | (APPOSITION_DEPS if with_apposition else set())
    keep = [head]
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if node is head and child.dep_ in ("case", "fixed"):
                continue  # the head's own preposition ("selon", "d'après") is the cue, not the source
            if child.dep_ in allowed and not _crosses_clause(head, child):
                keep.append(child)
                stack.append(child)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    # A comma or parenthesis cuts the phrase unless an apposition is wanted.
    if not with_apposition:
        for t in doc[head.i + 1:end]:
            if t.is_punct and t.text not in ("-", "'"):
                end = t.i
                break
    # A compound the tokenizer cut at its hyphen ("état-major") is one word.
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
        # ... with the adjectives the parser hung on its second part ("l'état-major français")
        while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].head.i == end - 1:
            end += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):
        end -= 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _crosses_clause(head: Token, child: Token) -> bool:
    """A verb inside the phrase starts a clause ("citée par", "qui a ..."): stop there."""
    return child.pos_ in ("VERB", "AUX") and child is not head


def argument_phrase(head: Token) -> list[Token]:
    """An event argument: the head noun with its determiners, adjectives, names and complements (each with
    everything below it), without clauses; a relative pronoun stands for its antecedent. Not contiguous."""
    relative = "Rel" in head.morph.get("PronType", []) or head.lower_ in RELATIVE_PRONOUNS
    if head.pos_ == "PRON" and relative and head.dep_.startswith("nsubj") and head.head.dep_ == "acl:relcl":
        head = head.head.head  # "... qui a attaqué": the antecedent ("où ils ont tué": "ils" is no relative)
    tokens = [head]
    for child in head.children:
        if child.dep_ in CUT_DEPS:
            continue
        tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)
