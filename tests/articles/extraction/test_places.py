"""find_places / primary_place on short invented sentences: one rule per test."""

from articles.extraction.places import find_places, primary_place
from articles.extraction.places.gazetteer import place_by_slug


def slugs(text: str) -> list[str]:
    return [m.place.slug for m in find_places(text)]


def words(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_places(text)]


# City, State


def test_city_comma_state_resolves_city_and_absorbs_state():
    text = "Officers in Portland, Oregon, said the jail would close."
    assert slugs(text) == ["portland-or"]
    assert words(text) == ["Portland, Oregon"]


def test_city_comma_ap_abbreviation():
    assert slugs("The shelter in Portland, Maine, filled up.") == ["portland-me"]
    assert words("A raid in Portland, Ore. last week.") == ["Portland, Ore."]


def test_city_comma_postal_code():
    assert slugs("Protesters gathered in Springfield, IL on Tuesday.") == ["springfield-il"]


def test_city_state_before_metro_area():
    text = "A raid in the Austin, Texas metro area began at dawn."
    assert slugs(text) == ["austin-tx"]


def test_state_alone_is_a_state():
    assert slugs("Lawmakers in Massachusetts passed the bill.") == ["massachusetts"]


def test_the_state_of():
    text = "Agents made 12 arrests in the state of Massachusetts."
    assert slugs(text) == ["massachusetts"]
    assert words(text) == ["Massachusetts"]


# Counties


def test_county_comma_state():
    text = "There were 30 arrests in Cook County, Illinois, and more elsewhere."
    assert slugs(text) == ["cook-county-il"]
    assert words(text) == ["Cook County, Illinois"]


def test_county_in_named_state():
    assert slugs("Deputies in Santa Clara County, California, refused.") == [
        "santa-clara-county-ca"
    ]


def test_unique_county_and_city_resolve_together():
    text = "The Dane County sheriff and the Madison mayor agreed."
    assert slugs(text) == ["dane-county-wi", "madison-wi"]


def test_ambiguous_county_resolved_by_state_in_text():
    text = "Washington County commissioners met. Oregon officials objected."
    assert slugs(text) == ["washington-county-or", "oregon"]


def test_ambiguous_county_without_context_is_skipped():
    assert slugs("Washington County commissioners voted on Monday.") == []


# Ambiguous city names


def test_ambiguous_city_takes_state_mentioned_elsewhere():
    text = "The Springfield mayor spoke. Illinois law limits detainers."
    assert slugs(text) == ["springfield-il", "illinois"]


def test_ambiguous_city_without_context_is_most_populous():
    assert slugs("The Portland council voted on Monday.") == ["portland-or"]


def test_village_in_context_state_does_not_beat_major_city():
    text = "Mayors in Chicago and Atlanta spoke out."
    assert slugs(text) == ["chicago-il", "atlanta-ga"]


def test_small_town_needs_its_state_in_the_text():
    assert slugs("The detention center in Ocilla is full.") == []
    assert slugs("The detention center in Ocilla, Georgia is full.") == ["ocilla-ga"]
    assert slugs("Georgia holds detainees in Ocilla.") == ["georgia", "ocilla-ga"]


def test_small_town_in_context_needs_a_place_like_position():
    # Congress, Ariz. exists; "before Congress" is not where prose puts a town.
    text = "Phoenix officials testified before Congress."
    assert slugs(text) == ["phoenix-az"]


def test_small_town_in_a_list_of_places_counts():
    text = "New Jersey cities such as Newark, Hoboken and Paterson objected."
    assert slugs(text) == ["new-jersey", "newark-nj", "hoboken-nj", "paterson-nj"]


def test_small_town_before_police_counts():
    assert slugs("Georgia is split. Dalton police cooperate.") == ["georgia", "dalton-ga"]


def test_ambiguous_name_takes_nearest_named_state():
    text = "In Georgia, lawmakers sued. In Texas, Hall County signed up."
    assert slugs(text) == ["georgia", "texas", "hall-county-tx"]


def test_later_bare_mention_reuses_qualified_one():
    text = "Police in Portland, Maine, declined. Portland has 60,000 residents."
    assert slugs(text) == ["portland-me", "portland-me"]


# New York and Washington


def test_new_york_alone_is_the_city():
    text = "Raids are expected in Chicago, New York and Houston."
    assert slugs(text) == ["chicago-il", "new-york-ny", "houston-tx"]


def test_new_york_city_and_nyc():
    assert slugs("New York City and NYC officials") == ["new-york-ny", "new-york-ny"]


def test_new_york_state_forms():
    assert slugs("New York State passed a law.") == ["new-york"]
    assert words("New York State passed a law.") == ["New York State"]
    assert slugs("the state of New York sued") == ["new-york"]
    assert slugs("New York's governor signed it.") == ["new-york"]
    assert slugs("New York lawmakers voted.") == ["new-york"]
    assert slugs("New York Gov. Jane Roe signed it.") == ["new-york"]


def test_borough_names_new_york_city():
    assert slugs("Agents arrested two men in Brooklyn.") == ["new-york-ny"]


def test_washington_dc_forms():
    for text in (
        "in Washington D.C. today",
        "in Washington, D.C., today",
        "in Washington, DC today",
        "in the District of Columbia",
    ):
        assert slugs(text) == ["washington-dc"], text


def test_washington_state():
    assert slugs("Washington state sued the agency.") == ["washington"]
    assert words("Washington state sued the agency.") == ["Washington state"]
    assert slugs("Washington state Attorney General Jo Roe sued.") == ["washington"]


def test_bare_washington_is_skipped():
    assert slugs("Officials in Washington want more deportations.") == []


def test_city_in_washington_state():
    assert slugs("Police in Seattle, Washington, refused.") == ["seattle-wa"]


# Not places


def test_newspaper_is_not_a_place():
    assert slugs("the Washington Post reported on Friday") == []
    assert slugs("as the Denver Post and the Miami Herald reported") == []
    assert slugs("the Atlanta Journal-Constitution reported") == []
    assert slugs("a Los Angeles Times analysis") == []
    assert slugs("the New York Times said") == []
    assert slugs("he told Houston Public Media") == []


def test_broadcaster_before_place_is_not_a_place():
    assert slugs("He told CBS Baltimore that he was disturbed.") == []
    assert slugs("She told WSB-TV Atlanta on Monday.") == []


def test_sports_team_is_not_a_place():
    assert slugs("The Miami Heat won.") == []
    assert slugs("The Chicago Bulls lost.") == []


def test_surname_after_first_name_is_not_a_place():
    assert slugs("Judge Maria Austin ruled on Monday.") == []


def test_name_after_title_is_not_a_place():
    assert slugs("Sen. Warren voted no.") == []


def test_headline_place_after_capitalised_word_counts():
    assert slugs("ICE Raids Hit Chicago Suburbs") == ["chicago-il"]


def test_known_surname_before_speech_verb_is_not_a_place():
    text = "Judge Maria Austin ruled. Austin says the raid was retaliation."
    assert slugs(text) == []


def test_small_town_named_like_a_known_surname_is_a_person():
    text = "In Arkansas, Mayor Ann Johnson spoke. The plan, according to Johnson, is done."
    assert slugs(text) == ["arkansas"]


def test_name_like_city_before_a_surname_is_a_person():
    assert slugs("Tyler Brooks, a volunteer, said it was cold.") == []


def test_common_word_town_is_not_a_place():
    assert slugs("Justice delayed. Commerce slowed. Independence Day.") == []


def test_common_word_town_counts_with_its_state():
    assert slugs("The port in Mobile, Alabama, closed.") == ["mobile-al"]


def test_lowercase_words_are_not_places():
    assert slugs("the mobile unit and a new york style pizza") == []


def test_month_is_not_a_place():
    assert slugs("In June, officials met.") == []


# Adjectival and metonymic uses


def test_place_before_institution_is_the_place():
    text = "The Denver Police Department and Chicago police and the Atlanta City Jail"
    assert slugs(text) == ["denver-co", "chicago-il", "atlanta-ga"]


def test_possessive_excluded_from_span():
    text = "San Francisco's status as a sanctuary city"
    assert words(text) == ["San Francisco"]


def test_metro_prefix():
    assert slugs("families separated here in metro Atlanta") == ["atlanta-ga"]


def test_sentence_final_period_not_in_span():
    assert words("They live in Chicago.") == ["Chicago"]


def test_dateline_in_capitals():
    text = "ATLANTA – The mayor spoke."
    assert slugs(text) == ["atlanta-ga"]
    assert words(text) == ["ATLANTA"]
    assert slugs("SAN DIEGO (AP) — Agents arrived.") == ["san-diego-ca"]
    assert slugs("WASHINGTON — The House voted.") == ["washington-dc"]


# Shape of the result


def test_spans_sorted_non_overlapping_and_exact():
    text = "In Houston, Texas, and Cook County, Illinois, and Miami, police refused."
    mentions = find_places(text)
    assert [m.place.slug for m in mentions] == ["houston-tx", "cook-county-il", "miami-fl"]
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start
    assert all(
        text[m.start : m.end] == m.place.name or "," in text[m.start : m.end] for m in mentions
    )


def test_empty_text():
    assert find_places("") == []


# primary_place


def test_primary_place_is_most_mentioned_city():
    text = "Texas officials met. Denver refused. Houston agreed. Denver police said no."
    assert primary_place(find_places(text)).slug == "denver-co"


def test_primary_place_tie_goes_to_earliest():
    text = "Houston agreed and Denver refused."
    assert primary_place(find_places(text)).slug == "houston-tx"


def test_primary_place_falls_back_to_state():
    assert primary_place(find_places("Texas and Texas and Ohio")) == place_by_slug("texas")


def test_primary_place_none_without_mentions():
    assert primary_place([]) is None


# Rules added for unseen news prose.


def test_a_city_before_a_party_after_a_is_a_place_not_an_outlet():
    assert slugs("said Ann Roe, a Knoxville Republican.") == ["knoxville-tn"]
    assert slugs("told the Springfield Republican on Monday.") == []


def test_a_name_of_several_words_in_a_context_state_needs_no_locative():
    text = "Missouri lawmakers said the city is picking a fight with Jefferson City."
    assert slugs(text) == ["missouri", "jefferson-city-mo"]


def test_items_of_a_tally_list_are_places():
    text = "Arrests in Washington state by city: Seattle, 41; Yakima, 22; Vancouver, 16."
    assert slugs(text) == ["washington", "seattle-wa", "yakima-wa", "vancouver-wa"]


def test_a_foreign_homonym_outside_a_list_still_needs_a_state():
    text = "Washington state officials met in Seattle; one then flew to Vancouver."
    assert slugs(text) == ["washington", "seattle-wa"]


def test_names_before_plural_counties_are_counties():
    text = "Jails in Broward and Palm Beach counties received requests."
    assert slugs(text) == ["broward-county-fl", "palm-beach-county-fl"]
    assert words(text) == ["Broward", "Palm Beach"]


def test_state_followed_by_possessive_is_an_appositive_not_a_qualifier():
    text = "Howard County, Maryland's fourth largest county, voted."
    assert slugs(text) == ["howard-county-md", "maryland"]


def test_a_county_named_in_full_is_meant_by_its_short_name_later():
    text = (
        "Prince George's County voted. Prince George's joins a few counties, as does "
        "Miami-Dade County. It applies to Miami-Dade."
    )
    assert slugs(text) == [
        "prince-georges-county-md",
        "prince-georges-county-md",
        "miami-dade-county-fl",
        "miami-dade-county-fl",
    ]


def test_a_short_name_that_is_a_city_of_the_county_state_stays_the_city():
    text = "Los Angeles County and Los Angeles both voted."
    assert slugs(text) == ["los-angeles-county-ca", "los-angeles-ca"]


def test_an_ambiguous_county_takes_the_state_the_article_names_most():
    text = (
        "Missouri lawmakers met. Missouri officials spoke. The Jackson County jail is full, "
        "Kansas officials said."
    )
    assert slugs(text) == ["missouri", "missouri", "jackson-county-mo", "kansas"]


def _slugs(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.place.slug) for m in find_places(text)]


def test_a_misspelt_town_in_a_list_of_towns():
    text = "Many workers live in Norwalk, Fremont and Bellvue, Ohio."
    assert ("Bellvue", "bellevue-oh") in _slugs(text)


def test_a_saints_possessive_is_a_church_not_a_city():
    assert _slugs("At St. Paul's in Norwalk, Ohio, the pastor spoke.") == [
        ("Norwalk, Ohio", "norwalk-oh")
    ]


def test_new_before_a_city_named_alone_elsewhere_is_an_adjective():
    text = "New Philadelphia mayor restores limits\nPhiladelphia's mayor signed an order."
    assert [slug for _, slug in _slugs(text)] == ["philadelphia-pa", "philadelphia-pa"]


def test_both_cities_of_a_hyphenated_pair():
    text = "Officers arrested 53 in the Raleigh-Durham area of North Carolina."
    assert [slug for _, slug in _slugs(text)] == ["raleigh-nc", "durham-nc", "north-carolina"]


def test_the_first_item_of_a_list_of_small_towns_is_a_place():
    text = "We are asking Marana and Oro Valley to do the same, in Arizona."
    assert [slug for _, slug in _slugs(text)] == ["marana-az", "oro-valley-az", "arizona"]


def test_neighboring_counties_named_together():
    text = "Neighboring Sumter and Levy counties in Florida signed similar agreements."
    assert [slug for _, slug in _slugs(text)][:2] == ["sumter-county-fl", "levy-county-fl"]


def test_washington_in_a_quote_is_the_federal_government():
    text = "“Washington can send all the agents it wants,” the mayor of Jackson, Miss., said."
    assert [slug for _, slug in _slugs(text)] == ["jackson-ms"]


def test_a_states_possessive_before_its_laws_name_is_the_state():
    text = "Washington's Keep Washington Working Act bars police from asking about status."
    assert _slugs(text) == [("Washington", "washington")]


def test_a_dateline_names_its_state_for_the_headline_before_it_and_for_the_counties():
    text = (
        "Lancaster council votes on refugees\n"
        "LANCASTER, Pa. — The council met Tuesday. Lancaster County and York County disagreed."
    )
    assert slugs(text) == ["lancaster-pa", "lancaster-pa", "lancaster-county-pa", "york-county-pa"]


def test_a_county_short_form_beats_a_big_city_of_a_state_the_text_never_names():
    text = "The Torrance County jail in New Mexico holds 187 people. Torrance took a cut."
    assert slugs(text)[-1] == "torrance-county-nm"


def test_a_county_short_form_is_never_part_of_a_longer_name():
    text = "Salt Lake County Sheriff Ana Ruiz spoke. Agents arrested 16 people in Salt Lake City."
    assert slugs(text) == ["salt-lake-county-ut", "salt-lake-city-ut"]


def test_a_foreign_citys_name_where_prose_puts_a_town_in_the_articles_state():
    text = (
        "ICE arrested 64 people in New Hampshire, including 19 in Nashua and 11 in Manchester. "
        "The City of Lebanon adopted a policy."
    )
    assert slugs(text) == ["new-hampshire", "nashua-nh", "manchester-nh", "lebanon-nh"]
    # a country's name is never a town by itself
    assert "lebanon-nh" not in slugs("Workers from Lebanon spoke in Nashua, New Hampshire.")


def test_a_datelines_town_names_the_bare_town_after_it_and_besides_is_no_first_name():
    text = (
        "WORTHINGTON, Minn. — Agents detained 230 workers at the plant in Worthington. "
        "Besides Worthington, agents raided plants in Greeley, Colo., and Cactus, Texas."
    )
    assert slugs(text).count("worthington-mn") == 3


def test_towns_listed_a_line_each_with_their_tallies_are_the_context_states():
    text = (
        "ICE arrested 19 people across North Dakota last week.\n\nArrests by city:\n\n"
        "Fargo (9)\nBismarck (6)\nMinot (3)\nWilliston (1)\n"
    )
    assert slugs(text) == [
        "north-dakota",
        "fargo-nd",
        "bismarck-nd",
        "minot-nd",
        "williston-nd",
    ]
    # a line that starts with a town's name is not a list without the tallies
    assert "minot-nd" not in slugs("Voters in North Dakota went to the polls.\n\nMinot said so.")
