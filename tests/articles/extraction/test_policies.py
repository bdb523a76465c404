"""find_policies on short invented texts, places built by hand."""

import datetime as dt

from articles.extraction.policies import find_policies
from articles.extraction.types import Place, PlaceMention, PolicyCandidate, Speaker
from tests.articles.extraction.helpers import mentions_of

PLACES = {
    "Boise": Place("boise-id", "Boise", "city", "ID", "geonames:5586437"),
    "California": Place("california", "California", "state", "CA", "fips:06"),
    "Dane County": Place("dane-county-wi", "Dane County", "county", "WI", "fips:55025"),
    "Denver": Place("denver-co", "Denver", "city", "CO", "geonames:5419384"),
    "Madison": Place("madison-wi", "Madison", "city", "WI", "geonames:5261457"),
    "Texas": Place("texas", "Texas", "state", "TX", "fips:48"),
    "Tulsa": Place("tulsa-ok", "Tulsa", "city", "OK", "geonames:4553433"),
}
PUBLISHED = dt.date(2018, 9, 6)


def mentions(text: str) -> list[PlaceMention]:
    return mentions_of(text, PLACES)


def policies(text: str, **kwargs) -> list[PolicyCandidate]:
    return find_policies(text, mentions(text), PUBLISHED, **kwargs)


def brief(found: list[PolicyCandidate]) -> list[tuple]:
    return [(p.kind, p.indicators, p.place.slug) for p in found]


def test_executive_order_refusing_detainees_is_dated_by_its_month():
    text = (
        "Tulsa Mayor Ana Reyes signed an executive order in June that said the city would not "
        "accept any more ICE detainees."
    )
    [policy] = policies(text)
    assert brief([policy]) == [("executive_order", (("jail_access", "limits"),), "tulsa-ok")]
    assert policy.effective_on == dt.date(2018, 6, 1)
    assert text[policy.start : policy.end] == text


def test_executive_order_ending_jail_contract_takes_default_place():
    text = "She issued an executive order to end the contract between ICE and the city jail."
    assert brief(policies(text, default_place=PLACES["Tulsa"])) == [
        ("executive_order", (("jail_access", "limits"),), "tulsa-ok")
    ]


def test_ending_a_jail_contract_without_instrument_is_a_jail_contract():
    text = "Boise will terminate its contract to house detainees at the county jail."
    assert brief(policies(text)) == [("jail_contract", (("jail_access", "limits"),), "boise-id")]


def test_resolution_with_several_decisions_is_one_policy():
    text = (
        "The Madison Common Council passed a resolution that limits communication between the "
        "city and ICE; restricts the spending of city funds on immigration enforcement; and says "
        "officials will not ask or disclose immigration status."
    )
    assert brief(policies(text)) == [
        (
            "resolution",
            (("information_sharing", "limits"), ("local_resources", "limits")),
            "madison-wi",
        )
    ]


def test_will_not_detain_without_warrant_for_each_deciding_place():
    text = (
        "Madison Police Chief Lee Ortiz and Dane County Sheriff Kim Holt said local law "
        "enforcement will not detain immigrants without a judicial warrant."
    )
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("detainers", "limits"),), "madison-wi"),
        ("law_enforcement_policy", (("detainers", "limits"),), "dane-county-wi"),
    ]


def test_refusing_to_honor_detainers_by_city_bills_is_an_ordinance():
    text = "Denver passed bills refusing to honor ICE detainers."
    assert brief(policies(text)) == [("ordinance", (("detainers", "limits"),), "denver-co")]


def test_police_directed_not_to_cooperate():
    text = "Denver Mayor Ray Kim directed the police department to not cooperate with ICE."
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("local_resources", "limits"),), "denver-co")
    ]


def test_one_sentence_with_an_order_and_a_database_cutoff_gives_two_policies():
    text = (
        "Boise Mayor Eli Park signed an executive order ending the jail contract, and police "
        "will cut off ICE's access to the police database."
    )
    assert sorted(brief(policies(text))) == [
        ("executive_order", (("jail_access", "limits"),), "boise-id"),
        ("law_enforcement_policy", (("information_sharing", "limits"),), "boise-id"),
    ]


def test_cut_off_access_to_database():
    text = "She ordered Denver police to cut off any access ICE has to the city's police database."
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("information_sharing", "limits"),), "denver-co")
    ]


def test_287g_signed_cooperates_and_ended_limits():
    assert brief(policies("The Tulsa sheriff signed a 287(g) agreement with ICE.")) == [
        ("agreement_287g", (("agreement_287g", "cooperates"),), "tulsa-ok")
    ]
    assert brief(policies("The Tulsa sheriff ended the county's 287(g) agreement.")) == [
        ("agreement_287g", (("agreement_287g", "limits"),), "tulsa-ok")
    ]


def test_cooperating_decisions():
    text = (
        "Boise police agreed to honor ICE detainers.\n"
        "The Tulsa jail will notify ICE of release dates.\n"
        "Denver signed a contract to house ICE detainees."
    )
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("detainers", "cooperates"),), "boise-id"),
        ("law_enforcement_policy", (("information_sharing", "cooperates"),), "tulsa-ok"),
        ("jail_contract", (("jail_access", "cooperates"),), "denver-co"),
    ]


def test_refusing_to_honor_is_not_read_as_honoring():
    kinds = brief(policies("Boise police refused to honor ICE detainers."))
    assert kinds == [("law_enforcement_policy", (("detainers", "limits"),), "boise-id")]


def test_state_laws_banning_and_limiting():
    assert brief(policies("In Texas, SB 4 bans sanctuary cities.")) == [
        ("state_law", (("detainers", "cooperates"), ("local_resources", "cooperates")), "texas")
    ]
    assert brief(policies("California's sanctuary law SB 54 took effect.")) == [
        ("state_law", (("local_resources", "limits"),), "california")
    ]


def test_hypotheticals_and_other_actors_are_skipped():
    text = (
        "Trump threatened to cut funds unless Denver agreed to honor detainers.\n"
        "ICE says sanctuary jurisdictions do not honor detainers.\n"
        "Boise could consider ending the jail contract.\n"
        "Will Tulsa refuse to honor ICE detainers?"
    )
    assert policies(text, default_place=PLACES["Denver"]) == []


def test_general_remark_about_cities_without_a_place_is_skipped():
    text = "Dozens of cities are refusing to honor ICE detainers."
    assert policies(text, default_place=PLACES["Denver"]) == []


def test_quoted_words_are_not_policies():
    text = "“We will not honor ICE detainers,” said Denver activist Bo Lane."
    assert policies(text) == []


def test_no_place_at_all_is_skipped():
    assert policies("The sheriff will not hold inmates for ICE.") == []


def test_place_carries_over_from_the_previous_sentence():
    text = "Tulsa has a new sheriff. She will not hold inmates for ICE."
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("detainers", "limits"),), "tulsa-ok")
    ]


def test_restatement_in_the_same_paragraph_is_dropped():
    text = (
        "Boise police will not hold inmates for ICE. "
        "Boise police will not hold anyone for ICE, the chief said."
    )
    assert len(policies(text)) == 1


def test_not_renewing_287g_limits():
    assert brief(policies("The Tulsa sheriff will not renew the 287(g) agreement.")) == [
        ("agreement_287g", (("agreement_287g", "limits"),), "tulsa-ok")
    ]


def test_council_vote_to_end_the_citys_jail_contract():
    text = "Boise's council voted Monday to end the city's contract with ICE to hold detainees."
    [policy] = policies(text)
    assert brief([policy]) == [("jail_contract", (("jail_access", "limits"),), "boise-id")]
    assert policy.effective_on == dt.date(2018, 9, 3)


def test_state_law_limiting_cooperation_named_by_its_bill_number():
    text = (
        "The governor signed SB 54 on Oct. 5, 2017, limiting cooperation between California "
        "police and ICE."
    )
    [policy] = policies(text)
    assert brief([policy]) == [("state_law", (("local_resources", "limits"),), "california")]
    assert policy.effective_on == dt.date(2017, 10, 5)


def test_sheriff_decision_is_not_given_to_a_city():
    text = (
        "A raid in Tulsa followed the sheriff's decision to limit her department's cooperation "
        "with ICE."
    )
    assert policies(text) == []


def test_sheriff_decision_goes_to_the_named_county():
    text = "Dane County Sheriff Kim Holt will limit her department's cooperation with ICE."
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("local_resources", "limits"),), "dane-county-wi")
    ]


def test_ending_a_jails_contract_with_ice_limits_jail_access():
    text = (
        "Tulsa Mayor Dana Cole signed an executive order ending the city jail's contract with ICE."
    )
    assert brief(policies(text)) == [("executive_order", (("jail_access", "limits"),), "tulsa-ok")]


def test_a_policy_dated_by_month_keeps_month_precision():
    text = "Tulsa Mayor Dana Cole signed an executive order in March ending the jail contract."
    [policy] = policies(text)
    assert (policy.effective_on, policy.date_precision) == (dt.date(2018, 3, 1), "month")


# Rules added for unseen news prose.


def test_no_longer_hold_on_detainers_unless_a_warrant():
    text = (
        "The Dane County jail will no longer hold people on ICE detainers unless a judge "
        "signs a warrant."
    )
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("detainers", "limits"),), "dane-county-wi")
    ]


def test_law_requiring_jails_to_honor_requests_cooperates_on_detainers():
    text = "A state law requires every county jail in Texas to honor ICE detainers."
    assert brief(policies(text)) == [("state_law", (("detainers", "cooperates"),), "texas")]


def test_forbidding_rules_that_limit_what_police_tell_ice_cooperates_on_information():
    text = "The Texas law forbids cities from adopting any rule that limits what police tell ICE."
    assert brief(policies(text)) == [
        ("state_law", (("information_sharing", "cooperates"),), "texas")
    ]


def test_barred_from_sharing_with_ice_limits_information_and_never_cooperates():
    text = (
        "The Denver ordinance bars city employees, including officers, from asking about "
        "immigration status and from sharing information with federal immigration agents."
    )
    assert brief(policies(text)) == [
        ("ordinance", (("information_sharing", "limits"),), "denver-co")
    ]


def test_barred_from_enforcing_immigration_law_limits_local_resources():
    text = "California law has barred local police from enforcing federal immigration law."
    assert brief(policies(text)) == [("state_law", (("local_resources", "limits"),), "california")]


def test_a_dateline_is_not_the_decider_when_the_sentence_names_another_place():
    text = "Boise, Idaho (AP) — The governor signed a law that bans sanctuary cities in Texas."
    assert {p.place.slug for p in policies(text)} == {"texas"}


def _brief(text: str, **kwargs) -> list[tuple]:
    return [
        (p.place.slug if p.place else None, p.status, p.indicators)
        for p in find_policies(text, mentions(text), PUBLISHED, **kwargs)
    ]


def test_a_standing_287g_agreement_and_one_let_lapse():
    assert _brief("Boise has had its own 287(g) agreement since 2009.") == [
        ("boise-id", "in_force", (("agreement_287g", "cooperates"),))
    ]
    assert _brief("The Boise jail board voted to let the 287(g) agreement expire in June.") == [
        ("boise-id", "in_force", (("agreement_287g", "limits"),))
    ]


def test_a_pending_bill_is_proposed_and_a_blocked_law_is_blocked():
    text = "In Texas, a bill that would require every jail to honor ICE detainers is pending."
    assert _brief(text) == [("texas", "proposed", (("detainers", "cooperates"),))]
    text = "A federal judge blocked a Texas law that would let local police arrest migrants."
    assert _brief(text) == [("texas", "blocked", (("local_resources", "cooperates"),))]


def test_a_law_firms_will_soon_join_is_a_proposal():
    text = "Denver will soon join dozens of cities that refuse to honor ICE detainers."
    assert [status for _, status, _ in _brief(text)] == ["proposed"]


def test_what_a_sheriff_says_her_office_will_do_is_her_countys():
    text = (
        "Dane County Sheriff Kim Holt spoke in Madison. "
        "She said her office would stop notifying ICE."
    )
    sheriff = Speaker(
        "kim-holt", "Kim Holt", "person", "Sheriff", place=PLACES["Dane County"], level="local"
    )
    sheriff.mentions = [(text.index("Kim Holt"), text.index("Kim Holt") + 8)]
    sheriff.mentions.append((text.index("She said"), text.index("She said") + 3))
    assert _brief(text, speakers=[sheriff]) == [
        ("dane-county-wi", "in_force", (("information_sharing", "limits"),))
    ]


def test_a_town_where_a_jail_or_court_stands_does_not_decide():
    text = "The Dane County jail in Madison holds ICE detainees under a contract."
    assert [slug for slug, _, _ in _brief(text)] == ["dane-county-wi"]


def test_a_general_remark_and_the_absence_of_a_law_are_no_policy():
    assert _brief("Texas has no statewide law on cooperation with ICE detainers.") == []
    assert _brief("Honoring immigration detainers wastes resources in Denver.") == []


def test_287g_by_its_other_names_and_leaving_it():
    assert _brief("The Tulsa sheriff signed on to ICE's Warrant Service Officer program.") == [
        ("tulsa-ok", "in_force", (("agreement_287g", "cooperates"),))
    ]
    assert _brief("In Dane County, the sheriff pulled out of the program with ICE.") == [
        ("dane-county-wi", "in_force", (("agreement_287g", "limits"),))
    ]


def test_renting_jail_beds_to_ice_is_a_jail_contract():
    assert _brief("Denver rents 200 jail beds to ICE under an intergovernmental agreement.") == [
        ("denver-co", "in_force", (("jail_access", "cooperates"),))
    ]


def test_resuming_and_ending_detainer_holds():
    assert _brief("Boise police resumed honoring ICE detainers in May.") == [
        ("boise-id", "in_force", (("detainers", "cooperates"),))
    ]
    assert _brief("The Tulsa jail no longer holds inmates past their release date for ICE.") == [
        ("tulsa-ok", "in_force", (("detainers", "limits"),))
    ]


def test_state_laws_requiring_cooperation_or_punishing_sanctuary():
    text = "In Texas, the law requires local police to cooperate with ICE."
    assert _brief(text) == [("texas", "in_force", (("local_resources", "cooperates"),))]
    text = "In Texas, the new law penalizes cities that adopt sanctuary policies."
    assert _brief(text)[0][2] == (("local_resources", "cooperates"),)


def test_a_policy_taking_effect_later_is_enacted_and_an_end_date_is_kept():
    text = (
        "The Tulsa sheriff signed a 287(g) agreement with ICE on Monday. "
        "The agreement takes effect Oct. 1 and expires Sept. 30, 2020."
    )
    [policy] = policies(text)
    assert (policy.status, policy.effective_on, policy.ends_on) == (
        "enacted",
        dt.date(2018, 10, 1),
        dt.date(2020, 9, 30),
    )


def test_ending_a_practice_of_holding_people_on_detainers():
    text = "The Dane County sheriff ended the jail's practice of holding people on ICE detainers."
    assert _brief(text) == [("dane-county-wi", "in_force", (("detainers", "limits"),))]


def test_a_sanctuary_ban_named_as_a_noun_and_a_ban_on_limiting_cooperation():
    assert _brief('Texas\'s new "sanctuary city" ban takes effect soon.')[0][2] == (
        ("detainers", "cooperates"),
        ("local_resources", "cooperates"),
    )
    text = "The Texas law bars towns from adopting any policy that discourages police from helping."
    assert _brief(text) == [
        ("texas", "in_force", (("detainers", "cooperates"), ("local_resources", "cooperates")))
    ]


def test_pulling_deputies_out_of_a_program_ends_it_and_not_what_it_did():
    text = (
        "The Dane County sheriff will pull his deputies out of a federal program that trained "
        "them to check the immigration status of inmates."
    )
    assert _brief(text) == [("dane-county-wi", "in_force", (("agreement_287g", "limits"),))]
    text = "Dane County sheriff ends jail program that screened inmates for ICE"
    assert _brief(text) == [("dane-county-wi", "in_force", (("agreement_287g", "limits"),))]


def test_barring_agreements_to_detain_and_holding_at_ices_request():
    text = "The Texas law bars every county from signing or renewing an agreement to detain people."
    assert _brief(text) == [("texas", "in_force", (("jail_access", "limits"),))]
    text = "Sheriffs in Dane County stopped holding inmates at the request of immigration agents."
    assert _brief(text) == [("dane-county-wi", "in_force", (("detainers", "limits"),))]


def test_what_an_official_said_the_jail_would_still_do_is_in_force():
    text = (
        "The Dane County sheriff said the jail would still notify ICE when it books someone, "
        "and would still let ICE pick people up at the jail."
    )
    assert _brief(text) == [
        (
            "dane-county-wi",
            "in_force",
            (("information_sharing", "cooperates"), ("jail_access", "cooperates")),
        )
    ]


def test_bills_that_died_are_filed_or_applications_are_proposals():
    text = "A bill to ban sanctuary cities in Texas passed the state House but died in the Senate."
    assert {status for _, status, _ in _brief(text)} == {"proposed"}
    text = "Texas Rep. Ana Ruiz said she would file a bill to require jails to honor detainers."
    assert {status for _, status, _ in _brief(text)} == {"proposed"}
    text = "The Dane County sheriff said his office is applying to join the 287(g) program."
    assert {status for _, status, _ in _brief(text)} == {"proposed"}


def test_a_count_of_people_held_is_no_policy_and_the_states_law_is_the_states():
    assert _brief("The Dane County jail held 73 people for ICE under the agreement in 2018.") == []
    text = "Texas passed a law in May. The state's new law limits ICE's access to driver records."
    assert ("texas", "in_force", (("information_sharing", "limits"),)) in _brief(text)


def test_a_ban_on_limits_cooperates():
    text = "The Texas law prohibits towns from adopting policies that limit cooperation with ICE."
    [(place, _, indicators)] = _brief(text)
    assert place == "texas" and {d for _, d in indicators} == {"cooperates"}
    text = (
        "The Texas law bars any town from prohibiting its officers from sharing information "
        "with ICE."
    )
    assert _brief(text) == [("texas", "in_force", (("information_sharing", "cooperates"),))]


def test_a_negated_cooperation_is_no_cooperation_and_a_class_of_places_decides_nothing():
    text = "Boise is one of several cities that have said they will not help with immigration."
    assert _brief(text) == [("boise-id", "in_force", (("local_resources", "limits"),))]
    assert _brief("More than 20 Texas sheriffs have signed 287(g) agreements since May.") == []


def test_did_the_same_and_a_similar_agreement_point_back_at_a_decision():
    text = "Denver stopped honoring ICE detainers in 2014. Boise did the same in 2016."
    assert _brief(text) == [
        ("denver-co", "in_force", (("detainers", "limits"),)),
        ("boise-id", "in_force", (("detainers", "limits"),)),
    ]
    text = "Dane County ended its 287(g) agreement. Neighboring Boise signed a similar agreement."
    assert _brief(text)[-1] == ("boise-id", "in_force", (("agreement_287g", "cooperates"),))
    assert _brief("Boise did the same in 2016.") == []  # nothing to point back at


def test_a_role_without_a_name_is_the_place_named_before_it_and_a_capital_is_no_decider():
    cast = [
        Speaker(
            "ana-ruiz",
            "Ana Ruiz",
            "person",
            "Sheriff",
            place=PLACES["Tulsa"],
            level="local",
        )
    ]
    text = "In nearby Dane County, the sheriff said he would keep honoring detainers."
    cast[0].mentions = [(text.index("the sheriff"), text.index("the sheriff") + 11)]
    assert _brief(text, speakers=cast) == [
        ("dane-county-wi", "in_force", (("detainers", "cooperates"),))
    ]
    text = "Lawmakers in Boise weigh a bill that would ban sanctuary cities in Texas."
    assert {place for place, _, _ in _brief(text)} == {"texas"}


def test_the_sheriffs_after_a_list_of_counties_are_those_counties():
    places = {**PLACES, "Cook County": Place("cook-county-il", "Cook County", "county", "IL", "")}
    text = (
        "Dane County and Cook County announced the change this week. The sheriffs said they "
        "would now hold someone for U.S. Immigration and Customs Enforcement only if the agency "
        "produces a warrant signed by a judge."
    )
    found = find_policies(text, mentions_of(text, places), PUBLISHED)
    assert {(p.place.slug, p.indicators) for p in found} == {
        ("dane-county-wi", (("detainers", "limits"),)),
        ("cook-county-il", (("detainers", "limits"),)),
    }


def test_places_that_describe_the_deciding_board_do_not_decide():
    text = (
        "Dane County ran the jail for years. The jail board, whose members are appointed by "
        "Boise and Tulsa, voted to let the 287(g) agreement lapse."
    )
    assert {place for place, _, _ in _brief(text)} == {"dane-county-wi"}


def test_a_similar_policy_is_like_the_articles_first_decision():
    text = (
        "Tulsa police will not ask about immigration status. Dane County said its jail will "
        "keep honoring ICE detainers. Boise adopted a similar policy in 2013."
    )
    assert _brief(text)[-1] == ("boise-id", "in_force", (("information_sharing", "limits"),))


def test_longer_objects_between_a_trigger_and_what_it_governs():
    text = (
        "The Tulsa resolution keeps the practice of not asking crime victims, witnesses or "
        "people stopped for minor offenses about their immigration status."
    )
    assert _brief(text)[0][2] == (("information_sharing", "limits"),)
    text = (
        "It bars Tulsa employees from using city resources to help enforce federal civil "
        "immigration law."
    )
    assert ("local_resources", "limits") in _brief(text)[0][2]
    text = "In Dane County, the jail holds up to 800 ICE detainees at a time under a long contract."
    assert _brief(text) == [("dane-county-wi", "in_force", (("jail_access", "cooperates"),))]
    text = "The Dane County board voted to keep honoring them after ICE sent its requests."
    assert _brief(text) == [("dane-county-wi", "in_force", (("detainers", "cooperates"),))]


def test_a_hypothetical_governs_its_clause_and_a_negated_subject_limits():
    text = (
        "In Dane County, the sheriff said he has no plans to sign a 287(g) agreement, but that "
        "the county jail will continue honoring ICE detainers."
    )
    assert _brief(text) == [("dane-county-wi", "in_force", (("detainers", "cooperates"),))]
    text = (
        "Starting in May, no county or city in Texas may hold people for U.S. Immigration and "
        "Customs Enforcement under a contract."
    )
    found = _brief(text)
    assert ("texas", "in_force", (("jail_access", "limits"),)) in found
    assert {d for _, _, indicators in found for _, d in indicators} == {"limits"}
    assert _brief("No agency in Texas currently has a 287(g) agreement with ICE.") == []


def test_holding_people_for_ice_under_an_agreement_and_a_task_force_agreement():
    text = "The Dane County jail holds people for ICE under an agreement with the agency."
    assert ("jail_access", "cooperates") in {i for _, _, found in _brief(text) for i in found}
    text = "Dane County Sheriff Ana Ruiz signed his office's task force agreement in March."
    assert _brief(text) == [("dane-county-wi", "in_force", (("agreement_287g", "cooperates"),))]
    text = "The Dane County board backed the sheriff's application to join the 287(g) program."
    assert {status for _, status, _ in _brief(text)} == {"proposed"}


def test_a_place_in_an_aside_about_the_subject_does_not_decide():
    text = "Dane County, which borders Tulsa, said its jail would keep honoring the ICE holds."
    assert {place for place, _, _ in _brief(text)} == {"dane-county-wi"}
    text = "Texas passed a law in 2023, which requires every sheriff in Texas to honor detainers."
    assert {place for place, _, _ in _brief(text)} == {"texas"}


def test_does_not_apply_is_no_application_and_money_to_help_agents_is_resources():
    text = (
        "The Dane County sheriff said the order does not apply to the jail, which honors detainers."
    )
    assert {status for _, status, _ in _brief(text)} == {"in_force"}
    text = "The Boise ordinance bars the use of city money to help federal immigration agents."
    assert _brief(text) == [("boise-id", "in_force", (("local_resources", "limits"),))]


def test_explaining_an_agreement_already_reported_is_no_new_policy_and_ending_a_similar_one():
    text = (
        "Dane County renewed its 287(g) agreement. Under the agreement, eight officers are "
        "trained to check the immigration status of people booked into the jail. In Boise, "
        "the sheriff ended a similar agreement in 2018."
    )
    assert _brief(text) == [
        ("dane-county-wi", "in_force", (("agreement_287g", "cooperates"),)),
        ("boise-id", "in_force", (("agreement_287g", "limits"),)),
    ]


def test_refusing_detainers_and_barring_data_sharing():
    assert _brief("Dane County has refused ICE detainers since 2011.") == [
        ("dane-county-wi", "in_force", (("detainers", "limits"),))
    ]
    text = (
        "The Boise council will vote on a measure to bar city agencies from sharing data with ICE."
    )
    assert _brief(text) == [("boise-id", "proposed", (("information_sharing", "limits"),))]


def test_a_law_requiring_287g_barring_releases_and_suing_sanctuary_counties():
    text = "The Texas law requires every county sheriff to seek a 287(g) agreement with ICE."
    assert _brief(text) == [("texas", "in_force", (("agreement_287g", "cooperates"),))]
    text = (
        "Texas passed a law. The law also bars county jails from releasing anyone subject to an "
        "ICE detainer, and it allows the attorney general to sue any county that adopts a "
        "sanctuary policy."
    )
    assert _brief(text)[-1] == (
        "texas",
        "in_force",
        (("detainers", "cooperates"), ("local_resources", "cooperates")),
    )


def test_a_bill_awaiting_the_governors_signature_is_proposed():
    text = "The Texas bill, which bans sanctuary cities, now awaits the governor's signature."
    assert {status for _, status, _ in _brief(text)} == {"proposed"}


def test_ices_office_in_the_jail_and_a_legislators_hometown():
    text = "In Dane County, ICE officers will keep their office inside the county jail."
    assert _brief(text) == [("dane-county-wi", "in_force", (("jail_access", "cooperates"),))]
    text = (
        "Texas Rep. Ana Ruiz of Boise has filed a bill that would require every jail in Texas "
        "to give ICE office space."
    )
    assert _brief(text) == [("texas", "proposed", (("jail_access", "cooperates"),))]


def test_what_a_pluperfect_aside_had_decided_the_main_clause_undoes():
    text = (
        "Dane County, which had stopped honoring ICE detainers without a warrant in 2015, "
        "resumed honoring them on Monday."
    )
    assert _brief(text) == [
        ("dane-county-wi", "repealed", (("detainers", "limits"),)),
        ("dane-county-wi", "in_force", (("detainers", "cooperates"),)),
    ]


def test_phrasings_of_real_decisions():
    cases = {
        "Tulsa signed an executive order barring city agencies from cooperating with ICE.": (
            "local_resources",
            "limits",
        ),
        "Denver ended its practice of notifying ICE of inmates' release dates.": (
            "information_sharing",
            "limits",
        ),
        "California signed a law that bans detention contracts between counties and ICE.": (
            "jail_access",
            "limits",
        ),
        "Dane County approved a policy that bars the jail from giving ICE access to inmates.": (
            "jail_access",
            "limits",
        ),
        "Boise voted 6-3 to cut off ICE's access to the city's license-plate reader data.": (
            "information_sharing",
            "limits",
        ),
        "Texas barred counties from entering into or renewing agreements under 287(g).": (
            "agreement_287g",
            "limits",
        ),
        "Dane County will stop renting jail beds to U.S. Immigration and Customs Enforcement.": (
            "jail_access",
            "limits",
        ),
        "Madison barred police from stopping or detaining anyone to check immigration status.": (
            "local_resources",
            "limits",
        ),
    }
    for text, effect in cases.items():
        assert [p.indicators for p in policies(text)] == [(effect,)], text


def test_a_lawsuit_over_a_practice_is_no_policy():
    text = "Advocates are suing Dane County over how the jail shares release dates with ICE."
    assert policies(text) == []


def test_a_capital_before_state_lawmakers_and_a_dateline_before_a_governor_are_states():
    text = (
        "In Boise, state lawmakers approved a bill that would require every sheriff to honor "
        "detainers.\n\nBOISE, Texas — The governor signed a bill that bars counties from "
        "joining 287(g) agreements."
    )
    found = {(p.place.slug, p.indicators) for p in policies(text)}
    assert found == {
        ("idaho", (("detainers", "cooperates"),)),
        ("texas", (("agreement_287g", "limits"),)),
    }


def test_more_phrasings_of_real_decisions():
    cases = {
        "Dane County canceled a contract with the Department of Homeland Security to detain "
        "immigrants.": ("jail_access", "limits"),
        "In Dane County, undocumented immigrants will no longer be housed in the jail for ICE.": (
            "jail_access",
            "limits",
        ),
        "In Dane County, no inmate will be held on an immigration detainer after release.": (
            "detainers",
            "limits",
        ),
        "Texas prohibits agencies from detaining anyone solely on the basis of an ICE detainer.": (
            "detainers",
            "limits",
        ),
        "Dane County will continue to hold inmates on ICE detainers.": ("detainers", "cooperates"),
        "Dane County said the jail would no longer let ICE agents interview inmates.": (
            "jail_access",
            "limits",
        ),
        "Denver refused to renew its agreement giving ICE access to a police database.": (
            "information_sharing",
            "limits",
        ),
        "Dane County will honor detainers only for people charged with murder.": (
            "detainers",
            "limits",
        ),
    }
    for text, effect in cases.items():
        found = policies(text)
        assert [p.indicators for p in found] == [(effect,)], text
        assert [p.status for p in found] == ["in_force"], text  # "undocumented" repeals nothing


def test_endorsing_is_not_ending_and_a_name_is_not_a_ban():
    text = "Dane County commissioners endorsed the jail contract with ICE to hold detainees."
    assert [p.indicators for p in policies(text)] == [(("jail_access", "cooperates"),)]
    assert policies("Barbara Ruiz from Denver said ICE should hold people on detainers.") == []


def test_standing_practices_and_a_state_crime_law():
    cases = {
        # "taken part" and a clause turned by "but" (no comma)
        "The Dane County Sheriff's Office has taken part in the 287(g) program since 2011.": (
            "agreement_287g",
            "cooperates",
        ),
        "The Dane County jail does not have a 287(g) agreement but honors ICE detainers.": (
            "detainers",
            "cooperates",
        ),
        "A judge blocked Texas from enforcing a law that would have made it a crime to be in the "
        "state without legal immigration status.": ("local_resources", "cooperates"),
        "Dane County will keep telling ICE when an inmate it wants is about to be released.": (
            "information_sharing",
            "cooperates",
        ),
        "Dane County will keep letting its agents interview inmates in the jail.": (
            "jail_access",
            "cooperates",
        ),
        "The Dane County sheriff said the jail would release people who are free to go, even "
        "when ICE has lodged a detainer.": ("detainers", "limits"),
        "The Dane County sheriff will stop jailing people on immigration holds alone.": (
            "detainers",
            "limits",
        ),
    }
    for text, effect in cases.items():
        found = policies(text)
        assert [p.indicators for p in found] == [(effect,)], text
    [blocked] = policies(next(t for t in cases if "blocked" in t))
    assert (blocked.place.slug, blocked.kind, blocked.status) == ("texas", "state_law", "blocked")


def test_holding_ice_detainees_is_a_jail_contract_not_detainers():
    text = "Dane County began holding ICE detainees this year."
    assert [p.indicators for p in policies(text)] == [(("jail_access", "cooperates"),)]


def test_an_agreement_to_enforce_immigration_law_under_a_new_law():
    text = (
        "Under the new law, no sheriff in Texas may enter into an agreement with the federal "
        "government to enforce civil immigration law."
    )
    [policy] = policies(text)
    assert (policy.kind, policy.indicators) == ("state_law", (("agreement_287g", "limits"),))


def test_withdrawing_from_the_agreement_just_reported_ends_it():
    text = (
        "Dane County signed a 287(g) agreement in March. The sheriff withdrew from the "
        "agreement two weeks later."
    )
    signed, ended = policies(text)
    assert signed.indicators == (("agreement_287g", "cooperates"),)
    assert ended.place.slug == "dane-county-wi"
    assert ended.indicators == (("agreement_287g", "limits"),)


def test_a_town_only_in_the_dateline_or_a_facilitys_name_or_where_an_office_is_based():
    places = {
        **PLACES,
        "Montpelier": Place("montpelier-vt", "Montpelier", "city", "VT", "geonames:5238685"),
        "St. Albans": Place("saint-albans-vt", "St. Albans", "city", "VT", "geonames:5240509"),
        "Franklin County": Place("franklin-county-vt", "Franklin County", "county", "VT", "x"),
    }
    text = (
        "Montpelier, Vt. – The governor held a ceremony.\n\nThe law also bars officials "
        "from sharing information about a person's immigration status with ICE."
    )
    [policy] = find_policies(text, mentions_of(text, places), PUBLISHED)
    assert policy.place.slug == "vermont"
    text = "The Franklin County Sheriff's Office, based in St. Albans, signed a 287(g) agreement."
    assert [p.place.slug for p in find_policies(text, mentions_of(text, places), PUBLISHED)] == [
        "franklin-county-vt"
    ]
    text = (
        "Those arrested went to the Boise Correctional Center, where Texas holds ICE detainees "
        "under an intergovernmental service agreement."
    )
    assert {p.place.slug for p in policies(text)} == {"texas"}


def test_a_county_the_headline_names_decides_for_itself():
    text = (
        "Dane, Ramsey sheriffs stop jailing people on immigration holds alone\n\n"
        "Ramsey County Sheriff Ana Ruiz said her jail would release people who are free to go, "
        "even when ICE has lodged a detainer."
    )
    places = {
        "Dane": PLACES["Dane County"],
        "Ramsey County": Place("ramsey-county-mn", "Ramsey County", "county", "MN", "fips:27123"),
    }
    found = find_policies(text, mentions_of(text, places), PUBLISHED)
    assert [p.place.slug for p in found] == ["dane-county-wi", "ramsey-county-mn"]


def test_a_person_ice_is_seeking_does_not_make_a_proposal():
    text = "Texas will continue to tell ICE when a person it is seeking is about to be released."
    assert [p.status for p in policies(text)] == ["in_force"]


def test_renting_jail_beds_or_housing_people_held_by_ice_is_a_detention_contract():
    places = {
        "Finney County": Place("finney-county-ks", "Finney County", "county", "KS", "fips:20055"),
        "Kansas": Place("kansas", "Kansas", "state", "KS", "fips:20"),
    }
    for text in (
        "People arrested by ICE agents in western Kansas are booked into the Finney County jail, "
        "which has rented beds to the agency since 2011.",
        "The Finney County jail also houses people held by ICE under a contract signed in 2011.",
        "Finney County houses detainees under an agreement with the agency.",
    ):
        found = find_policies(text, mentions_of(text, places), PUBLISHED)
        assert [(p.kind, p.indicators, p.place.slug) for p in found] == [
            ("jail_contract", (("jail_access", "cooperates"),), "finney-county-ks")
        ], text


def test_the_city_a_judge_sits_in_does_not_make_the_law_the_court_blocked():
    text = (
        "U.S. District Judge Ana Ruiz in Tulsa blocked the parts of the Texas law that let "
        "police ask about immigration status."
    )
    [policy] = policies(text)
    assert (policy.place.slug, policy.status) == ("texas", "blocked")


def test_asking_lawmakers_to_pass_a_law_is_a_proposal():
    text = (
        "The governor of Texas will again ask lawmakers next session to pass a bill requiring "
        "every county jail in Texas to honor ICE detainers."
    )
    assert [(p.place.slug, p.status) for p in policies(text)] == [("texas", "proposed")]


def test_every_department_in_the_state_bound_by_the_attorney_general_is_the_states():
    text = (
        "Madison voted to become a welcoming city in 2017. Since 2019, every police department in "
        "the state has been bound by the attorney general’s directive, which bars officers from "
        "asking about immigration status and from sharing information with ICE beyond what "
        "federal law requires."
    )
    found = find_policies(text, mentions(text), PUBLISHED, default_place=PLACES["Madison"])
    [policy] = [p for p in found if p.indicators != (("local_resources", "limits"),)]
    assert policy.place.slug == "wisconsin"
    # One instrument does not both limit and require sharing: its first words decide.
    assert policy.indicators == (("information_sharing", "limits"),)


def test_a_restraining_order_against_a_numbered_bill_blocks_the_states_law():
    text = (
        "TULSA, Okla. — A federal judge in Tulsa issued a temporary restraining order against "
        "House Bill 1804, which requires police to check the immigration status of anyone "
        "arrested for a felony."
    )
    places = {"TULSA, Okla.": PLACES["Tulsa"], "Tulsa": PLACES["Tulsa"]}
    found = find_policies(text, mentions_of(text, places), PUBLISHED, default_place=PLACES["Tulsa"])
    assert [(p.place.slug, p.kind, p.status) for p in found] == [
        ("oklahoma", "state_law", "blocked")
    ]


def test_a_detention_center_holding_people_for_ice_is_a_jail_contract_not_detainers():
    text = (
        "The Dane County detention center now holds more people for ICE than for the county "
        "itself, six months after the first transfer."
    )
    assert brief(policies(text)) == [
        ("jail_contract", (("jail_access", "cooperates"),), "dane-county-wi")
    ]
    # holding inmates for ICE past their release is honoring detainers
    text = "The Dane County jail holds inmates for ICE for up to 48 hours after their release."
    assert brief(policies(text)) == [
        ("law_enforcement_policy", (("detainers", "cooperates"),), "dane-county-wi")
    ]


def test_signing_does_not_reach_across_an_ending_to_the_agreement_it_ends():
    text = (
        "The Texas attorney general issued an order that bars jails from holding anyone without a "
        "warrant signed by a judge, and that ends the only 287(g) agreement left in Tulsa."
    )
    found = {effect for p in policies(text) for effect in p.indicators}
    assert ("agreement_287g", "limits") in found
    assert ("agreement_287g", "cooperates") not in found


def test_ending_years_in_which_a_jail_held_people_for_ice_ends_its_detention_business():
    text = (
        "The last 12 immigration detainees left the Boise jail on Friday, ending nearly two "
        "decades in which the county facility housed people for ICE under a federal contract."
    )
    assert brief(policies(text)) == [("jail_contract", (("jail_access", "limits"),), "boise-id")]
