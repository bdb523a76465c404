"""find_events and check_totals on short invented texts, places built by hand."""

import datetime as dt

from articles.extraction.events import check_totals, find_events
from articles.extraction.types import EventCandidate, Place, PlaceMention
from tests.articles.extraction.helpers import mentions_of

PLACES = {
    "Austin": Place("austin-tx", "Austin", "city", "TX", "geonames:4671654"),
    "Baltimore": Place("baltimore-md", "Baltimore", "city", "MD", "geonames:4347778"),
    "Cook County": Place("cook-county-il", "Cook County", "county", "IL", "fips:17031"),
    "Denver": Place("denver-co", "Denver", "city", "CO", "geonames:5419384"),
    "Massachusetts": Place("massachusetts", "Massachusetts", "state", "MA", "fips:25"),
    "Miami": Place("miami-fl", "Miami", "city", "FL", "geonames:4164138"),
    "Omaha": Place("omaha-ne", "Omaha", "city", "NE", "geonames:5074472"),
}
FRIDAY = dt.date(2019, 6, 21)


def mentions(text: str) -> list[PlaceMention]:
    return mentions_of(text, PLACES)


def events(text: str, published: dt.date | None = FRIDAY, **kwargs) -> list[EventCandidate]:
    return find_events(text, mentions(text), published, **kwargs)


def by_kind(found: list[EventCandidate], kind: str) -> list[EventCandidate]:
    return [e for e in found if e.kind == kind]


def test_named_operation_is_title_cased():
    [op] = events("Agents ended Operation Cross Check after four days.")
    assert (op.kind, op.name) == ("operation", "Operation Cross Check")


def test_operation_called_in_quotes_with_approximate_total():
    text = (
        "In an operation called “quiet harbor” agents arrested almost 300 undocumented immigrants."
    )
    [op] = events(text)
    assert (op.name, op.count) == ("Operation Quiet Harbor", 300)
    assert "almost 300" in op.summary
    assert text[op.start : op.end] == text


def test_exact_total_beats_approximate_one():
    text = (
        "In an operation called “quiet harbor” agents arrested about 300 people.\n"
        "Of the 296 immigrants arrested in the quiet harbor operation, 90 had convictions."
    )
    [op] = events(text)
    assert op.count == 296
    assert "about 300" in op.summary


def test_arrest_list_gives_one_event_per_place_under_the_operation():
    text = (
        "Agents ran Operation Cross Check last week.\n"
        "There were 28 arrests in Baltimore, 30 in Cook County and 12 in the state of "
        "Massachusetts."
    )
    found = events(text)
    arrests = by_kind(found, "arrests")
    assert [(e.place.slug, e.count, e.parent) for e in arrests] == [
        ("baltimore-md", 28, 0),
        ("cook-county-il", 30, 0),
        ("massachusetts", 12, 0),
    ]
    assert text[arrests[1].start : arrests[1].end] == "30 in Cook County"


def test_arrested_people_in_a_place():
    [event] = events("ICE arrested 41 people in Austin on Tuesday.")
    assert (event.kind, event.count, event.place.slug) == ("arrests", 41, "austin-tx")
    assert event.starts_on == dt.date(2019, 6, 18)


def test_check_totals_reports_a_mismatch():
    text = (
        "Agents ran Operation Cross Check and arrested 100 people.\n"
        "There were 28 arrests in Baltimore and 30 in Denver."
    )
    assert check_totals(events(text)) == [
        "Operation Cross Check: stated total 100, but its 2 parts add up to 58"
    ]


def test_check_totals_is_empty_when_parts_add_up():
    text = (
        "Agents ran Operation Cross Check and arrested 58 people.\n"
        "There were 28 arrests in Baltimore and 30 in Denver."
    )
    assert check_totals(events(text)) == []


def test_planned_raids_one_per_city_with_future_date_and_target_in_summary():
    text = (
        "The raids, expected on Sunday, are targeting up to 2,000 families.\n"
        "Agents will carry out the sweeps in cities including Baltimore, Denver and Miami."
    )
    planned = by_kind(events(text), "planned_raid")
    assert [e.place.slug for e in planned] == ["baltimore-md", "denver-co", "miami-fl"]
    assert {e.starts_on for e in planned} == {dt.date(2019, 6, 23)}
    assert all(e.count is None for e in planned)
    assert "targeting up to 2,000 families" in planned[0].summary


def test_planned_raid_skips_place_naming_a_newspaper():
    text = "Raids are expected Sunday, the Miami Herald reported."
    assert by_kind(events(text), "planned_raid") == []


def test_past_raid_with_month_precision_date():
    text = "A judge said a mid-February raid in Austin followed the sheriff's decision."
    [raid] = events(text)
    assert (raid.kind, raid.place.slug) == ("raid", "austin-tx")
    assert text[raid.start : raid.end] == "mid-February raid in Austin"
    # Only the month is known: the whole month, never an invented day.
    assert (raid.starts_on, raid.ends_on) == (dt.date(2019, 2, 1), dt.date(2019, 2, 28))
    assert raid.date_precision == "month"


def test_a_raid_on_a_day_has_day_precision_and_no_range():
    [raid] = events("Agents carried out a raid in Omaha on May 3, 2018, officials said.")
    assert (raid.starts_on, raid.ends_on, raid.date_precision) == (dt.date(2018, 5, 3), None, "day")


def test_raided_a_plant_in_a_place():
    [raid] = by_kind(events("Agents raided a meatpacking plant in Omaha."), "raid")
    assert raid.place.slug == "omaha-ne"


def test_detention_count_in_words_uses_default_place():
    text = "Several detainees left, with approximately five people still held."
    [held] = events(text, default_place=PLACES["Denver"])
    assert (held.kind, held.count, held.place.slug) == ("detention", 5, "denver-co")


def test_detention_without_any_place_is_skipped():
    assert events("A dozen detainees remain at the jail.") == []


def test_detention_dozen_with_place_in_sentence():
    [held] = events("A dozen detainees remain at the jail in Omaha.")
    assert (held.count, held.place.slug) == (12, "omaha-ne")


def test_numbers_that_are_not_counts():
    text = (
        "The jail is 10 percent of capacity in Denver. A father of 3 in Denver was held for "
        "48 hours. About 225 local law enforcement agencies refuse. It cost $500 in Denver. "
        "Officers arrested people in 2017 in Denver."
    )
    assert events(text, default_place=PLACES["Denver"]) == []


def test_subsets_of_the_arrested_are_not_new_events():
    text = "Of the 498 immigrants arrested, 317 had prior convictions, and 104 had been deported."
    assert events(text, default_place=PLACES["Denver"]) == []


def test_operation_name_stops_before_weekday_and_acronym():
    [op] = find_events("During Operation Cross Check ICE arrested people.", [], FRIDAY)
    assert op.name == "Operation Cross Check"


def test_operation_date_range():
    text = "Operation Cross Check ran from Sept. 24 to Sept. 27, 2017 in six states."
    [op] = events(text)
    assert (op.starts_on, op.ends_on) == (dt.date(2017, 9, 24), dt.date(2017, 9, 27))


def test_arrested_at_sites_in_a_place():
    [event] = events("Agents said 80 workers were arrested at two plants in Omaha.")
    assert (event.kind, event.count, event.place.slug) == ("arrests", 80, "omaha-ne")


def test_would_conduct_raids_next_week_is_planned():
    found = events("ICE said it would conduct raids next week in Denver and Miami.")
    assert [(e.kind, e.place.slug) for e in found] == [
        ("planned_raid", "denver-co"),
        ("planned_raid", "miami-fl"),
    ]


def test_arrests_get_no_parent_when_several_operations_and_none_in_the_paragraph():
    text = (
        "Agents ran Operation Cross Check and Operation Safe Harbor this year.\n"
        "Separately, ICE arrested 41 people in Austin."
    )
    [arrests] = by_kind(events(text), "arrests")
    assert arrests.parent is None


# Rules added for unseen news prose.


def test_spelled_compound_number_is_one_count():
    [held] = events("Fifty-two of the workers were being held Friday at the jail in Omaha.")
    assert (held.kind, held.count, held.place.slug) == ("detention", 52, "omaha-ne")


def test_arrest_verb_count_then_place_later_in_the_clause():
    [event] = events("Agents arrested 87 workers Thursday at a packing plant in Omaha, ICE said.")
    assert (event.kind, event.count, event.place.slug) == ("arrests", 87, "omaha-ne")


def test_arrest_verb_count_without_a_place_in_its_clause_is_no_event():
    assert events("Agents arrested 87 workers on Thursday; Omaha officials were not told.") == []


def test_tally_after_each_place_in_a_sentence_about_arrests():
    found = events("Officers made arrests in these cities: Austin, 41; Denver, 27; and Miami, 9.")
    assert [(e.count, e.place.slug) for e in found] == [
        (41, "austin-tx"),
        (27, "denver-co"),
        (9, "miami-fl"),
    ]


def test_tally_needs_an_arrest_sentence_and_is_never_a_year():
    assert events("Schools in Austin, 41; Denver, 27 closed.") == []
    assert events("Agents arrested people in Austin, 2019, and in Denver.") == []


def test_bare_count_were_held_is_a_detention():
    [held] = events("Those arrested will stay in custody, and 24 were held in Omaha on Monday.")
    assert (held.kind, held.count, held.place.slug) == ("detention", 24, "omaha-ne")


def test_an_average_held_over_a_past_period_is_no_detention():
    # Was "holder then average count is a detention": issue 15 counts a past average as no
    # event (it says how many a jail used to hold, not how many it holds).
    assert (
        events("ICE held an average of 95 people a day at the jail in Baltimore last year.") == []
    )


def test_a_capacity_or_a_jails_whole_population_is_no_detention():
    assert events("The jail in Baltimore can hold 1,500 people for ICE.") == []
    assert events("The city jail in Baltimore holds about 8,000 inmates on a typical day.") == []


def test_released_people_are_not_held():
    assert events("Twenty-one others were released in Omaha with ankle monitors.") == []


# Found by tests/articles/extraction/test_fuzz.py:


def test_a_digit_run_too_long_for_int_is_no_count_and_no_crash():
    nines = "9" * 5000  # int() refuses strings of more than 4,300 digits
    assert events(f"ICE agents arrested {nines} people in Austin.") == []
    assert events(f"Arrests by city: Austin, {nines}.") == []


def test_zero_is_no_count():
    assert events("ICE agents arrested 0 people in Austin.") == []
    assert events("0 of the workers remain held in Omaha.") == []


def test_a_number_is_read_whole_never_its_first_or_last_word():
    cases = {
        "ICE agents arrested forty two people in Austin.": 42,
        "ICE agents arrested twenty one people in Austin.": 21,
        "ICE agents arrested two hundred and five people in Austin.": 205,
        "ICE agents arrested twelve hundred people in Austin.": 1200,
        "ICE agents arrested 3 million people in Austin.": 3_000_000,
        "ICE agents arrested 40 thousand people in Austin.": 40_000,
        "ICE agents arrested five dozen people in Austin.": 60,
    }
    for text, count in cases.items():
        number = text.removeprefix("ICE agents arrested ").split(" people")[0]
        [event] = events(text)
        assert (event.count, text[event.start : event.end]) == (count, f"{number} people in Austin")


def test_words_that_make_no_number_are_no_count():
    assert events("ICE agents arrested forty fifty people in Austin.") == []
    assert events("ICE agents arrested two three people in Austin.") == []


def test_counts_are_ascii_digits_without_leading_zeros_nor_a_headcount_too_big():
    assert events("01 people remain held in Omaha.") == []
    assert events("ICE agents arrested ٣ people in Austin.") == []
    assert events("ICE agents arrested 1٣ people in Austin.") == []
    assert events("ICE agents arrested 2,147,483,648 people in Austin.") == []


def _counts(text: str) -> list[tuple[int, str | None]]:
    return [(e.count, e.place.slug if e.place else None) for e in events(text) if e.count]


def test_a_count_near_a_reference_point_is_not_the_reference_points():
    assert _counts("Agents arrested 680 people Wednesday at plants in towns near Omaha.") == [
        (680, None)
    ]


def test_a_total_for_a_list_of_places_belongs_to_none_of_them():
    assert _counts("ICE agents arrested four men in Denver and Austin last week.") == [(4, None)]


def test_a_count_for_a_region_belongs_to_no_single_place():
    assert _counts("Officers made 121 of the arrests in the Denver area.") == [(121, None)]


def test_counts_written_as_words_in_a_list_of_places():
    text = "Agents arrested 143 people at a plant in Omaha; ninety-seven in Denver; 71 in Austin."
    assert _counts(text) == [(143, "omaha-ne"), (97, "denver-co"), (71, "austin-tx")]


def test_a_place_before_where_the_count_was_made():
    text = "The largest number came at two plants in Omaha, where agents detained 231 workers."
    assert _counts(text) == [(231, "omaha-ne")]


def test_another_counts_place_is_not_this_counts():
    text = "Agents arrested 68 workers in Castalia and 46 in Omaha."
    assert _counts(text) == [(46, "omaha-ne")]


def test_more_ways_of_reporting_arrests():
    assert _counts("Twelve people were arrested Tuesday in Omaha, ICE said.") == [(12, "omaha-ne")]
    assert _counts("Agents picked up 31 workers at a plant in Denver.") == [(31, "denver-co")]


def test_a_total_of_and_arrests_of():
    assert _counts("Agents arrested a total of 84 people in Omaha.") == [(84, "omaha-ne")]
    assert _counts("ICE confirmed the arrests of 45 workers in Denver on Monday.") == [
        (45, "denver-co")
    ]


def test_a_tally_with_dashes_and_a_named_region():
    text = (
        "Officers arrested 131 people in Western Massachusetts. Arrests: Denver – 58; Austin – 31."
    )
    assert _counts(text) == [(131, None), (58, "denver-co"), (31, "austin-tx")]


def _counts(text: str) -> list[tuple[int, str | None]]:
    return [(e.count, e.place.slug if e.place else None) for e in events(text) if e.count]


def test_counts_after_more_of_them_across_and_the():
    assert _counts("Agents arrested 12 people in Austin. Six more were arrested in Denver.") == [
        (12, "austin-tx"),
        (6, "denver-co"),
    ]
    text = "ICE arrested 83 people in Massachusetts this month, 11 of them in Miami."
    assert (11, "miami-fl") in _counts(text)
    assert _counts("The sweep led to 1,120 arrests across Massachusetts in a week.") == [
        (1120, "massachusetts")
    ]


def test_a_number_of_plants_is_no_other_count_and_a_hyphenated_area_is_a_region():
    text = "Agents arrested 680 people Wednesday at seven plants in towns near Omaha."
    assert _counts(text) == [(680, None)]
    text = "Officers arrested 53 in the Austin-Round Rock area and 36 in the Denver area."
    assert _counts(text) == [(53, None), (36, None)]
    assert _counts("Agents arrested 61 people in Miami and on Key Biscayne.") == [(61, None)]


def test_totals_over_time_are_no_events():
    assert _counts("The jail held 73 people for ICE in 2018, the sheriff said of Omaha.") == []
    assert _counts("At its peak, the Omaha center held about 900 detainees.") == []
    assert _counts("Since 2007 the program led to 10,000 people arrested in Austin.") == []
    assert _counts("The Omaha jail, which holds about 900 inmates, lodged ICE detainers.") == []


def test_a_list_of_places_after_people_held_adds_their_counts():
    text = "ICE was holding 512 people at the Omaha center, 187 at Austin and 96 at Denver."
    assert _counts(text) == [(512, "omaha-ne"), (187, "austin-tx"), (96, "denver-co")]


def test_people_held_are_where_the_facility_is_not_where_a_source_is_named():
    places = {**PLACES, "Nebraska": Place("nebraska", "Nebraska", "state", "NE", "fips:31")}
    text = (
        "At least 40 workers were detained at the plant, according to the Nebraska Immigrant "
        "Legal Center."
    )
    found = find_events(text, mentions_of(text, places), FRIDAY, default_place=PLACES["Omaha"])
    assert [(e.count, e.place.slug) for e in found] == [(40, "omaha-ne")]
    text = "ICE was holding 512 people at the Omaha County Processing Center, 187 at Austin."
    assert _counts(text)[0] == (512, "omaha-ne")


def test_two_counts_of_people_joined_by_and_are_one():
    text = "ICE agents arrested 12 men and three women at two building sites in Austin on Monday."
    assert _counts(text) == [(15, "austin-tx")]


def test_a_hyphenated_area_after_a_count_is_a_region():
    assert _counts("ICE arrests 58 in Denver-area operation") == [(58, None)]


def test_arrests_on_state_charges_are_no_ice_event():
    assert _counts("Troopers arrested 40 people in Austin on state charges of trespassing.") == []


def test_including_continues_a_list_of_counts():
    text = "ICE arrested 41 people across Massachusetts, including 16 in Austin and 11 in Denver."
    assert (16, "austin-tx") in _counts(text) and (11, "denver-co") in _counts(text)


def test_an_operation_with_no_name_keeps_its_total_written_in_words():
    text = (
        "Sixty-three people were taken into custody during a four-day enforcement operation "
        "across North Texas, the agency said. Twenty-one of the arrests were made in Austin "
        "and fourteen in Denver."
    )
    found = events(text)
    [op] = by_kind(found, "operation")
    assert (op.count, op.place, op.name) == (63, None, "")
    assert [(e.place.slug, e.count) for e in by_kind(found, "arrests")] == [
        ("austin-tx", 21),
        ("denver-co", 14),
    ]


def test_an_unnamed_operation_in_one_place_is_that_place():
    [op] = by_kind(events("ICE said a weeklong sweep in Omaha ended with 37 arrests."), "operation")
    assert (op.count, op.place.slug) == (37, "omaha-ne")


def test_an_unnamed_operation_is_not_repeated_beside_its_arrests():
    found = events("Agents arrested 37 workers in Omaha during a weeklong sweep.")
    assert [(e.kind, e.count) for e in found] == [("arrests", 37)]


def test_passive_count_before_a_place():
    found = events("Of those arrested, 22 were apprehended in Miami and 15 in Austin.")
    assert [(e.place.slug, e.count) for e in by_kind(found, "arrests")] == [
        ("miami-fl", 22),
        ("austin-tx", 15),
    ]


def test_a_subset_and_a_restated_total_are_no_detention():
    text = (
        "Agents arrested 40 immigrants in Omaha during a three-day operation. Twelve of those "
        "detained had prior convictions. ICE said all 40 remain in custody."
    )
    found = events(text)
    assert by_kind(found, "detention") == []


def test_an_approximate_count_gives_way_to_a_close_exact_one():
    text = (
        "Agents detain more than 100 at Omaha plant\n\n"
        "Federal agents arrested 117 workers at a plant in Miami on Tuesday."
    )
    assert [(e.place.slug, e.count) for e in events(text)] == [("miami-fl", 117)]


def test_custody_handcuffs_one_of_a_count_and_a_countys_own_jail():
    cases = {
        "ICE officers took custody of 9 inmates from the Cook County Jail last week.": (
            9,
            "cook-county-il",
        ),
        "Agents handcuffed 14 workers at a car wash in Austin.": (14, "austin-tx"),
        "Her husband was one of 12 people ICE officers arrested in Denver in March.": (
            12,
            "denver-co",
        ),
    }
    for text, (count, slug) in cases.items():
        found = by_kind(events(text), "arrests")
        assert [(e.count, e.place.slug) for e in found] == [(count, slug)], text


def test_one_in_a_list_of_things_is_no_count_and_this_town_is_the_datelines():
    text = (
        "Agents arrested nearly 1,300 workers at meat plants in six states, including one in Omaha."
    )
    assert [(e.count, e.place) for e in by_kind(events(text), "arrests")] == []
    text = (
        "Omaha, Neb. (AP) — Federal agents swept through a plant in this small town on Monday "
        "and arrested 389 workers on immigration violations."
    )
    found = by_kind(events(text), "arrests")
    assert [(e.count, e.place.slug) for e in found] == [(389, "omaha-ne")]


def test_counts_whose_verb_carries_the_sense_and_places_shares_of_arrests():
    cases = {
        # a passive verb names what happened, with no word "arrest" in the sentence
        "Of those, 53 were taken into custody in Omaha itself.": [(53, "omaha-ne")],
        "ICE said Friday that 97 people were detained at the plant in Omaha.": [(97, "omaha-ne")],
        "Community groups counted eleven arrests by federal agents in Denver on Sunday.": [
            (11, "denver-co")
        ],
        "In Denver, 261 workers were apprehended, a spokesman said.": [(261, "denver-co")],
        "In Massachusetts, officers arrested 74 people, including 31 in Baltimore.": [
            (74, "massachusetts"),
            (31, "baltimore-md"),
        ],
        "Denver accounted for 23 of the arrests, according to ICE.": [(23, "denver-co")],
        "The arrests in Omaha numbered 41.": [(41, "omaha-ne")],
        "Agents have arrested at least nine people in and around the Cook County Courthouse.": [
            (9, "cook-county-il")
        ],
    }
    for text, expected in cases.items():
        found = by_kind(events(text), "arrests")
        assert [(e.count, e.place.slug) for e in found] == expected, text


def test_a_list_of_places_under_a_heading_and_a_state_as_an_adjective():
    text = "Arrests in Nebraska, by community:\n\nOmaha: 12\nDenver: 7\n"
    found = by_kind(events(text), "arrests")
    assert [(e.count, e.place.slug) for e in found] == [(12, "omaha-ne"), (7, "denver-co")]
    # each count in brackets after its place, a line each, as agency releases list them
    text = "Arrests by city:\n\nOmaha (12)\nDenver (7)\nAustin (1)\n"
    found = by_kind(events(text), "arrests")
    assert [(e.count, e.place.slug) for e in found] == [
        (12, "omaha-ne"),
        (7, "denver-co"),
        (1, "austin-tx"),
    ]
    places = {**PLACES, "Texas": Place("texas", "Texas", "state", "TX", "fips:48")}
    text = "Agents detain 97 at Texas meatpacking plant"
    assert list(find_events(text, mentions_of(text, places), FRIDAY)) == []


def test_people_held_at_a_facility_named_before_not_at_a_reference_point():
    places = {**PLACES, "Eloy": Place("eloy-az", "Eloy", "city", "AZ", "geonames:5294167")}
    text = (
        "They were taken to the Eloy Detention Center, about 65 miles southeast of Omaha. "
        "ICE data showed 1,412 people were being held there as of Wednesday."
    )
    found = by_kind(find_events(text, mentions_of(text, places), FRIDAY), "detention")
    assert [(e.count, e.place.slug) for e in found] == [(1412, "eloy-az")]


def test_a_share_of_those_arrested_taken_to_a_jail_is_held_where_they_were_taken():
    places = {
        **PLACES,
        "Seneca County": Place("seneca-county-oh", "Seneca County", "county", "OH", "fips:39147"),
    }
    text = (
        "Agents arrested 96 workers at a nursery on Tuesday. Twenty of those arrested were "
        "taken to the Seneca County jail, which holds ICE detainees under a contract."
    )
    held = by_kind(find_events(text, mentions_of(text, places), FRIDAY), "detention")
    assert [(e.count, e.place.slug) for e in held] == [(20, "seneca-county-oh")]


def test_farmworkers_detained_in_a_town_are_arrests_there():
    found = by_kind(events("ICE agents detained four farmworkers in Omaha on Thursday."), "arrests")
    assert [(e.count, e.place.slug) for e in found] == [(4, "omaha-ne")]
