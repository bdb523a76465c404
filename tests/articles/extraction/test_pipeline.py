"""The pipeline's own steps: local officials placed by the article's place, statements dated."""

import datetime as dt

from articles.extraction.pipeline import (
    date_statements,
    dominant_place,
    extract,
    place_local_officials,
)
from articles.extraction.types import Place, PlaceMention, Speaker, StatementCandidate

YUMA = Place("yuma-az", "Yuma", "city", "AZ", "geonames:5322053")
MESA = Place("mesa-az", "Mesa", "city", "AZ", "geonames:5304391")
ARIZONA = Place("arizona", "Arizona", "state", "AZ", "fips:04")


def at(*places):
    return [PlaceMention(i * 10, i * 10 + 4, place) for i, place in enumerate(places)]


def test_one_place_dominating_the_article_is_its_place():
    assert dominant_place(at(YUMA, YUMA, ARIZONA, YUMA, MESA)) == YUMA


def test_no_dominant_place_when_places_are_balanced_or_few():
    assert dominant_place(at(YUMA, MESA)) is None
    assert dominant_place(at(YUMA)) is None


def test_a_mayor_without_a_place_takes_the_dominant_place():
    cast = [
        Speaker("dana-cole", "Dana Cole", "person", role="Mayor"),
        Speaker("lee-park", "Lee Park", "person", role="legal director"),
        Speaker("ice", "ICE", "organisation"),
    ]
    placed = place_local_officials(cast, at(YUMA, YUMA, YUMA))
    assert [s.place for s in placed] == [YUMA, None, None]


def test_a_statement_is_dated_by_its_attribution_with_its_precision():
    body = "“We will not comply,” Cole said on March 3, 2019. “Not ever,” she said in May."
    first = StatementCandidate(1, 19, "dana-cole", "against_cooperation")
    second = StatementCandidate(body.index("Not"), body.index("Not") + 9, "dana-cole", "neutral")
    dated = date_statements(body, [first, second], dt.date(2019, 6, 1))
    assert (dated[0].said_on, dated[0].date_precision) == (dt.date(2019, 3, 3), "day")
    assert (dated[1].said_on, dated[1].date_precision) == (dt.date(2019, 5, 1), "month")


def test_extract_ties_every_fact_to_its_words():
    body = (
        "YUMA, Ariz. — Yuma Mayor Dana Cole said Monday the city jail will no longer hold "
        "people on ICE detainers without a judicial warrant.\n\n"
        "“Our jail is not an arm of ICE,” Cole said."
    )
    result = extract(body, published=dt.date(2020, 1, 15))
    assert {m.place.slug for m in result.places} == {"yuma-az"}
    [statement] = result.statements
    assert body[statement.start : statement.end] == "Our jail is not an arm of ICE"
    assert statement.speaker_key == "dana-cole"
    assert [p.indicators for p in result.policies] == [(("detainers", "limits"),)]
    assert all(0 <= p.start < p.end <= len(body) for p in result.policies)


def _statement(body: str, words: str, key: str = "dana-cole") -> StatementCandidate:
    start = body.index(words)
    return StatementCandidate(start, start + len(words), key, "neutral")


def test_a_statement_is_dated_by_its_attribution_not_by_a_date_inside_it():
    body = "“The law took effect in June 2018,” Cole said Thursday."
    [dated] = date_statements(body, [_statement(body, "The law")], dt.date(2019, 6, 21))
    assert (dated.said_on, dated.date_source) == (dt.date(2019, 6, 20), "text")


def test_a_statement_introduced_by_a_dated_sentence_takes_its_date():
    body = "In a statement Friday night, Cole wrote: “We will not help.”"
    [dated] = date_statements(body, [_statement(body, "We will")], dt.date(2019, 6, 22))
    assert dated.said_on == dt.date(2019, 6, 21)


def test_a_quotation_going_on_in_the_same_paragraph_takes_the_first_ones_date():
    body = "“We enforce the law,” Cole said on Wednesday. “Come legally.”\n“Next,” Cole said."
    found = [_statement(body, w) for w in ("We enforce", "Come legally", "Next")]
    dated = date_statements(body, found, dt.date(2019, 8, 8))
    assert [d.said_on for d in dated] == [dt.date(2019, 8, 7)] * 2 + [dt.date(2019, 8, 8)]
    assert [d.date_source for d in dated] == ["text", "text", "published"]


def test_without_words_or_publication_date_a_statement_is_undated():
    body = "“We will not help,” Cole said."
    [dated] = date_statements(body, [_statement(body, "We will")], None)
    assert (dated.said_on, dated.date_source) == (None, "")


def test_federal_officials_have_no_local_place():
    body = (
        "AUSTIN, Texas — U.S. Magistrate Judge Andrew Austin said the raid was retaliation. "
        "ICE said it acted lawfully. Austin police did not comment."
    )
    result = extract(body, published=dt.date(2017, 3, 24))
    by_key = {s.key: s for s in result.speakers}
    assert (by_key["andrew-austin"].level, by_key["andrew-austin"].place) == ("federal", None)
    assert (by_key["ice"].level, by_key["ice"].place) == ("federal", None)


def test_state_and_local_officials_speak_for_their_state_and_place():
    body = (
        "Cobb County commissioners voted Tuesday in Georgia. Commissioner Lisa Tharpe said no. "
        "Gov. Nathan Cole said yes. State Rep. Ann Ray of Macon said maybe."
    )
    by_key = {s.key: s for s in extract(body).speakers}
    assert (by_key["lisa-tharpe"].level, by_key["lisa-tharpe"].place.slug) == (
        "local",
        "cobb-county-ga",
    )
    assert (by_key["nathan-cole"].level, by_key["nathan-cole"].place.slug) == ("state", "georgia")
    assert by_key["ann-ray"].place.slug == "georgia"


def test_a_federal_speakers_statement_belongs_to_no_place():
    body = "ICE raided a plant in Tucson. “We enforce the law,” ICE said in a statement."
    [statement] = extract(body).statements
    assert (statement.speaker_key, statement.place) == ("ice", None)


def test_a_quotation_after_the_speakers_reported_speech_takes_its_day():
    body = (
        "Yuma County Sheriff Dana Cole said Friday that the jail's work with ICE would go on.\n\n"
        "“Our program was here before this law,” Cole said.\n\n"
        "Cole said the county joined in 2019.\n\n"
        "“It works,” Cole said."
    )
    cole = Speaker(
        "dana-cole",
        "Dana Cole",
        "person",
        role="Sheriff",
        mentions=[(m, m + 4) for m in range(len(body)) if body.startswith("Cole", m)],
    )
    first, second = _statement(body, "Our program"), _statement(body, "It works")
    dated = date_statements(body, [first, second], dt.date(2024, 6, 29), [cole])
    assert (dated[0].said_on, dated[0].date_source) == (dt.date(2024, 6, 28), "text")
    # "joined in 2019" is what the county did, not the day it was said
    assert (dated[1].said_on, dated[1].date_source) == (dt.date(2024, 6, 29), "published")


def test_the_day_of_a_quote_is_read_from_the_attribution_not_the_quotes_tense():
    body = "“We are not going to apologize,” Cole said outside City Hall on Wednesday."
    [dated] = date_statements(body, [_statement(body, "We are")], dt.date(2025, 6, 19))
    assert dated.said_on == dt.date(2025, 6, 18)
