"""Amounts: numbers with what they count."""

from __future__ import annotations

from wirehouse.amounts import find_amounts


def only(text: str):
    amounts = find_amounts(text)
    assert len(amounts) == 1, amounts
    amount = amounts[0]
    assert text[amount.start_char : amount.end_char] == amount.text
    return amount


def test_range_with_what_it_counts():
    a = only("North Korea initially deployed between 10,000 and 12,000 soldiers to Russia.")
    assert (a.text, a.low, a.high, a.unit) == (
        "between 10,000 and 12,000 soldiers",
        1e4,
        12e3,
        "soldiers",
    )


def test_qualifier_kept_in_the_phrase():
    a = only("In recent weeks, another 3,000 troops were sent.")
    assert (a.text, a.low, a.high, a.unit) == ("another 3,000 troops", 3000, 3000, "troops")


def test_money_has_a_currency_code_and_what_it_pays_for():
    a = only("Brussels pledged €100 million in aid.")
    assert (a.low, a.unit, a.counted) == (1e8, "EUR", "aid")
    b = only("The firm raised $1.2bn last year.")
    assert (b.low, b.unit) == (1.2e9, "USD")
    c = only("It sold 5 million euros of bonds.")
    assert (c.low, c.unit, c.counted) == (5e6, "EUR", "bonds")


def test_percentages():
    a = only("The company will cut about 8% of its workforce.")
    assert (a.text, a.low, a.unit, a.counted) == (
        "about 8% of its workforce",
        8,
        "percent",
        "workforce",
    )
    assert only("Output grew 3.5 percent.").unit == "percent"


def test_number_words():
    a = only("Police detained two dozen protesters.")
    assert (a.low, a.high, a.unit) == (24, 24, "protesters")
    b = only("Hundreds of people marched.")
    assert (b.low, b.high, b.unit) == (200, 999, "people")
    c = only("Tens of thousands of refugees fled.")
    assert (c.low, c.high, c.unit) == (20_000, 99_999, "refugees")
    assert only("Three soldiers died.").low == 3


def test_two_word_units():
    a = only("43 people were detained and")
    assert a.unit == "people"
    assert only("Some 27 police officers were hurt.").unit == "officers"
    assert only("It recorded 4,870 measles cases.").unit == "cases"
    assert only("Minsk expelled two Belarusian diplomats.").unit == "diplomats"


def test_dates_years_and_times_are_not_amounts():
    assert find_amounts("It happened on April 28 and on 18 May 2025 at 10:30.") == []
    assert find_amounts("In 2020 the law changed.") == []


def test_percent_ranges_and_halves():
    a = only("duties of between 10% and 21% on imports")
    assert (a.low, a.high, a.unit) == (10, 21, "percent")
    b = only("prices rose by 20% to 30% this year")
    assert (b.low, b.high, b.unit) == (20, 30, "percent")
    c = only("half a million people fled")
    assert (c.low, c.unit) == (500_000, "people")


def test_small_spelled_counts_only_of_what_matters():
    assert find_amounts("The two sides met after four decades.") == []
    assert find_amounts("the Chang'e-7 probe and about 2035 because of a 2022 report") == []
