"""Who speaks in one article: the persons it names, their gender and roles, and who "il" / "elle" is.

The quote layer finds *where* a speaker is named near a quote (a token); `Speakers` turns that token into
the name the gold data write: a person's fullest name as written in the article ("Obama" -> "Barack
Obama"), the person a pronoun or a role description refers back to ("il", "l'officier"), or a group's
canonical actor name when the actor layer is confident, else the group as written.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from veille.extract.actors import ActorKB, resolve_actor_text
from veille.extract.actors.anaphora import group_antecedent
from veille.extract.quote_spans import is_partitive
from veille.lang.fr.phrases import noun_phrase
from veille.lang.fr.text import fold, normalise
from veille.lang.fr.words import DE_FORMS
from veille.model import Actor, EntityMention
from veille.nlp.sentences import sentences

if TYPE_CHECKING:
    from veille.extract.quote_spans import QuoteLexicon

# Characters back from a quote in which a pronoun looks for the person it stands for.
PRONOUN_WINDOW = 2000
# Characters a subject or a speaker (and a person whose gender matches the pronoun) is worth over a mere
# mention when choosing who "il" / "elle" is: a salience bonus, expressed as a distance in the text.
SALIENCE_BONUS = 300
# Tokens back from a quote in which "ils" / "elles" look for a plural subject.
PLURAL_WINDOW = 80
# Tokens back from "le ministère" in which its fuller mention ("le ministère de la Défense") is looked for.
ANAPHORA_TOKENS = 200
# Characters after a role description in which the person holding the role may be named first
# ("le chef d'état-major a indiqué ... Le général Marchand a ...").
CATAPHORA_WINDOW = 400
# Tokens of a complement skipped between a description and the name in apposition to it ("de 26 ans").
APPOSITION_SKIP = 5
# Tokens before a person's name looked at for a title, a determiner or a role ("la ministre des Armées X").
CUE_WINDOW = 6
# A name right after one of these opens its sentence: the article's topic, a likely referent of "il".
SENTENCE_CLOSERS = {".", "!", "?", "»", "”", '"'}
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")  # the parser often calls "il" expl:subj
FEMININE_DETERMINERS = {"la": "f", "cette": "f", "sa": "f", "le": "m", "ce": "m", "cet": "m", "son": "m"}
REFERRING_DETERMINERS = {"le", "la", "l'", "les", "ce", "cet", "cette", "son", "sa"}
# Actor types the actor layer names reliably with no country ("Hamas", "United Nations", "NATO", "MINUSMA").
NAMED_GROUP_TYPES = {"organisation", "rebel", "political_party", "political_militia", "identity_militia", "external"}


@dataclass(frozen=True)
class Person:
    """A mention of a named person outside quotes."""

    start: int
    name: str
    gender: str  # "f", "m" or "" when the text does not say
    prominent: bool  # a subject or a speaker: the likely referent of a later "il" / "elle"


@dataclass
class Speakers:
    """The persons of one article, built once per document, and the speakers resolved so far."""

    doc: Doc
    lex: QuoteLexicon
    inside_quotes: list[tuple[int, int]]
    entities: list[EntityMention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # token offsets, to find a token by character
    persons: list[Person] = field(default_factory=list)
    roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # role word -> (start, name)
    genders: dict[str, str] = field(default_factory=dict)  # full name -> gender
    groups: list[tuple[int, str]] = field(default_factory=list)  # group speakers: (start, name)
    last_speaker: tuple[int, str, bool] | None = None  # (start, name, is a person): who "le communiqué" is
    _person_ents: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "PER" or self._quoted(ent.start_char):
                continue
            ent = self._extend(ent)
            name = self.strip_titles(ent)
            if not name or not any(c.isupper() for c in name):
                continue
            self._person_ents.append(ent)
            gender = self._gender_cue(ent) or self.lex.first_names.get(name.split()[0].lower(), "")
            before = self.doc[ent.start - 1] if ent.start else None
            opening = before is None or before.is_space or before.text in SENTENCE_CLOSERS
            subject = opening or any(_main_subject(t) for t in ent) or (
                ent.root.dep_ in ("appos", "flat", "flat:name") and _main_subject(ent.root.head))
            self.persons.append(Person(ent.start_char, name, gender, subject))
        for person in self.persons:
            full = self.complete(person.name)
            if person.gender and not self.genders.get(full):
                self.genders[full] = person.gender
        self._starts = [p.start for p in self.persons]

    # --- reading names -------------------------------------------------------------------------------

    def _quoted(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.inside_quotes)

    def _extend(self, ent: Span) -> Span:
        """A name the tagger cut short: "Bazoum" + "Mohamed" (capitalised name tokens on either side)."""
        doc, start, end = self.doc, ent.start, ent.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].dep_.startswith("flat"):
            end += 1
        while start > 0 and self._name_word(doc[start - 1]):
            start -= 1
        return doc[start:end] if (start, end) != (ent.start, ent.end) else ent

    def _name_word(self, token: Token) -> bool:
        return (token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ in ("", "PER")
                and normalise(token.text) not in self.lex.titles and normalise(token.text) not in self.lex.person_roles)

    def strip_titles(self, span: Span) -> str:
        """ "M. Caldwell" -> "Caldwell", "le président Moubarak" -> "Moubarak"."""
        tokens = [t for t in span if not t.is_punct or t.text == "-"]
        while tokens and (normalise(tokens[0].text) in self.lex.titles or tokens[0].pos_ == "DET"):
            tokens = tokens[1:]
        return " ".join(t.text for t in tokens).replace(" - ", "-")

    def _gender_cue(self, ent: Span) -> str:
        """The gender the words around a name give ("Mme", "la ministre", ", une septuagénaire"), else "";
        role words met on the way are remembered ("le ministre de l'Intérieur X": X is "le ministre")."""
        doc = self.doc
        name = self.strip_titles(ent)
        for token in reversed(doc[max(sentences(doc).of(ent[0]).start, ent.start - CUE_WINDOW):ent.start]):
            word = normalise(token.text)
            if gender := self._read_cue_word(word, ent, name):
                return gender
            if (token.is_punct and token.text not in ("-", "'")) or self._ends_role(token, word):
                break
        if ent.end + 2 < len(doc) and doc[ent.end].text == ",":
            for token in doc[ent.end + 1: min(len(doc), ent.end + 4)]:
                if gender := self._read_cue_word(normalise(token.text), ent, name):
                    return gender
        return ""

    def _read_cue_word(self, word: str, ent: Span, name: str) -> str:
        """Remember a role word next to a name; return the gender the word gives, else ""."""
        if word in self.lex.person_roles:
            self.roles.setdefault(word, []).append((ent.start_char, name))
        return self._gender_of_word(word)

    def _ends_role(self, token: Token, word: str) -> bool:
        """A common noun that is no role cuts a name from the words before it ("l'auteur du programme de X")."""
        return token.pos_ == "NOUN" and token.text.islower() and word not in self.lex.person_roles

    def _gender_of_word(self, word: str) -> str:
        if word in self.lex.feminine:
            return "f"
        if word in self.lex.masculine:
            return "m"
        return ""

    def complete(self, name: str) -> str:
        """The fullest mention of the same person: "Obama" -> "Barack Obama", "Karim" -> "Karim Benali"."""
        words = name.split()
        if not words:
            return name
        first = words[0].lower()
        single = len(words) == 1
        fuller = [
            n for n in (p.name for p in self.persons)
            if len(n) > len(name) and (n.lower().endswith(" " + name.lower())
                                       or (single and n.lower().startswith(first + " ")))
        ]
        return max(fuller, key=len) if fuller else name

    # --- who a reference points to -------------------------------------------------------------------

    def remember(self, start: int, name: str, is_person: bool) -> None:
        """A resolved speaker becomes prominent: the first candidate for a later pronoun."""
        self.last_speaker = (start, name, is_person)
        if is_person:
            i = bisect_left(self._starts, start)
            self.persons.insert(i, Person(start, name, self.genders.get(name, ""), True))
            self._starts.insert(i, start)
        else:
            self.groups.append((start, name))

    def pronoun_referent(self, word: str, before: int) -> str | None:
        """ "il" / "elle": the last prominent person of that gender, else the last person of that gender."""
        word = normalise(word).lstrip("-").removeprefix("t-")
        if word in ("ils", "elles"):
            groups = [g for g in self.groups if 0 < before - g[0] <= PRONOUN_WINDOW]
            subject = self.plural_subject(before)
            if subject is None or (groups and groups[-1][0] > subject[0]):
                return groups[-1][1] if groups else None
            return subject[1]  # a plural subject named after the last group speaker is nearer
        wanted = "f" if word.startswith("elle") else "m" if word in ("il", "lui") else ""
        end = bisect_left(self._starts, before)
        candidates = [p for p in self.persons[:end] if before - p.start <= PRONOUN_WINDOW]
        best: tuple[int, Person] | None = None
        for person in candidates:
            gender = self.genders.get(self.complete(person.name), person.gender)
            if wanted and gender not in ("", wanted):
                continue
            # Distance in characters, moved back for a mere mention, forward for a known, matching gender.
            score = before - person.start + (0 if person.prominent else SALIENCE_BONUS)
            score -= SALIENCE_BONUS if wanted and gender == wanted else 0
            if best is None or score < best[0]:
                best = (score, person)
        chosen = best[1] if best else None
        return self.complete(chosen.name) if chosen else None

    def last_subject(self, start: int, end: int) -> tuple[str, str] | None:
        """The last person named as a subject between `start` and `end` (its full name, its words)."""
        i = bisect_left(self._starts, end)
        for person in reversed(self.persons[:i]):
            if person.start < start:
                return None
            if person.prominent:
                return self.complete(person.name), person.name
        return None

    def plural_subject(self, before: int) -> tuple[int, str] | None:
        """ "ont-ils souligné": the last plural noun subject ("une dizaine de délégués de FO ont appelé"), with
        where it is named."""
        doc = self.doc
        last = bisect_left(self.starts, before) if self.starts else len(doc)
        for token in reversed(doc[max(0, last - PLURAL_WINDOW):last]):
            counted = token.lower_ in self.lex.numbers.approximations  # "une dizaine de délégués"
            plural = token.pos_ in ("NOUN", "PROPN") and ("Plur" in token.morph.get("Number", []) or counted)
            if token.dep_ in SUBJECT_DEPS and plural and not self._quoted(token.idx):
                return token.idx, self._group_name(noun_phrase(token, with_apposition=False))
        # The parser missed the subject: the noun just before a verb in the third person plural ("ont appelé").
        for token in reversed(doc[max(1, last - PLURAL_WINDOW):last]):
            plural = "Plur" in token.morph.get("Number", [])
            if token.pos_ in ("AUX", "VERB") and plural and not self._quoted(token.idx):
                noun = doc[token.i - 1]
                if noun.pos_ == "ADJ" and noun.head.i < noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
                    noun = noun.head
                if noun.pos_ in ("NOUN", "PROPN"):
                    return noun.idx, self._group_name(noun_phrase(noun, with_apposition=False))
        return None

    def partitive_group(self, before: int) -> str | None:
        """ "certains", "plusieurs": some of the people of the last plural noun that names people before the
        quote ("interrompue par des manifestants. « ... », ont crié certains")."""
        doc = self.doc
        last = bisect_left(self.starts, before) if self.starts else len(doc)
        for token in reversed(doc[max(0, last - PLURAL_WINDOW):last]):
            if token.pos_ != "NOUN" or "Plur" not in token.morph.get("Number", []) or self._quoted(token.idx):
                continue
            word = normalise(token.text)
            if word in self.lex.speaking_nouns or word.removesuffix("s") in self.lex.person_roles:
                return self._group_name(noun_phrase(token, with_apposition=False))
        return None

    def role_holder(self, role: str, at: int, gender: str) -> str | None:
        """The person a definite role description refers to: the last one given that role, else the last
        prominent person, else the first person named just after ("le chef d'état-major ... le général X")."""
        holders = [n for s, n in self.roles.get(role, []) if s < at]
        if holders:
            return self.complete(holders[-1])
        before = self.pronoun_referent("elle" if gender == "f" else "il" if gender == "m" else "on", at)
        if before:
            return before
        after = [p for p in self.persons if at < p.start <= at + CATAPHORA_WINDOW]
        return self.complete(after[0].name) if after else None

    def person_in(self, phrase: Span, head: Token) -> Span | None:
        """The named person of a speaker phrase: the one holding its head, else one in apposition to it
        ("La Haut-Commissaire ..., Michelle Bachelet"); not a complement ("l'auteur du programme de X")."""
        inside = [e for e in self._person_ents if phrase.start <= e.start and e.end <= phrase.end]
        holding = next((e for e in inside if e.start <= head.i < e.end), None)
        if holding is not None:
            return holding
        return next((e for e in inside if (e.root.dep_ == "appos" and e.root.head.i == head.i)
                     or (e.start > head.i and self.doc[e.start - 1].text == "," and not _opens_clause(e))), None)

    def name_after_role(self, head: Token) -> str | None:
        """A name the tagger missed after a role: "le ministre de l'Intérieur Bazoum Mohamed" -> "Bazoum
        Mohamed" (capitalised words ending at `head`, a role word a few tokens before them)."""
        doc = self.doc
        if not head.text[:1].isupper() or head.pos_ not in ("PROPN", "ADJ", "NOUN"):
            return None
        start = head.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
        before = [normalise(t.text) for t in doc[max(0, start - CUE_WINDOW):start]]
        roles = [w for w in before if w in self.lex.person_roles]
        if not roles:
            return None
        name = doc[start:head.i + 1].text
        actor = self._actor(name)
        if actor is not None and actor.type not in ("person", "government", "unknown"):
            return None
        for role in roles:
            self.roles.setdefault(role, []).append((doc[start].idx, name))
        return name

    def proper_name(self, head: Token) -> str | None:
        """A capitalised name the tagger did not call a person nor the actor layer a group ("— Moussa, 31 ans")."""
        if head.pos_ not in ("PROPN", "NOUN") or not head.text[:1].isupper():
            return None
        first = head.i == 0 or self.doc[head.i - 1].is_space or self.doc[head.i - 1].text in SENTENCE_CLOSERS
        if first and head.pos_ != "PROPN":
            return None  # any word is capitalised at the start of a sentence
        word = normalise(head.text)
        if word in self.lex.person_roles or word in self.lex.titles or word in self.lex.speaking_nouns:
            return None
        if head.ent_type_ in ("ORG", "MISC") or self._actor(head.text) is not None:
            return None
        start, end = head.i, head.i + 1
        while start > 0 and self._name_word(self.doc[start - 1]):
            start -= 1
        while end < len(self.doc) and self._capitalised(self.doc[end]):
            end += 1
        actor = self._actor(self.doc[start:end].text)
        if actor is not None and (self.kb.is_state(actor.name, actor.country) or actor.type in NAMED_GROUP_TYPES):
            return None  # a country or a group in several words ("l'Arabie Saoudite"): the group path names it
        return self.doc[start:end].text

    @staticmethod
    def _capitalised(token: Token) -> bool:
        return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ")

    def _apposed_person(self, phrase: Span) -> Span | None:
        """ "un vendeur de pain de 31 ans, Moussa", "la présidente du groupe Verts (EELV), Claire Dumont":
        a name right after the phrase (and a parenthesis) and a comma; a capitalised name the tagger missed
        counts when the apposition ends there."""
        doc, end = self.doc, phrase.end
        limit = min(len(doc), end + APPOSITION_SKIP)
        while end < limit and doc[end].pos_ in ("ADP", "NUM", "NOUN", "ADJ", "DET") and not doc[end].is_punct:
            end += 1  # a complement the parser hung elsewhere: "un vendeur de 31 ans, Moussa"
        if end < len(doc) and doc[end].text == "(":
            end = next((t.i + 1 for t in doc[end:min(len(doc), end + 6)] if t.text == ")"), end)
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        person = next((e for e in self._person_ents if e.start == end + 1), None)
        if person is not None:
            return None if _opens_clause(person) else person
        name_end = end + 1
        while name_end < len(doc) and doc[name_end].pos_ == "PROPN" and doc[name_end].text[:1].isupper():
            name_end += 1
        closed = name_end == len(doc) or doc[name_end].is_punct
        if name_end > end + 1 and closed and self._actor(doc[end + 1:name_end].text) is None:
            return doc[end + 1:name_end]
        return None

    def can_speak(self, phrase: Span) -> bool:
        """A person, a group or a document may be a speaker; "la probabilité" or "ses liens" may not."""
        head = phrase.root
        word = normalise(head.text)
        if head.pos_ == "PROPN" or head.ent_type_ or word in self.lex.pronouns:
            return True
        if word in self.lex.person_roles or word in self.lex.speaking_nouns:
            return True
        return self._actor(phrase.text) is not None

    def is_human(self, token: Token) -> bool:
        """A person may speak with any verb: a pronoun, a named person, or a role ("le ministre")."""
        word = normalise(token.text)
        if word in self.lex.pronouns and word not in ("ils", "elles", "lui"):
            return True
        if token.ent_type_ == "PER" or word in self.lex.person_roles:
            return True
        phrase = noun_phrase(token, with_apposition=True)
        return self.person_in(phrase, token) is not None

    def resolve(self, token: Token, at: int) -> tuple[str | None, bool]:
        """The speaker's name for the token that names it near a quote at `at`, and whether it is a person."""
        word = normalise(token.text)
        if token.is_punct or not word:
            return None, False
        if is_partitive(token, self.lex):
            return self.partitive_group(at), False
        if word in self.lex.pronouns:
            name = self.pronoun_referent(word, at)
            plural = word in ("ils", "elles", "-ils", "-elles", "-t-ils", "-t-elles")
            return (name if plural or not name else canonical_person(self.kb, name)), not plural
        phrase = noun_phrase(token, with_apposition=True)
        person = self.person_in(phrase, token) or self._apposed_person(phrase)
        if person is not None:
            name = self.strip_titles(person)
            actor = self._actor(person.text)
            if len(person) == 1 and actor is not None and self.kb.is_state(actor.name, actor.country):
                return actor.name, False  # a capital tagged as a person: "Washington"
            return canonical_person(self.kb, self.complete(name)), True
        named = self.name_after_role(token)
        if named is not None:
            return canonical_person(self.kb, self.complete(named)), True
        antecedent = group_antecedent(phrase.root, self.lex.attributions.group_anaphora, self.kb)
        if antecedent is not None:  # "l'ONG" -> the group named before
            return self._group_name(antecedent), False
        issuer = self.issuer(phrase.root)
        if issuer is not None:  # "un communiqué de la Coalition": the Coalition speaks
            return self.resolve(issuer, at)
        if not self.can_speak(phrase):
            return None, False
        head = normalise(phrase.root.text)
        determiner = next((normalise(c.text) for c in phrase.root.children if c.dep_ in ("det", "det:poss")), "")
        if not determiner and phrase.root.i > 0 and self.doc[phrase.root.i - 1].pos_ == "DET":
            determiner = normalise(self.doc[phrase.root.i - 1].text)  # "le reporter" parsed apart
        issued = self.document_issuer(phrase, head, determiner, at)
        if issued is not None:
            return issued
        if head in self.lex.person_roles and determiner in REFERRING_DETERMINERS:
            gender = FEMININE_DETERMINERS.get(determiner, "")
            person_name = self.role_holder(head, at, gender)
            if person_name:
                return canonical_person(self.kb, person_name), True
        if head in self.lex.speaking_nouns and determiner in REFERRING_DETERMINERS and len(phrase) <= 2:
            fuller = self.fuller_mention(phrase.root)
            if fuller is not None:  # "le ministère" after "le ministère français de la Défense"
                return self._group_name(fuller), False
        name = self.proper_name(phrase.root)
        if name is not None:
            return self.complete(name), True
        return self._group_name(phrase), False

    def fuller_mention(self, head: Token) -> Span | None:
        """A bare definite group noun ("le ministère", "les autorités") refers back to the last mention of the
        same noun with its complement ("le ministère français des Affaires étrangères"), which says whose."""
        doc, word = self.doc, normalise(head.text)
        for token in reversed(doc[max(0, head.i - ANAPHORA_TOKENS):head.i]):
            if token.ent_type_ == "ORG" and token.ent_iob_ == "B" and not self._quoted(token.idx) and not any(
                    normalise(a.text) == word for a in list(token.ancestors)[:3]):
                return None  # a group named since may be the referent ("l'EPA ... l'agence")
            if normalise(token.text) != word or token.pos_ != "NOUN" or self._quoted(token.idx):
                continue
            if any(c.dep_ in ("amod", "nmod") and c.i > token.i for c in token.children):
                return noun_phrase(token, with_apposition=False)
        return None

    def issuer(self, head: Token) -> Token | None:
        """Who issued a document named with its author ("un communiqué de la Coalition", "la lettre du
        ministère"): the author speaks through it. Not a mere complement ("un communiqué de presse")."""
        if normalise(head.text) not in self.lex.document_nouns:
            return None
        for child in head.children:
            if child.dep_ != "nmod" or child.i < head.i:
                continue
            if not any(normalise(c.text) in DE_FORMS for c in child.children if c.dep_ == "case"):
                continue
            if child.text[:1].isupper() or child.ent_type_ or self._actor(noun_phrase(child).text) is not None:
                return child
        return None

    def document_issuer(self, phrase: Span, head: str, determiner: str, at: int) -> tuple[str, bool] | None:
        """A bare definite document ("le communiqué", "le texte") is the one the last speaker issued ("X a
        affirmé dans un communiqué ... Selon le communiqué, « ... »"): that speaker, when recent."""
        if head not in self.lex.document_nouns or determiner not in REFERRING_DETERMINERS or len(phrase) > 2:
            return None
        since = self.last_speaker[0] if self.last_speaker is not None else max(0, at - PRONOUN_WINDOW)
        named = self.named_document(head, since, at)
        if named is not None:
            return named, False
        if self.last_speaker is None:
            return None
        start, name, is_person = self.last_speaker
        return (name, is_person) if 0 < at - start <= PRONOUN_WINDOW else None

    def named_document(self, head: str, since: int, before: int) -> str | None:
        """The document a bare "le texte" or "le communiqué" refers to when the text named one since the last
        speaker ("défini dans la charte de Venise. « ... », dit le texte"): that document as written."""
        doc = self.doc
        last = bisect_left(self.starts, before) if self.starts else len(doc)
        generic = head in self.lex.generic_documents
        for token in reversed(doc[max(0, last - PLURAL_WINDOW):last]):
            if token.idx < since:
                return None
            word = normalise(token.text)
            same = word == head or (generic and word in self.lex.named_texts)
            named = any(c.dep_ in ("nmod", "flat:name", "nummod") for c in token.children)
            if token.pos_ == "NOUN" and same and named and not self._quoted(token.idx):
                return noun_phrase(token, with_apposition=False).text  # "la charte de Lisbonne" is no government
        return None

    def _group_name(self, phrase: Span) -> str:
        """A group's canonical actor name when the actor layer is confident, else the phrase as written.

        The phrase's own words come first ("l'état-major français" is French even in an article on Niger);
        then the actor layer's reading of a mention inside it, which knows the article's country ("les
        autorités"). A mention that starts before the phrase belongs to other words ("à l'AFP X")."""
        actor = self._actor(phrase.text)
        if actor is not None and _confident(actor.type, actor.country):
            return actor.name
        for mention in self.entities:
            inside = phrase.start_char <= mention.start < phrase.end_char
            if inside and mention.actor and _confident(mention.actor.type, mention.actor.country):
                return mention.actor.name
        return phrase.text

    @property
    def kb(self) -> ActorKB:
        return self.lex.attributions.actors

    def _actor(self, text: str) -> Actor | None:
        return resolve_actor_text(self.kb, text)


def _main_subject(token: Token) -> bool:
    """The subject of a clause that is not subordinate: "comme le souhaite X" or "X, qui ..." leaves X in the
    background, and a later "il" goes on with the main clause's subject."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    # An adverbial clause with no conjunction is often the parser's reading of a reported main clause
    # ("X a annulé la visite, a affirmé Y"): only a marked one ("comme", "quand") is subordinate.
    return verb.dep_ != "acl:relcl" and not (
        verb.dep_ in ("advcl", "acl") and any(c.dep_ == "mark" for c in verb.children))


def _opens_clause(person: Span) -> bool:
    """A name after a comma that is the subject of a verb after it ("Pour X, Y incarne ...") starts a new
    clause: it is no apposition ("a lancé la cheffe des députés, Y, sur LCI" keeps Y)."""
    doc = person.doc
    closed = person.end < len(doc) and doc[person.end].text in (",", ")", "(")  # ", Y, sur LCI": apposition
    return not closed and person.root.dep_ in SUBJECT_DEPS and person.root.head.i > person.root.i


def canonical_person(kb: ActorKB, name: str) -> str:
    """A person the actor knowledge base knows gets its normalised name ("Poutine" -> "Vladimir Putin"), as the
    gold's speakers are written; anyone else keeps the fullest name the article gives."""
    actor = resolve_actor_text(kb, name)
    known = kb.person_words.get(actor.name) if actor is not None else None
    if actor is None or known is None:
        return name
    words = name.split()
    # "Borislav Milosevic" is not "Slobodan Milosevic": a first name as written must be one of the known
    # person's names or aliases (accents aside: "Jose Maria Aznar" is "José María Aznar").
    return actor.name if len(words) < 2 or fold(words[0]) in known else name


def _confident(kind: str, country: str | None) -> bool:
    """A resolution worth printing instead of the text: tied to a country, or a named group."""
    return kind != "unknown" and kind != "person" and (country is not None or kind in NAMED_GROUP_TYPES)
