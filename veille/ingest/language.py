"""Language detection with py3langid, whose model ships inside the package (nothing is downloaded)."""

from __future__ import annotations

from functools import lru_cache

# Characters looked at: the opening of an article tells its language; more only costs time.
SAMPLE_CHARS = 3000
# Below this many characters the guess is unreliable ("Bonjour." scores fr at 0.24): such texts are kept.
MIN_CHARS = 40
# A text is skipped only when another language wins with at least this normalised probability; calibrated
# by hand on short French news sentences (>= 0.95 for fr) and English/Spanish ones (0.83-0.97 for theirs).
MIN_CONFIDENCE = 0.80


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid model, loaded once per process (about 1 s), only when a text is first checked."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """The most likely ISO 639-1 code and its probability, or (None, 0.0) when the text is too short."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None, 0.0
    lang, probability = _identifier().classify(sample)
    return str(lang), float(probability)


def foreign_language(text: str, accepted: frozenset[str]) -> str | None:
    """The detected language when it is confidently not one of `accepted`, else None (keep the text)."""
    lang, probability = detect_language(text)
    if lang is None or lang in accepted or probability < MIN_CONFIDENCE:
        return None
    return lang
