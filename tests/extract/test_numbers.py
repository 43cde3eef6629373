"""The French number reader: tables of real phrasings, then properties over generated numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veille.extract.numbers import Number, load_number_lexicon, number_before, parse_quantity

LEXICON = load_number_lexicon()

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
         "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def parse_number(text: str) -> Number | None:
    """A number phrase with a value: vague counts ("des dizaines") read as None."""
    number = parse_quantity(text, LEXICON)
    return number if number is not None and number.value is not None else None


def french_below_100(n: int) -> str:
    """Spell 0..99 the standard (France) way, written independently of the reader under test."""
    if n < 17:
        return UNITS[n]
    if n < 20:
        return "dix-" + UNITS[n - 10]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = 10 + unit
        if tens == 7 and unit == 1:
            return "soixante et onze"
        return f"{base}-{french_below_100(rest)}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre-vingt-{UNITS[unit]}"
    if unit == 0:
        return TENS[tens]
    if unit == 1:
        return f"{TENS[tens]} et un"
    return f"{TENS[tens]}-{UNITS[unit]}"


def french(n: int) -> str:
    """Spell 0..999 999 in French words."""
    if n < 100:
        return french_below_100(n)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{UNITS[hundreds]} cent"
        return head if rest == 0 else f"{head} {french_below_100(rest)}"
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else f"{french(thousands)} mille"
    return head if rest == 0 else f"{head} {french(rest)}"


def grouped(n: int, sep: str) -> str:
    """Digits with a thousands separator: 3453510 -> "3.453.510"."""
    return f"{n:,}".replace(",", sep)


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "approx"),
    [
        ("2 600", 2600, 2600, 2600, False),
        ("2\u00a0600", 2600, 2600, 2600, False),
        ("3.453.510", 3453510, 3453510, 3453510, False),
        ("1,4", 1.4, 1.4, 1.4, False),
        ("1,4 million", 1400000, 1400000, 1400000, False),
        ("onze", 11, 11, 11, False),
        ("quarante-trois", 43, 43, 43, False),
        ("soixante-dix", 70, 70, 70, False),
        ("quatre-vingt-douze", 92, 92, 92, False),
        ("vingt et un", 21, 21, 21, False),
        ("une dizaine", 10, None, None, True),
        ("une centaine", 100, None, None, True),
        ("au moins 43", 43, 43, None, True),
        ("plus de 100", 100, 100, None, True),
        ("plus d'une centaine", 100, 100, None, True),
        ("près de 50", 50, None, None, True),
        ("jusqu'à 30", 30, None, 30, True),
        ("jusqu’à trente", 30, None, 30, True),
        ("entre 10 et 15", 10, 10, 15, True),
        ("entre vingt et un et trente", 21, 21, 30, True),
        ("de 10 à 15", 10, 10, 15, True),
    ],
)
def test_reads_french_number_phrases(text, value, low, high, approx):
    assert parse_number(text) == Number(value=value, low=low, high=high, approx=approx)


@pytest.mark.parametrize("text", ["des dizaines", "plusieurs centaines", "des milliers", "quelques dizaines"])
def test_vague_counts_have_no_value(text):
    assert parse_number(text) is None
    quantity = parse_quantity(text, LEXICON)
    assert quantity is not None and quantity.value is None and quantity.approx


@pytest.mark.parametrize("text", ["", "morts", "de 43", "un trente", "43 morts", "l'an 2000", "au moins"])
def test_rejects_what_is_not_a_number(text):
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=999_999))
def test_words_read_back_to_their_value(n):
    assert parse_number(french(n)) == Number(value=n, low=n, high=n, approx=False)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([" ", ".", "\u00a0", "\u202f"]))
def test_grouped_digits_read_back(n, sep):
    assert parse_number(grouped(n, sep)).value == n


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["au moins", "plus de", "pas moins de"]))
def test_lower_bounds_keep_the_figure_as_minimum(n, cue):
    number = parse_number(f"{cue} {french(n)}")
    assert number.value == n and number.low == n and number.high is None and number.approx


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_ranges_give_low_and_high(low, width):
    number = parse_number(f"entre {low} et {low + width}")
    assert (number.low, number.high, number.value) == (low, low + width, low)


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=9))
def test_decimal_comma(integer, decimal):
    assert parse_number(f"{integer},{decimal}").value == pytest.approx(integer + decimal / 10)


def test_number_before_reads_the_longest_phrase(nlp):
    doc = nlp("L'attaque a fait au moins quarante-trois morts.")
    morts = next(t for t in doc if t.text == "morts")
    number, start = number_before(doc, morts.i, 0, LEXICON)
    assert number.value == 43 and number.low == 43
    assert doc[start:morts.i].text == "au moins quarante-trois"
