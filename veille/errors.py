"""The errors veille raises, each with a stable code so users and tests can tell them apart."""

from __future__ import annotations


class VeilleError(Exception):
    """Base of every error veille raises on purpose; the CLI turns these into one-line messages."""

    code = "V000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(VeilleError):
    """An input (file, line, feed) cannot be read as an article."""

    code = "V100"


class ExtractionError(VeilleError):
    """One article's extraction failed; the message names the layer and the reason."""

    code = "V110"


class ResourceError(VeilleError):
    """A language-knowledge data file is missing or malformed."""

    code = "V200"


class GazetteerError(VeilleError):
    """The gazetteer cannot be built, opened or imported."""

    code = "V300"


class StoreError(VeilleError):
    """The event store cannot be opened or written."""

    code = "V400"


class ModelError(VeilleError):
    """The spaCy model cannot be loaded."""

    code = "V500"
