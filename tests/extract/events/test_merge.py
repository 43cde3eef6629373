"""Merging drafts of one real-world event (veille.extract.events.merge), on drafts built by hand."""

from __future__ import annotations

from veille.extract.events.arguments import Toll
from veille.extract.events.merge import Draft, merge_drafts, merge_toll
from veille.extract.mentions import EventDate


def _draft(acled: tuple[str, str], date: str, precision: str, anaphoric: bool = False) -> Draft:
    return Draft(acled=acled, plover="ASSAULT", date=EventDate(value=date, precision=precision, text=None),
                 location=None, actor1=None, actor2=None, toll=Toll(), evidence="", evidence_span=(0, 0),
                 confidence=0.7, specific=True, anaphoric=anaphoric)


ATTACK = ("Violence against civilians", "Attack")


AIR = ("Explosions/Remote violence", "Air/drone strike")


def test_an_anaphor_of_another_subtype_does_not_join_an_event():
    peaceful = _draft(("Protests", "Peaceful protest"), "2022-06-13", "day")
    peaceful.plover = "PROTEST"
    charged = _draft(("Protests", "Protest with intervention"), "2022-06-14", "day", anaphoric=True)
    charged.plover, charged.toll = "PROTEST", Toll(injured=3)
    merged = merge_drafts([peaceful, charged])
    assert [d.acled for d in merged] == [("Protests", "Peaceful protest")]
    assert merged[0].toll.injured is None


def test_the_weapon_and_the_target_of_one_dated_event_merge_into_the_weapon():
    merged = merge_drafts([_draft(ATTACK, "2022-06-14", "day"), _draft(AIR, "2022-06-14", "day", anaphoric=True)])
    assert [d.acled for d in merged] == [AIR]


def test_an_undated_weapon_word_does_not_retype_an_attack():
    merged = merge_drafts([_draft(ATTACK, "2022-06-14", "day"), _draft(AIR, "2022-06-15", "unknown")])
    assert sorted(d.acled for d in merged) == sorted([ATTACK, AIR])


def test_merged_toll_prefers_exact_then_larger_figures():
    toll = Toll(fatalities=20, fatalities_approx=True)
    merge_toll(toll, Toll(fatalities=18))
    assert (toll.fatalities, toll.fatalities_approx) == (18, False)
    merge_toll(toll, Toll(fatalities=21))
    assert toll.fatalities == 21
    merge_toll(toll, Toll(fatalities=30, fatalities_approx=True))
    assert toll.fatalities == 21


def test_explosion_is_not_retyped_as_a_clash_by_a_later_mention():
    from veille.extract.events.merge import _may_retype

    explosion = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert not _may_retype(explosion, ("Battles", "Armed clash"))
    assert _may_retype(explosion, ("Explosions/Remote violence", "Suicide bomb"))
    assert _may_retype(("Battles", "Armed clash"), ("Violence against civilians", "Attack"))


def test_claims_of_one_source_merge_when_their_figures_agree():
    from veille.extract.events.merge import add_claim
    from veille.model import Claim

    claims = add_claim([Claim(source="l'armée", fatalities=12)], Claim(source="l'armée", fatalities=12, injured=8))
    assert claims == [Claim(source="l'armée", fatalities=12, injured=8)]
    claims = add_claim(claims, Claim(source="l'armée", fatalities=15))
    assert [c.fatalities for c in claims] == [12, 15]
    assert len(add_claim(claims, Claim(source="OSDH", fatalities=12))) == 3
