import pytest

from articles.extraction.quote_stance import classify_stance, procedural
from articles.extraction.types import Speaker

ICE = Speaker("ice", "U.S. Immigration and Customs Enforcement", "organisation")
ADVOCATE = Speaker("lena-park", "Lena Park", "person", "policy director", "Desert Rights Project")
MAYOR = Speaker("ana-ruiz", "Ana Ruiz", "person", "Mayor")


@pytest.mark.parametrize(
    "quote",
    [
        "Our police will not cooperate with these raids.",
        "We will no longer be complicit in this.",
        "The jail will no longer hold anyone for the agency.",
        "We refuse to comply with requests from the agency.",
        "Today we end our contract with the agency for good.",
        "We will protect our immigrant neighbors, whatever comes.",
    ],
)
def test_refusing_or_ending_cooperation_is_against(quote):
    assert classify_stance(quote, MAYOR) == "against_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "These raids are cruel and inhumane.",
        "It is unconscionable to spread fear among families.",
        "We oppose family separation and the round-up of workers.",
        "We are a sanctuary city, and an inclusive one.",
    ],
)
def test_criticism_of_raids_and_sanctuary_pride_is_against(quote):
    assert classify_stance(quote, MAYOR) == "against_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "These places are shielding criminal aliens from the law.",
        "Such rules create a magnet for illegal immigration.",
        "Non-cooperation policies undermine public safety.",
        "Our 287(g) partnership keeps dangerous criminals off the street.",
        "We honor every detainer and cooperate fully with our partners.",
    ],
)
def test_praise_of_cooperation_and_criticism_of_sanctuary_is_for(quote):
    assert classify_stance(quote, MAYOR) == "for_cooperation"


def test_negation_in_relative_clause_describes_others():
    quote = "Cities that do not honor detainers are shielding criminal aliens."
    assert classify_stance(quote, MAYOR) == "for_cooperation"


def test_plain_cooperate_is_for_but_negated_is_against():
    assert classify_stance("We cooperate and comply with the agency.", MAYOR) == "for_cooperation"
    assert classify_stance("We do not cooperate with the agency.", MAYOR) == "against_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "The facility has essentially no impact on operations.",
        "We had a briefing about the schedule.",
        "It was a cold morning.",
    ],
)
def test_no_cues_is_neutral(quote):
    assert classify_stance(quote, MAYOR) == "neutral"


def test_single_weak_cue_is_neutral():
    assert classify_stance("We were deeply disturbed.", MAYOR) == "neutral"


def test_balanced_words_fall_back_on_speaker():
    quote = "Sanctuary rules matter, but so does the rule of law."
    assert classify_stance(quote, ICE) == "for_cooperation"
    assert classify_stance(quote, ADVOCATE) == "against_cooperation"
    assert classify_stance(quote, MAYOR) == "neutral"
    assert classify_stance(quote, None) == "neutral"


def test_speaker_alone_does_not_decide():
    assert classify_stance("We had a busy week.", ICE) == "neutral"
    assert classify_stance("We had a busy week.", ADVOCATE) == "neutral"


def test_criticism_of_refusing_to_cooperate_is_for():
    quote = "The sheriff is endangering residents by refusing to cooperate with federal agents."
    assert classify_stance(quote, MAYOR) == "for_cooperation"


def test_not_asking_about_status_is_against():
    quote = "Our officers do not ask about immigration status."
    assert classify_stance(quote, MAYOR) == "against_cooperation"


def test_denouncing_raids_is_a_cue_against_cooperation():
    assert classify_stance("The mayor denounced the raids and called them “cruel.”", None) == (
        "against_cooperation"
    )


def test_denying_sanctuary_status_is_for_cooperation():
    assert classify_stance("Florida will not be a sanctuary state.", MAYOR) == "for_cooperation"
    assert classify_stance("This county is not a sanctuary jurisdiction.", MAYOR) == (
        "for_cooperation"
    )


def test_fear_of_calling_the_police_is_against_cooperation():
    quote = "Families are afraid to call the police when they are robbed."
    assert classify_stance(quote, MAYOR) == "against_cooperation"


def test_a_refusal_in_a_condition_on_someone_else_is_criticism_of_it():
    quote = "When the town refuses to honor a detainer, my officers have to find that man again."
    assert classify_stance(quote, None) == "for_cooperation"


def test_a_refusal_reported_after_that_describes_someone_else():
    quote = "The chief is telling the world that Millbrook is not interested in working with us."
    assert classify_stance(quote, None) == "neutral"


def test_a_denied_cue_counts_for_the_other_side():
    assert classify_stance("These ordinances do not protect immigrant families.", None) == (
        "for_cooperation"
    )
    # a contrast names what the speaker rejects: no denial
    assert classify_stance("Deputies should be solving crimes, not checking papers.", None) == (
        "against_cooperation"
    )


@pytest.mark.parametrize(
    "quote",
    [
        "That is the board's call to make.",
        "We'll follow whatever the commission decides.",
        "I want to see the final language before I vote.",
        "Our booking practice is unchanged.",
        "It does not change how the jail runs day to day.",
    ],
)
def test_deferring_procedure_and_no_change_are_procedural(quote):
    assert procedural(quote)


def test_an_argument_is_not_procedural():
    assert not procedural("This program costs us the trust of victims.")


@pytest.mark.parametrize(
    "quote",
    [
        "The county should not be making it harder for ICE to do its job.",
        "Our deputies don't look the other way.",
    ],
)
def test_criticism_of_obstructing_enforcement_is_for(quote):
    assert classify_stance(quote, None) == "for_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "This is what happens when a town turns its police into immigration agents.",
        "Families are afraid to take their kids to school.",
    ],
)
def test_turning_police_into_agents_and_fear_are_against(quote):
    assert classify_stance(quote, None) == "against_cooperation"


def test_deferring_needs_an_owner_not_an_opinion():
    assert procedural("What the county board does is the county board's business.")
    assert not procedural("This is the right decision for our town.")


@pytest.mark.parametrize(
    "quote",
    [
        "Our town does not and will not do ICE's job.",
        "Our officers protect everyone here, regardless of where they were born.",
    ],
)
def test_refusing_ices_job_and_regardless_of_status_are_against(quote):
    assert classify_stance(quote, None) == "against_cooperation"


def test_a_criticism_stays_a_criticism_when_denied():
    quote = "We should not be tying the hands of federal officers doing their jobs."
    assert classify_stance(quote, None) == "for_cooperation"


def test_politics_ahead_of_safety_is_for():
    assert classify_stance("These towns put politics ahead of safety.", None) == "for_cooperation"


def test_reassuring_the_law_abiding_leans_for():
    quote = "If you're here legally, you have nothing to worry about."
    assert classify_stance(quote, None) == "for_cooperation"


def test_after_but_is_the_position_before_it_a_concession():
    quote = "We support public safety and the rule of law, but we will not hold anyone for ICE."
    assert classify_stance(quote, None) == "against_cooperation"
    quote = "Sanctuary policies sound welcoming, but they shield dangerous criminals."
    assert classify_stance(quote, None) == "for_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "There is no place too remote for our officers to find people who broke the law.",
        "The valley may be far from the border, but it is not beyond the reach of the law.",
    ],
)
def test_praising_enforcement_is_for(quote):
    assert classify_stance(quote, None) == "for_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "Our deputies won't be enforcing immigration law on the street.",
        "We don't hold anyone for the agency.",
        "Officers should be answering calls, not doing the work of federal immigration agents.",
        "Immigration enforcement is a federal responsibility, and it always has been.",
        "Masked agents are kidnapping people in front of their kids.",
        "A form no judge has signed is not a warrant.",
        "We should not profit from detention or feed the deportation machine.",
    ],
)
def test_phrasings_of_real_reporting_are_against(quote):
    assert classify_stance(quote, MAYOR) == "against_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "This county will always back federal law enforcement.",
        "We keep working with our federal partners to find the worst of the worst.",
        "People who are here illegally and commit crimes don't deserve protection from us.",
        "These cities are defying federal law, and everyone is less safe for it.",
    ],
)
def test_phrasings_of_real_reporting_are_for(quote):
    assert classify_stance(quote, MAYOR) == "for_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "My deputies didn't detain anybody that morning.",  # what happened, not a refusal
        "We don't think the vote will be close.",
    ],
)
def test_past_facts_and_contractions_about_something_else_are_neutral(quote):
    assert classify_stance(quote, MAYOR) == "neutral"


def test_denying_work_with_the_agency_is_against():
    assert classify_stance("We will not work with ICE.", MAYOR) == "against_cooperation"


def test_the_speakers_own_practice_of_honoring_counts_double():
    assert classify_stance("I am honoring every detainer.", MAYOR) == "for_cooperation"
    assert classify_stance("We honored those requests for years.", MAYOR) == "neutral"
    assert classify_stance("We comply with the law.", MAYOR) == "neutral"


@pytest.mark.parametrize(
    "quote",
    [
        "Our deputies were not part of this operation, and they will not be.",
        "The Tulsa Police Department is not involved in these arrests.",
        "When people are afraid, victims stop calling the police and witnesses won't come forward.",
    ],
)
def test_local_police_keeping_apart_from_enforcement_and_the_trust_argument_are_against(quote):
    assert classify_stance(quote, None) == "against_cooperation"


@pytest.mark.parametrize(
    "quote",
    [
        "The department had no role in the operation and has no position on it.",
        "Students stopped coming to class after the law took effect.",
    ],
)
def test_reporting_a_fact_about_a_raid_takes_no_side(quote):
    assert classify_stance(quote, None) == "neutral"


def test_a_good_working_relationship_with_federal_partners_is_for():
    quote = "We have a good working relationship with our federal partners, and that won't change."
    assert classify_stance(quote, None) == "for_cooperation"
