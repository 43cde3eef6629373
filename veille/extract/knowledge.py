"""Everything the mention and event layers know about French, built once and handed to them.

`load_knowledge()` reads every language-knowledge file (each validated by its schema, see
`veille.resources.schemas`) and compiles the lookup tables the layers use; the `Extractor` calls it once and
passes the tables down, so no layer loads anything in the middle of an article, and a test builds exactly the
tables it needs (`load_number_lexicon()`, `load_kb()`, ...) instead of patching a global loader.
"""

from __future__ import annotations

from dataclasses import dataclass

from veille.extract.actors.kb import ActorKB, load_kb
from veille.extract.attributions import AttributionLexicon, load_attribution_lexicon
from veille.extract.casualties import CasualtyLexicon, load_casualty_lexicon
from veille.extract.events.lexicon import Lexicon as EventLexicon
from veille.extract.events.lexicon import load_event_lexicon
from veille.extract.numbers import NumberLexicon, load_number_lexicon
from veille.extract.quote_spans import QuoteLexicon, load_quote_lexicon
from veille.extract.temporal.lexicon import Lexicon as TemporalLexicon
from veille.extract.temporal.lexicon import load_temporal_lexicon
from veille.geo.landmarks import LandmarkLexicon, load_landmarks
from veille.geo.lexicon import PlaceLexicon, load_place_lexicon


@dataclass(frozen=True)
class Knowledge:
    """The compiled language knowledge of every layer (read-only)."""

    numbers: NumberLexicon
    temporal: TemporalLexicon
    actors: ActorKB
    casualties: CasualtyLexicon
    attributions: AttributionLexicon
    quotes: QuoteLexicon
    places: PlaceLexicon  # the geo package's words around place names
    landmarks: LandmarkLexicon
    events: EventLexicon


def load_knowledge() -> Knowledge:
    """Load and compile every language-knowledge file (about a second: the actor knowledge base dominates)."""
    numbers = load_number_lexicon()
    temporal = load_temporal_lexicon()
    actors = load_kb()
    attributions = load_attribution_lexicon(actors)
    return Knowledge(
        numbers=numbers,
        temporal=temporal,
        actors=actors,
        casualties=load_casualty_lexicon(numbers),
        attributions=attributions,
        quotes=load_quote_lexicon(attributions, numbers, temporal.time_words()),
        places=load_place_lexicon(),
        landmarks=load_landmarks(),
        events=load_event_lexicon(),
    )
