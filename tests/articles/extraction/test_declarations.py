"""Declarations: what a place calls itself, kept apart from its policies."""

from articles.extraction.declarations import find_declarations
from articles.extraction.pipeline import extract
from articles.extraction.types import Place, PlaceMention, Speaker, StatementCandidate
from tests.articles.extraction.helpers import mentions_of

JACKSON = Place("jackson-ms", "Jackson", "city", "MS", "geonames:4431410")
DADE = Place("miami-dade-county-fl", "Miami-Dade County", "county", "FL", "fips:12086")


def _found(text: str, places: dict[str, Place], speakers=(), statements=()) -> list[tuple]:
    mentions: list[PlaceMention] = mentions_of(text, places)
    return [
        (
            text[d.start : d.end],
            d.place.slug if d.place else None,
            d.label,
            d.negated,
            d.speaker_key,
        )
        for d in find_declarations(text, mentions, list(speakers), list(statements))
    ]


def test_a_place_naming_itself_a_welcoming_city():
    text = "Jackson is a welcoming city, the mayor said."
    assert _found(text, {"Jackson": JACKSON}) == [
        ("Jackson is a welcoming city", "jackson-ms", "welcoming city", False, "")
    ]


def test_a_denial_is_a_negated_declaration():
    text = "Miami-Dade County is not a sanctuary jurisdiction."
    [(_, place, label, negated, _)] = _found(text, {"Miami-Dade County": DADE})
    assert (place, label, negated) == ("miami-dade-county-fl", "sanctuary jurisdiction", True)


def test_we_in_a_quotation_is_the_speakers_place():
    text = "“We remain a sanctuary city,” Ruiz said."
    mayor = Speaker("ana-ruiz", "Ana Ruiz", "person", "Mayor", place=JACKSON)
    said = StatementCandidate(1, 27, "ana-ruiz", "neutral")
    [(words, place, _, _, key)] = _found(text, {}, [mayor], [said])
    assert (words, place, key) == ("remain a sanctuary city", "jackson-ms", "ana-ruiz")


def test_no_city_declaring_itself_is_no_declaration():
    assert _found("No Mississippi city has declared itself a sanctuary city.", {}) == []


def test_a_declaration_never_becomes_a_policy():
    body = (
        "San Francisco Mayor Ana Ruiz reiterated her city’s status as a so-called sanctuary "
        "city, where police vow to refuse to work with federal officials to detain immigrants."
    )
    result = extract(body)
    assert result.policies == []
    [declaration] = result.declarations
    assert declaration.place.slug == "san-francisco-ca"


def test_contracted_and_proud_declarations_but_not_a_possessive():
    assert [w for w, *_ in _found("“We’re a sanctuary city,” she said.", {})] == [
        "’re a sanctuary city"
    ]
    assert [w for w, *_ in _found("Oakland is proud to be a welcoming city.", {})] == [
        "proud to be a welcoming city"
    ]
    assert _found("Denver’s sanctuary city ordinance passed in 2017.", {}) == []


def test_a_place_declared_by_a_council_is_the_object_of_the_verb():
    places = {"Jackson": JACKSON}
    assert _found("In 2017 the council voted to declare Jackson a welcoming city.", places) == [
        ("declare Jackson a welcoming city", "jackson-ms", "welcoming city", False, "")
    ]
    text = "Jackson's council voted to reaffirm Jackson as a sanctuary city on Monday."
    assert [f[1:4] for f in _found(text, places)] == [("jackson-ms", "sanctuary city", False)]
    text = (
        "Jackson had a sanctuary policy. The council then voted to declare the city a "
        "non-sanctuary city."
    )
    assert [f[1:4] for f in _found(text, places)] == [("jackson-ms", "sanctuary city", True)]


def test_never_been_and_does_not_make_are_denials():
    dade = {"Miami-Dade County": DADE}
    text = "Miami-Dade County has never been a sanctuary county, the mayor said."
    assert [f[1:4] for f in _found(text, dade)] == [
        ("miami-dade-county-fl", "sanctuary county", True)
    ]
    text = "The order does not make Miami-Dade County a sanctuary jurisdiction."
    assert [f[1:4] for f in _found(text, dade)] == [
        ("miami-dade-county-fl", "sanctuary jurisdiction", True)
    ]
    text = "Miami-Dade County is not a sanctuary."
    assert [f[1:4] for f in _found(text, dade)] == [("miami-dade-county-fl", "sanctuary", True)]
