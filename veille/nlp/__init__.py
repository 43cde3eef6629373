"""The spaCy pipeline: `fr_core_news_md`, loaded once per process and reused."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.errors import ModelError

MODEL_NAME = "fr_core_news_md"


@Language.component("veille_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence. Why: a headline or a dateline has no final full stop, and the parser joins
    it to the first sentence of the body ("Mali : une attaque fait douze morts" + "Des hommes armés ont
    attaqué ..."), so one verb's subject becomes the other's. The parser respects boundaries set before it."""
    for token in doc[1:]:
        if token.is_space:
            continue
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the French model once per process (a second call returns the same object), with line breaks as
    sentence boundaries."""
    try:
        nlp = spacy.load(model, exclude=[])
    except OSError as exc:  # the model package is missing
        raise ModelError(
            f"spaCy model {model!r} is not installed; install veille with pip (it pins {MODEL_NAME})"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("veille_line_breaks", before="parser")
    return nlp
