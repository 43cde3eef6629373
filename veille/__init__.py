"""veille: French-language news to event data (ACLED / PLOVER), with evidence for every field."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract_article", "Extractor"]


def __getattr__(name: str):
    # Import lazily: `import veille` must stay fast and must not load spaCy.
    if name in ("extract_article", "Extractor"):
        from veille import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
