"""The gazetteer: states, the district, counties and cities, with stable slugs and ids."""

from articles.extraction.places.gazetteer import (
    aliases,
    gazetteer,
    place_by_slug,
    places_by_name,
    state_by_code,
    state_by_name,
)


def test_state_has_slug_fips_and_centroid():
    state = place_by_slug("massachusetts")
    assert (state.kind, state.state, state.external_id) == ("state", "MA", "fips:25")
    assert 41 < state.latitude < 43 and -73.5 < state.longitude < -70


def test_multiword_state_slug_is_hyphenated():
    assert place_by_slug("new-york").kind == "state"


def test_there_are_fifty_states():
    assert sum(p.kind == "state" for p in gazetteer().places) == 50


def test_district_of_columbia_is_a_federal_district():
    dc = place_by_slug("washington-dc")
    assert (dc.kind, dc.state, dc.external_id) == ("federal_district", "DC", "fips:11001")
    assert dc.population and 38.8 < dc.latitude < 39.0


def test_county_has_fips_and_centroid_from_csv():
    cook = place_by_slug("cook-county-il")
    assert (cook.kind, cook.name, cook.external_id) == ("county", "Cook County", "fips:17031")
    assert 41.5 < cook.latitude < 42.2 and -88.3 < cook.longitude < -87.5


def test_parish_is_a_county():
    assert place_by_slug("orleans-parish-la").kind == "county"


def test_city_slug_and_geonames_id():
    atlanta = place_by_slug("atlanta-ga")
    assert atlanta.external_id == "geonames:4180439"
    assert atlanta.population > 400_000


def test_new_york_city_is_named_new_york():
    nyc = place_by_slug("new-york-ny")
    assert (nyc.name, nyc.kind) == ("New York", "city")


def test_borough_is_an_alias_of_new_york_city():
    assert place_by_slug("new-york-ny") in aliases()["Brooklyn"]
    assert place_by_slug("brooklyn-ny") is None


def test_new_york_names_both_state_and_city():
    slugs = {p.slug for p in aliases()["New York"]}
    assert slugs == {"new-york", "new-york-ny"}


def test_saint_and_st_spellings_are_aliases():
    assert place_by_slug("st-louis-mo") in places_by_name()["saint louis"]
    assert place_by_slug("st-louis-mo") in places_by_name()["st. louis"]


def test_dc_alternate_names():
    dc = place_by_slug("washington-dc")
    for name in ("d.c.", "washington, d.c.", "district of columbia", "washington dc"):
        assert places_by_name()[name] == (dc,), name


def test_candidates_sorted_most_populous_first():
    assert aliases()["Portland"][0].slug == "portland-or"


def test_slugs_are_unique():
    slugs = [p.slug for p in gazetteer().places]
    assert len(slugs) == len(set(slugs))


def test_state_lookups_by_code_name_and_abbreviation():
    assert state_by_code("or").slug == "oregon"
    assert state_by_name("Ore.").slug == "oregon"
    assert state_by_name("oregon").slug == "oregon"
    assert state_by_name("Narnia") is None


def test_load_is_cached():
    # How fast it loads is measured by the ingestion benchmark, not asserted here.
    gazetteer.cache_clear()
    assert gazetteer() is gazetteer()
