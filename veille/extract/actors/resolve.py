"""From a noun phrase to the actor it denotes: a cascade of dictionary lookups on folded words, longest first.

The cascade, in order (each step returns when it finds an actor):
1. a known person of the knowledge base ("le président russe Vladimir Poutine");
2. a title with a person name ("le secrétaire d'État américain John Kerry": the person, in the capacity the
   title or the named institution gives);
3. a named actor of the knowledge base ("les FARDC", "jihadistes de l'EI", "la milice des YPG");
4. a generic agent, for the country of its demonym or of the article ("des hommes armés", "l'armée turque");
5. a country, a capital or a demonym as metonymy ("Moscou", "la France", "les Russes", "deux Français");
6. an unknown proper name, kept with its text and type unknown (person for a person's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

from veille.extract.actors.kb import ActorEntry, ActorKB, case_matches, word_parts

# Roles whose phrase stays the actor even when a named group follows ("les victimes du Hamas" are civilians).
AGENT_WINS_ROLES = frozenset({"civilians", "protesters", "rioters"})
# Roles of armed and police forces: `external` when acting outside their own country.
FORCE_ROLES = frozenset({"military", "security", "police"})
# Words that open a phrase without being its head ("les", "au moins", "plus de", "environ"...).
LEADING_WORDS = frozenset({
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ces", "ce", "cet", "cette",
    "ses", "son", "sa", "leur", "leurs", "nos", "notre", "plus", "environ", "quelque", "quelques",
    "certains", "certaines", "plusieurs", "autres", "autre", "tous", "toutes", "tout", "moins", "pres", "deux",
    "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt", "trente",
    "cent", "cents", "mille", ",", "(", ")", "dont", "et"
})
NUMBER_WORDS = frozenset({
    "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "quinze", "vingt", "cent", "mille"
})
# First halves of compounds whose second half names an actor without denoting it ("anti-Hamas").
COMPOUND_PREFIXES = frozenset({"anti", "pro", "ex", "non", "post", "pre", "neo", "ultra", "contre", "pseudo"})
COORDINATIONS = frozenset({"et", "ou", "ainsi"})
INDEFINITE_WORDS = NUMBER_WORDS | {"des", "quelques", "plusieurs", "certains", "certaines"}


@dataclass(frozen=True)
class Word:
    """A part of a token (see `word_parts`) reduced to what the resolver reads."""

    text: str
    key: str
    pos: str  # coarse part of speech, "" when the text was not parsed
    ent: str  # entity label, "" when none
    dep: str
    i: int = -1  # index of its token in the doc (of its whitespace-separated chunk for plain text)
    gap: str = ""  # the text between the previous word and this one (" ", "-", "")


@dataclass(frozen=True)
class Resolution:
    """What a phrase resolves to, before it becomes an `Actor` or an `EntityActor`."""

    name: str
    type: str
    country: str | None
    label: str = "ORG"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    value: Any  # what the index maps the phrase to: an alias target list, a country code, a role

    def covers(self, i: int | None) -> bool:
        return i is not None and self.start <= i < self.end


def words_of(span: Span) -> tuple[list[Word], int | None]:
    """The words of a span (hyphens dropped) and the position of its head word among them."""
    words = token_words(span)
    root_at: int | None = None
    if span.doc.has_annotation("DEP") and len(span):
        root = span.root.i
        root_at = next((k for k, w in enumerate(words) if w.i == root), None)
    if root_at is None or words[root_at].key in LEADING_WORDS or words[root_at].key.isdigit():
        root_at = first_content_word(words)
    return words, root_at


def token_words(tokens) -> list[Word]:
    """The word parts of a sequence of consecutive tokens, with their annotations and the gaps between them
    (read from the tokens themselves: `doc.text` would rebuild the whole text at every call)."""
    words: list[Word] = []
    pending = ""  # text since the last part: a dropped hyphen token, whitespace
    for token in tokens:
        text = token.text
        position = 0
        for part, key, offset in word_parts(text):
            gap = pending + text[position:offset] if words else ""
            words.append(Word(part, key, token.pos_, token.ent_type_, token.dep_, token.i, gap))
            pending = ""
            position = offset + len(part)
        pending += text[position:] + token.whitespace_
    return words


def words_of_text(text: str) -> tuple[list[Word], int | None]:
    """The words of a plain string (unparsed: no part of speech, the head is the first content word)."""
    words: list[Word] = []
    last_end: int | None = None
    for chunk, match in enumerate(re.finditer(r"\S+", text)):
        for part, key, offset in word_parts(match.group()):
            start = match.start() + offset
            gap = text[last_end:start] if last_end is not None else ""
            words.append(Word(part, key, "", "", "", chunk, gap))
            last_end = start + len(part)
    return words, first_content_word(words)


def joined(words: list[Word]) -> str:
    """The words as written (hyphens and spaces between them restored)."""
    return "".join((w.gap if k else "") + w.text for k, w in enumerate(words))


def first_content_word(words: list[Word]) -> int | None:
    """The head of an unparsed phrase: its first word that is not a determiner, number or punctuation."""
    for i, word in enumerate(words):
        if word.key not in LEADING_WORDS and not word.key.replace(".", "").isdigit() and word.key.isalnum():
            return i
        if word.key not in LEADING_WORDS and any(ch.isalpha() for ch in word.key):
            return i
    return None


def scan(index, words: list[Word]) -> list[Match]:
    """Greedy left-to-right longest matches of a PhraseIndex over the words."""
    keys = [w.key for w in words]
    found: list[Match] = []
    i = 0
    while i < len(keys):
        hit = index.match_at(keys, i)
        if hit:
            found.append(Match(i, i + hit[0], hit[1]))
            i += hit[0]
        else:
            i += 1
    return found


def pick_entry(targets, texts: list[str], country: str | None) -> ActorEntry | None:
    """The entry an alias match denotes: case rules first, then the article country for shared aliases."""
    fitting = list({t.entry: t for t in targets if case_matches(t.case, texts)}.values())
    if len(fitting) == 1 and not fitting[0].shared:
        return fitting[0].entry
    active = [t.entry for t in fitting if t.entry.active_in(country)]
    return active[0] if len(active) == 1 else None


def prefixed(words: list[Word], start: int) -> bool:
    """Whether a name is only part of a compound ("anti-Hamas", "pro-Kremlin"): not the actor itself."""
    return start > 0 and words[start].gap == "-" and words[start - 1].key in COMPOUND_PREFIXES


def named_matches(kb: ActorKB, words: list[Word], country: str | None) -> list[Match]:
    """Knowledge-base actors named in the words."""
    found = []
    for match in scan(kb.named, words):
        if prefixed(words, match.start):
            continue
        entry = pick_entry(match.value, [w.text for w in words[match.start : match.end]], country)
        if entry is not None:
            found.append(Match(match.start, match.end, entry))
    return found


def entry_resolution(kb: ActorKB, entry: ActorEntry, country: str | None) -> Resolution:
    """An entry as an actor: state forces acting outside their country are external (GUIDELINES)."""
    kind = entry.type
    if kind == "state" and entry.country and not kb.is_home(entry.country, country):
        kind = "external"
    return Resolution(entry.name, kind, entry.country, entry.label)


def person_run(words: list[Word], after: int, taken: list[Match]) -> Match | None:
    """The last run of person-name words (NER PER, or capitalised words after a title when unparsed)."""
    runs: list[Match] = []
    i = after
    while i < len(words):
        if is_name_word(words[i]) and not any(m.covers(i) for m in taken):
            j = i
            while j < len(words) and is_name_word(words[j]) and not any(m.covers(j) for m in taken):
                j += 1
            runs.append(Match(i, j, None))
            i = j
        else:
            i += 1
    return runs[-1] if runs else None


def is_name_word(word: Word) -> bool:
    if word.ent:
        return word.ent == "PER"
    capitalised = word.text[:1].isupper() and word.key.isalpha()
    return word.pos in ("", "PROPN") and capitalised and word.key not in LEADING_WORDS


def phrase_country(kb: ActorKB, words: list[Word], skip: list[Match]) -> str | None:
    """The country a phrase is about: a demonym ("turque"), a country name or a capital ("de Damas")."""
    for i, word in enumerate(words):
        if word.key in kb.demonyms and not any(m.covers(i) for m in skip):
            return kb.demonyms[word.key]
    for match in scan(kb.country_names, words) + scan(kb.capitals, words):
        if not any(m.covers(match.start) for m in skip):
            return match.value[0]
    return None


def resolve_person(kb: ActorKB, words: list[Word], root: int | None, named: list[Match],
                   country: str | None) -> Resolution | None:
    """Steps 1-2: a known person, or a title followed by a person's name."""
    for match in named:
        if match.value.label == "PER":
            return entry_resolution(kb, match.value, country)
    titles = scan(kb.titles, words)
    places = scan(kb.country_names, words) + scan(kb.capitals, words)
    run = person_run(words, titles[0].end if titles else 0, named + places)
    if run is None:
        return None
    if not titles and (not run.covers(root) or words[run.start].ent != "PER"):
        return None  # without a title, only a person's name heading the phrase
    name = joined(words[run.start : run.end])
    organisations = [m for m in named if m.value.label != "PER"]
    if organisations:
        base = entry_resolution(kb, organisations[0].value, country)
        return Resolution(name, base.type, base.country, "PER")
    if titles:
        return Resolution(name, titles[0].value[0], phrase_country(kb, words, [run]), "PER")
    return Resolution(name, "person", None, "PER")


def head_agent(kb: ActorKB, words: list[Word], root: int | None, agents: list[Match]) -> Match | None:
    """The generic agent heading the phrase, or following its collective head ("des centaines de manifestants")."""
    chosen = next((m for m in agents if m.covers(root)), None)
    if chosen is None and root is not None and (words[root].key in kb.collectives or words[root].pos == "NUM"):
        chosen = next((m for m in agents if m.start > root), None)
    return chosen


def resolve_agent(kb: ActorKB, words: list[Word], root: int | None, agents: list[Match],
                  named: list[Match], country: str | None) -> Resolution | None:
    """Step 4: a generic agent, for the country named in the phrase or the article's."""
    chosen = head_agent(kb, words, root, agents)
    if chosen is None:
        return None
    role = chosen.value[0]
    template, kind = kb.roles[role]
    code = phrase_country(kb, words, named) or country
    if role in FORCE_ROLES and not kb.is_home(code, country):
        kind = "external"
    return Resolution(kb.role_name(role, code), kind, code)


def agent_matches(kb: ActorKB, words: list[Word], root: int | None = None) -> list[Match]:
    """Generic-agent phrases; a one-word phrase counts only when the word is a noun (or unparsed), or an
    adjective used as the head noun ("les militaires", "6 civils", not "une source militaire")."""
    return [m for m in scan(kb.agents, words)
            if m.end - m.start > 1 or words[m.start].pos in ("", "NOUN", "PROPN")
            or (m.start == root and words[m.start].pos == "ADJ")]


def resolve_metonymy(kb: ActorKB, words: list[Word], root: int | None) -> Resolution | None:
    """Step 5: a country, a capital, a people ("les Russes") or a demonym alone ("l'offensive turque")."""
    for match in scan(kb.country_names, words) + scan(kb.capitals, words):
        if match.covers(root) or root is None:
            code = match.value[0]
            return Resolution(kb.role_name("government", code), "government", code, "LOC")
    if root is not None and words[root].key in kb.demonyms:
        code = kb.demonyms[words[root].key]
        if words[root].text[:1].isupper():
            counted = any(w.key in INDEFINITE_WORDS or w.key.replace(".", "").isdigit() for w in words[:root])
            if counted:
                return Resolution(kb.role_name("civilians", code), "civilians", code)
            return Resolution(kb.role_name("government", code), "government", code)
    code = phrase_country(kb, words, [])
    if code is not None and root is not None and words[root].pos in ("", "NOUN"):
        return Resolution(kb.role_name("government", code), "government", code)
    return None


def resolve_unknown(words: list[Word], root: int | None) -> Resolution | None:
    """Step 6: a proper name nobody knows is kept, never forced into an entry; a place is not an actor."""
    if root is None:
        return None
    head = words[root]
    if head.ent == "LOC":
        return None
    if head.ent == "PER":
        run = person_run(words, root, [])
        if run is not None:
            return Resolution(joined(words[run.start : run.end]), "person", None, "PER")
    if head.ent in ("ORG", "MISC") or (head.pos == "PROPN" and head.text[:1].isupper()):
        start = root
        end = root + 1
        while end < len(words) and ((head.ent and words[end].ent == head.ent) or words[end].pos == "PROPN"):
            end += 1
        return Resolution(joined(words[start:end]), "unknown", None, head.ent or "MISC")
    return None


def coordinated(words: list[Word], head: Match, other: Match) -> bool:
    """Whether `other` is a second conjunct after `head` ("les forces turques et leurs supplétifs")."""
    return any(w.key in COORDINATIONS for w in words[head.end : other.start])


def lists_groups(kb: ActorKB, words: list[Word], root: int | None, agents: list[Match],
                 organisations: list[Match]) -> bool:
    """Whether a generic agent introduces a list of named groups ("des groupuscules d'extrême droite A, B et C"):
    the generic agent, not the first group, is then the actor."""
    if len({m.value.name for m in organisations}) < 2:
        return False
    lead = head_agent(kb, words, root, agents)
    return lead is not None and lead.end <= organisations[0].start


def resolve_words(words: list[Word], root: int | None, country: str | None, kb: ActorKB) -> Resolution | None:
    """The cascade of the module docstring over already-split words."""
    if not words:
        return None
    named = named_matches(kb, words, country)
    person = resolve_person(kb, words, root, named, country)
    if person is not None:
        return person
    agents = agent_matches(kb, words, root)
    root_agent = next((m for m in agents if m.covers(root)), None)
    organisations = [m for m in named if m.value.label != "PER"]
    if organisations and not lists_groups(kb, words, root, agents, organisations):
        first = next((m for m in organisations if m.covers(root)), organisations[0])
        if first.covers(root) or root_agent is None or (
            root_agent.value[0] not in AGENT_WINS_ROLES and not coordinated(words, root_agent, first)
        ):
            return entry_resolution(kb, first.value, country)
    return (resolve_agent(kb, words, root, agents, named, country)
            or resolve_metonymy(kb, words, root)
            or resolve_unknown(words, root))


def resolve_span(kb: ActorKB, span: Span, country: str | None = None) -> Resolution | None:
    """Resolve a spaCy span with the knowledge base."""
    words, root = words_of(span)
    return resolve_words(words, root, country, kb)
