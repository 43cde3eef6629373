"""Events: French triggers on the parse, typed in ACLED and PLOVER, with their arguments."""

from __future__ import annotations

from veille.extract.mentions import Mentions
from veille.model import AggregateClaim, Event


def extract_events(mentions: Mentions, article_id: str) -> tuple[list[Event], list[AggregateClaim]]:
    """Extract the events of one article (not implemented yet: returns none rather than inventing any)."""
    return [], []
