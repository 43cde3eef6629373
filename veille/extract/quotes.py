"""Direct quotations and their speakers: the quote layer's entry point, `find_quotes`.

A cascade, each step in its own module:
1. `quote_spans`: the quoted passages (« », “ ”, " ", ‹ ›), one per paragraph; titles ("l'opération
   « Bouclier de l'Euphrate »") and headings that repeat a quote are not speech;
2. `quote_cues`: where the speaker is named near each quote (incises, colon clauses, "selon X", the subject
   of the clause the quote belongs to); a quote interrupted by an incise is two quotes;
3. `speakers`: who that is (a person's fullest name as written, the person "il" / "elle" or "le ministre"
   refers back to, a group's canonical name when the actor layer is confident);
4. quotes in a series ('"A", "B", ont crié certains') share the incise after the last one;
5. a quote with no speaker of its own continues the current speaker of the passage (news reports quote one
   speaker over a few sentences), unless someone else was named as a subject since. Quotes with no speaker
   are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc

from veille.extract.quote_cues import Found, find_speaker, split_at_incise
from veille.extract.quote_spans import (
    QuoteLexicon,
    QuoteSpan,
    find_quote_spans,
    is_pull_quote,
    is_title,
    load_quote_lexicon,
)
from veille.extract.speakers import Speakers
from veille.model import EntityMention, Quote

__all__ = ["QuoteLexicon", "QuoteSpan", "find_quote_spans", "find_quotes", "load_quote_lexicon"]

# A quote with no speaker of its own continues the previous attributed quote when at most this many
# characters separate them: news reports quote one speaker over a few sentences (calibrated on the
# development articles: 700 characters is about two short paragraphs).
DISCOURSE_WINDOW = 700


def find_quotes(doc: Doc, entities: list[EntityMention], lex: QuoteLexicon) -> list[Quote]:
    """Find the quotations of `doc` with their speakers; quotes with no determinable speaker are dropped."""
    text = doc.text  # built once: Doc.text joins every token on each access
    starts = doc.to_array(IDX).tolist()  # token offsets without a Python object per token
    spans = find_quote_spans(text, lex)
    speakers = Speakers(doc=doc, lex=lex, inside_quotes=[(q.open_at, q.close_end) for q in spans],
                        entities=list(entities), starts=starts)
    quotes: list[Quote] = []
    previous: Said | None = None
    parts = [(part, found) for span in spans for part, found in split_at_incise(doc, text, starts, span, lex)]
    for index, (span, inner) in enumerate(parts):
        if is_title(text, span, lex) or is_pull_quote(text, span):
            continue
        floor = parts[index - 1][0].close_end if index else 0
        found: Found | None
        if inner is not None:
            found, incise_end = inner, span.close_end
        else:
            found, incise_end = find_speaker(doc, text, starts, span, lex, speakers, floor)
            if found is None and index + 1 < len(parts) and in_series(text, span, parts[index + 1][0]):
                # '"A", "B", ont crié certains': the incise after the last quote of a series speaks for all
                after, inner_after = parts[index + 1]
                found = inner_after or find_speaker(doc, text, starts, after, lex, speakers, span.close_end)[0]
        speaker, speaker_text = None, None
        if found is not None:
            speaker, is_person = speakers.resolve(found.token, span.open_at)
            speaker_text = found.text
            if speaker:
                speakers.remember(found.start, speaker, is_person)
        if not speaker and previous is not None and continues(text, previous, span):
            # Someone else named as a subject since the previous quote takes the floor: "Sophie Garnier
            # hausse les épaules. [...] « On verra bien »".
            named = speakers.last_subject(previous.end, span.open_at)
            speaker, speaker_text = named or (previous.speaker, previous.speaker_text)
        if not speaker:
            continue
        quotes.append(Quote(speaker=speaker, speaker_text=speaker_text, quote=text[span.start:span.end],
                            span=(span.start, span.end)))
        previous = Said(span, speaker, speaker_text or speaker, max(incise_end, span.close_end))
    return quotes


@dataclass(frozen=True)
class Said:
    """The last attributed quote: later quotes with no speaker of their own may continue it."""

    span: QuoteSpan
    speaker: str
    speaker_text: str
    end: int  # the end of the quote and of its incise


def in_series(text: str, span: QuoteSpan, following: QuoteSpan) -> bool:
    """Two quotes separated only by a comma or "et" / "ou" ('"A", "B", ont-ils crié') share one incise."""
    gap = text[span.close_end:following.open_at]
    return "\n" not in gap and gap.strip(" ,;").lower() in ("", "et", "ou")


def continues(text: str, previous: Said, span: QuoteSpan) -> bool:
    """A quote with no speaker of its own goes on with the previous speaker when only an incise or a paragraph
    break separates them, or when the previous quote is at most DISCOURSE_WINDOW characters back."""
    gap = text[previous.end:span.open_at]
    return previous.span.continued or not gap.strip(" \n,;:—–-") or len(gap) <= DISCOURSE_WINDOW
