"""find_dates, date_for_span and the sentence helpers on short invented texts."""

import datetime as dt

import pytest

from articles.extraction.dates import date_for_span, find_dates, sentence_spans

FRIDAY = dt.date(2019, 6, 21)


def only(text: str, published: dt.date | None = FRIDAY):
    """The single date mention in ``text``, with its words."""
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return text[m.start : m.end], m.value, m.precision


@pytest.mark.parametrize(
    "text, words",
    [
        ("The vote was held September 28, 2017 downtown.", "September 28, 2017"),
        ("The vote was held Sept. 28, 2017 downtown.", "Sept. 28, 2017"),
        ("The vote was held 28 September 2017 downtown.", "28 September 2017"),
        ("The vote was held 2017-09-28 downtown.", "2017-09-28"),
        ("The vote was held 9/28/2017 downtown.", "9/28/2017"),
    ],
)
def test_absolute_dates_have_day_precision(text, words):
    assert only(text) == (words, dt.date(2017, 9, 28), "day")


def test_month_and_day_without_year_takes_the_publication_year():
    assert only("Deputies met on Feb. 9 with the council.") == (
        "Feb. 9",
        dt.date(2019, 2, 9),
        "day",
    )


def test_absolute_date_parses_without_publication_date():
    assert only("It started on February 9, 2017.", None)[1] == dt.date(2017, 2, 9)


def test_month_year_is_first_of_month():
    assert only("The order dates from June 2018.") == ("June 2018", dt.date(2018, 6, 1), "month")


def test_in_month_is_this_year_when_not_after_publication():
    assert only("She signed it in June.")[1:] == (dt.date(2019, 6, 1), "month")


def test_in_month_after_publication_month_is_last_year():
    assert only("She signed it in October.")[1] == dt.date(2018, 10, 1)


def test_mid_month_is_month_precision_on_the_first():
    assert only("A mid-February raid shook the town.") == (
        "mid-February",
        dt.date(2019, 2, 1),
        "month",
    )


def test_lower_case_may_is_not_a_month():
    assert find_dates("The sheriff may sign it in due course.", FRIDAY) == []


def test_weekday_after_past_verb_is_on_or_before_publication():
    assert only("The mayor announced Thursday that the jail would close.")[1] == dt.date(
        2019, 6, 20
    )


def test_weekday_on_publication_day_in_past_context_is_that_day():
    assert only("The paper reported on Friday that raids were set.")[1] == FRIDAY


def test_weekday_in_future_context_is_after_publication():
    assert only("The sweeps, expected on Sunday, worry residents.")[1] == dt.date(2019, 6, 23)


def test_next_weekday_is_after_publication():
    assert only("The board meets next Friday.")[1] == dt.date(2019, 6, 28)


def test_weekday_without_tense_is_unresolved():
    assert only("Sunday brunch at the diner.")[1] is None


def test_weekday_evening_is_one_mention():
    assert only("In a statement Friday night, the chief said no.")[0] == "Friday night"


@pytest.mark.parametrize(
    "word, expected",
    [("today", FRIDAY), ("yesterday", dt.date(2019, 6, 20)), ("tomorrow", dt.date(2019, 6, 22))],
)
def test_relative_days(word, expected):
    assert only(f"The council voted {word} on the plan.")[1:] == (expected, "day")


def test_last_week_names_no_day():
    assert only("The council voted last week.")[1] is None


def test_last_month_and_last_year():
    assert only("The council voted last month.")[1:] == (dt.date(2019, 5, 1), "month")
    assert only("The council voted last year.")[1:] == (dt.date(2018, 1, 1), "year")


def test_in_year_is_year_precision():
    assert only("The program ended in 2015.")[1:] == (dt.date(2015, 1, 1), "year")


def test_relative_dates_unresolved_without_publication_date():
    mentions = find_dates("She spoke Thursday and again last month, yesterday too.", None)
    assert len(mentions) == 3
    assert all(m.value is None for m in mentions)


def test_counts_and_percentages_are_not_dates():
    assert (
        find_dates("Deputies held 2,000 people, 10 percent of the total, for 48 hours.", FRIDAY)
        == []
    )


def test_sentence_split_ignores_abbreviations():
    text = "The vote was on Sept. 28 in the U.S. Senate. Then it passed."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The vote was on Sept. 28 in the U.S. Senate.",
        "Then it passed.",
    ]


def test_date_for_span_picks_nearest_date_in_the_sentence():
    text = "On Monday the judge said that a raid in June had been planned."
    start = text.index("a raid")
    assert date_for_span(text, start, start + len("a raid"), FRIDAY) == dt.date(2019, 6, 1)


def test_date_for_span_ignores_other_sentences():
    text = "The mayor spoke Thursday. The jail will close."
    start = text.index("The jail")
    assert date_for_span(text, start, len(text), FRIDAY) is None


def test_date_for_span_reads_attribution_after_a_quote():
    text = "“We will not comply.” Mayor Dana Pell said Thursday."
    assert date_for_span(text, 1, text.index("”"), FRIDAY) == dt.date(2019, 6, 20)


# Found by tests/articles/extraction/test_fuzz.py: a publication date at the calendar's ends
# (a sidecar may say "0001-01-01") raised OverflowError or ValueError.


@pytest.mark.parametrize(
    "text, published",
    [
        ("ICE said yesterday it arrested five people.", dt.date.min),
        ("Agents raided the plant last month.", dt.date.min),
        ("Agents raided the plant last year.", dt.date(1, 6, 1)),
        ("ICE said it will raid the plant tomorrow.", dt.date.max),
        ("ICE will raid the plant next month.", dt.date(9999, 12, 1)),
        ("ICE will raid the plant on Monday.", dt.date.max),
    ],
)
def test_relative_dates_past_the_calendars_ends_are_unresolved(text, published):
    [mention] = find_dates(text, published)
    assert mention.value is None
