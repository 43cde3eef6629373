"""One record per real-world event: drafts of the same event (headline, lead, recap) merge into one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from veille.extract.events.arguments import PRECISION_RANK, Toll
from veille.extract.mentions import EventDate
from veille.model import Actor, Claim, Location

DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
# Confidence gained per further mention of the same event (the headline and the body agree), capped.
REPEAT_BONUS = 0.05
REPEAT_BONUS_MAX = 0.1


@dataclass
class Draft:
    """An event before merging: its fields, and what the merge needs to know about how they were found."""

    acled: tuple[str, str] | None
    plover: str
    date: EventDate
    location: Location | None
    actor1: Actor | None
    actor2: Actor | None
    toll: Toll
    evidence: str
    evidence_span: tuple[int, int]
    confidence: float
    specific: bool  # the sub-event type comes from a context cue or a specific trigger
    repeats: int = 0
    sentence_start: int = 0
    siblings: set[int] = field(default_factory=set)  # ids of drafts split from the same sentence
    anaphoric: bool = False  # "l'attaque", "cette offensive": refers back to an event already reported
    demonstrative: bool = False  # "ce raid", "cette attaque": always refers back, whatever word it uses

    @property
    def type_key(self) -> str:
        return self.acled[0] if self.acled else self.plover


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Fold each draft into the first earlier one it is compatible with, else keep it (text order)."""
    drafts = fold_headings(drafts)
    kept: list[Draft] = []
    pending: list[Draft] = []  # anaphors met before any event of their kind: the lead announcing the body's
    for draft in drafts:
        target = next((k for k in kept if compatible(k, draft)), None)
        if target is not None and draft.demonstrative:  # "Ce raid survient au lendemain de l'annonce par
            merge_toll(target.toll, draft.toll)  # Bamako": the place and date are the report's, not the event's
            target.repeats += 1
        elif target is not None:
            absorb(target, draft)
        elif not draft.anaphoric:
            kept.append(draft)
            for anaphor in [a for a in pending if _same_kind(draft, a)]:  # "l'attaque ... a fait 20 morts"
                merge_toll(draft.toll, anaphor.toll)
                draft.repeats += 1
                pending.remove(anaphor)
        else:
            antecedent = next((k for k in reversed(kept) if _same_kind(k, draft) and not _other_specific(k, draft)),
                              None)
            if antecedent is None and draft.demonstrative:  # "un assaut contre la prison ... Ce raid survient"
                antecedent = next((k for k in reversed(kept) if k.plover == draft.plover), None)
            if antecedent is not None:  # its place and date may be those of the report, not of the event
                merge_toll(antecedent.toll, draft.toll)
                antecedent.repeats += 1
            elif _anchored(draft) and not draft.demonstrative:
                kept.append(draft)
            else:
                pending.append(draft)
    return kept


# A heading is a short line without final punctuation ("Le Conseil réclame la fin des bombardements"); the paragraph it
# announces starts within this many characters.
HEADING_MAX_CHARS = 120
HEADING_REACH_CHARS = 400
FINAL_PUNCTUATION = (".", "!", "?", "»", '"', "”", "…", ":")


def is_heading(draft: Draft) -> bool:
    """A short line without final punctuation: a title or a subheading announcing the next paragraph."""
    text = draft.evidence.strip()
    return len(text) <= HEADING_MAX_CHARS and not text.endswith(FINAL_PUNCTUATION)


def fold_headings(drafts: list[Draft]) -> list[Draft]:
    """A political interaction told by a heading is the one the next paragraph tells in full ("L'UE exige l'arrêt
    des frappes" / "Le président de la Commission a exigé l'arrêt de l'attaque"): it folds into the next draft of
    the same PLOVER code within reach, whose fields win, even when the two name the initiator differently."""
    result = list(drafts)
    for draft in drafts:
        if draft.acled is not None or not is_heading(draft):
            continue
        start = draft.evidence_span[1]
        body = next((d for d in result if d.plover == draft.plover and d.acled is None
                     and start <= d.evidence_span[0] <= start + HEADING_REACH_CHARS), None)
        if body is not None:
            absorb(body, draft)
            result.remove(draft)
    return result


def _other_specific(a: Draft, b: Draft) -> bool:
    """Two drafts typed by their context as different sub-types ("la manifestation ... des coups de matraque"
    after a peaceful protest) are not the same event, even when one is told as an anaphor."""
    return a.specific and b.specific and a.acled != b.acled and not _weapon_and_target(a, b)


def _same_kind(a: Draft, b: Draft) -> bool:
    return a.plover == b.plover and (a.type_key == b.type_key or _generic_violence(a, b) or _weapon_and_target(a, b))


def _anchored(draft: Draft) -> bool:
    """A town-level place and a date stated in the text: enough to stand alone even as an anaphor."""
    return _anchor(draft) <= 1 and draft.date.precision != "unknown"


def compatible(a: Draft, b: Draft) -> bool:
    """Same kind of action, by compatible actors, at a compatible place and date."""
    if a.plover != b.plover:
        return False
    if not _same_kind(a, b):
        return False
    if id(b) in a.siblings or id(a) in b.siblings:
        return False
    if a.acled is None:  # political interactions merge only when their initiator is known to agree
        return a.actor1 is not None and b.actor1 is not None and a.actor1.name == b.actor1.name and _dates_agree(
            a.date, b.date
        )
    if _other_specific(a, b):
        return False
    return _places_agree(a.location, b.location) and _dates_agree(a.date, b.date) and _actors_agree(a, b)


# ACLED event types a generic attack ("l'attaque", typed by its target only) may turn out to be.
VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})


def _generic_violence(a: Draft, b: Draft) -> bool:
    """Two violent drafts, one at least typed only by default: the lead's "l'attaque" and the body's
    "des frappes" may be the same event."""
    both_violent = a.acled is not None and b.acled is not None and {a.acled[0], b.acled[0]} <= VIOLENT_TYPES
    return both_violent and not (a.specific and b.specific)


# The sub-type a weapon gives and the one a target gives are two views of one event: "Tsahal a visé le camp de
# réfugiés" (an attack on civilians, by its target) and "la frappe sur le camp" (an air strike, by its weapon).
TARGET_TYPED_EVENT = "Violence against civilians"
TARGET_TYPED = frozenset({(TARGET_TYPED_EVENT, "Attack")})
WEAPON_TYPE = "Explosions/Remote violence"


def _weapon_and_target(a: Draft, b: Draft) -> bool:
    """One draft typed by its weapon, the other only by whom it targeted, both dated the same day by the text
    (the weapon's type wins, see absorb); undated, a retelling's stray word ("un bruit comme des avions") could
    retype the event."""
    if a.acled is None or b.acled is None or {a.acled[0], b.acled[0]} != {WEAPON_TYPE, TARGET_TYPED_EVENT}:
        return False
    if "unknown" in (a.date.precision, b.date.precision) or a.date.value != b.date.value:
        return False
    return a.acled in TARGET_TYPED or b.acled in TARGET_TYPED


def _places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.precision in ("admin1", "country") or b.precision in ("admin1", "country"):
        return True
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return (a.name or "").lower() == (b.name or "").lower()


# An undated mention (dated by publication) may be an event the text dates elsewhere, if that date is
# within a month before publication; a dated recap of an older event is another event ("Le 18 mars 2018").
# (On the dev articles a week instead of a month gave one more false alarm and no more hit.)
UNDATED_REACH_DAYS = 31


def _dates_agree(a: EventDate, b: EventDate) -> bool:
    if a.value == b.value or (a.precision == "unknown" and b.precision == "unknown"):
        return True
    if a.precision == "unknown" or b.precision == "unknown":
        undated, dated = (a, b) if a.precision == "unknown" else (b, a)
        try:
            days = (dt.date.fromisoformat(undated.value) - dt.date.fromisoformat(dated.value)).days
        except ValueError:
            return False
        return 0 <= days <= UNDATED_REACH_DAYS
    fine, coarse = (a, b) if DATE_RANK[a.precision] <= DATE_RANK[b.precision] else (b, a)
    try:
        fine_day, coarse_day = dt.date.fromisoformat(fine.value), dt.date.fromisoformat(coarse.value)
    except ValueError:
        return False
    if coarse.precision == "week":
        return 0 <= (fine_day - coarse_day).days <= 6
    if coarse.precision == "month":
        return (fine_day.year, fine_day.month) == (coarse_day.year, coarse_day.month)
    if coarse.precision == "year":
        return fine_day.year == coarse_day.year
    return False


def _actors_agree(a: Draft, b: Draft) -> bool:
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if x is not None and y is not None and x.name != y.name:
            return False
    return True


def absorb(into: Draft, other: Draft) -> None:
    """Merge `other` into `into`, keeping the most specific value of every field."""
    if other.specific and not into.specific and _may_retype(into.acled, other.acled):
        into.acled, into.specific = other.acled, True
    elif _weapon_and_target(into, other) and other.acled and other.acled[0] == WEAPON_TYPE:
        into.acled = other.acled  # the weapon says more than the target: an air strike on a camp
    elif not other.specific and not into.specific and _anchor(other) < _anchor(into):
        into.acled = other.acled  # two guesses: the better-placed mention says more
    if PRECISION_RANK.get(_precision(other.location), 4) < PRECISION_RANK.get(_precision(into.location), 4):
        into.location = other.location
    if DATE_RANK[other.date.precision] < DATE_RANK[into.date.precision]:
        into.date = other.date
    into.actor1 = into.actor1 or other.actor1
    into.actor2 = into.actor2 or other.actor2
    merge_toll(into.toll, other.toll)
    if other.confidence > into.confidence:
        into.evidence, into.evidence_span = other.evidence, other.evidence_span
    into.repeats += 1 + other.repeats
    into.confidence = max(into.confidence, other.confidence)


def _may_retype(guess: tuple[str, str] | None, specific: tuple[str, str] | None) -> bool:
    """An explosion stays an explosion: a clash typed from its target ("en visant des positions") only
    refines generic attacks; within Explosions/Remote violence the specific sub-type wins."""
    if guess is None or specific is None or guess[0] != "Explosions/Remote violence":
        return True
    return specific[0] == guess[0]


def repeat_bonus(draft: Draft) -> float:
    """Confidence gained because the article reports this event more than once."""
    return min(REPEAT_BONUS_MAX, REPEAT_BONUS * draft.repeats)


def _anchor(draft: Draft) -> int:
    return PRECISION_RANK.get(_precision(draft.location), 4)


def _precision(location: Location | None) -> str | None:
    return location.precision if location is not None else None


def merge_toll(into: Toll, other: Toll) -> None:
    """Fold another mention's figures in: the most precise figure wins (exact over rounded; then the larger,
    as reports of one event complete each other: "au moins 20" then "21 morts"); the range and the claims
    keep every figure."""
    if _better_figure(other.fatalities, other.fatalities_approx, into.fatalities, into.fatalities_approx):
        into.fatalities, into.fatalities_approx = other.fatalities, other.fatalities_approx
    lows = [v for v in (into.fatalities_low, other.fatalities_low) if v is not None]
    highs = [v for v in (into.fatalities_high, other.fatalities_high) if v is not None]
    into.fatalities_low = min(lows) if lows else None
    into.fatalities_high = max(highs) if highs else None
    if _better_figure(other.injured, other.injured_approx, into.injured, into.injured_approx):
        into.injured, into.injured_approx = other.injured, other.injured_approx
    into.sources += [s for s in other.sources if s not in into.sources]
    for claim in other.claims:
        into.claims = add_claim(into.claims, claim)


def add_claim(claims: list[Claim], claim: Claim) -> list[Claim]:
    """One claim per source and figure set: the headline's "12 morts" and the lead's "12 morts et 8 blessés"
    from the same source are one claim; a source that gives two different figures keeps both."""
    for i, kept in enumerate(claims):
        if kept.source != claim.source:
            continue
        pairs = ((kept.fatalities, claim.fatalities), (kept.injured, claim.injured))
        if all(a is None or b is None or a == b for a, b in pairs):
            claims[i] = kept.model_copy(update={
                "fatalities": kept.fatalities if kept.fatalities is not None else claim.fatalities,
                "injured": kept.injured if kept.injured is not None else claim.injured,
            })
            return claims
    return [*claims, claim]


# An exact figure replaces a rounded one only when it is at least this share of it: "une dizaine" then 8 is a
# refinement; "plus de 50 morts" then "1 mort" (one man named) is another count. Set by reading, not tuned.
MIN_REFINING_SHARE = 0.5


def _better_figure(new: int | None, new_approx: bool, old: int | None, old_approx: bool) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    if new_approx != old_approx:  # an exact figure refines a rounded one it is near ("au moins 20", then 21);
        exact, rounded = (new, old) if old_approx else (old, new)  # far below it, it counts something else
        if exact >= rounded * MIN_REFINING_SHARE:
            return old_approx
    return new > old

