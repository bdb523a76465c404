"""Statement stance in context: the quotation's words and its speaker's side in the article."""

import re
from dataclasses import replace

from articles.extraction.stance import AGAINST, FOR, NEUTRAL, assign_stances, main_side
from articles.extraction.types import Place, PolicyCandidate, Speaker, StatementCandidate

COUNTY = Place("frederick-county-md", "Frederick County", "county", "MD", "fips:24021")


def _policy(body: str, words: str, direction: str, status: str = "in_force") -> PolicyCandidate:
    start = body.index(words)
    return PolicyCandidate(
        "agreement_287g",
        start,
        start + len(words),
        words,
        (("agreement_287g", direction),),
        COUNTY,
        status=status,
    )


def _stances(body: str, cast: list[Speaker], policies: list[PolicyCandidate]) -> list[str]:
    found = []
    for speaker in cast:
        for start, end in speaker.mentions:
            if body[end : end + 6] == " said.":  # '"...," Ruiz said.'
                quote_end = body.rindex("”", 0, start)
                quote_start = body.rindex("“", 0, quote_end) + 1
                found.append(StatementCandidate(quote_start, quote_end, speaker.key, NEUTRAL))
    found.sort(key=lambda s: s.start)
    return [s.stance for s in assign_stances(body, found, cast, policies)]


def _person(body: str, name: str, role: str = "", level: str = "other", **kw) -> Speaker:
    mentions = []
    surname = name.split()[-1]
    for word in (name, surname):
        start = body.find(word)
        while start != -1:
            if not any(s <= start < e for s, e in mentions):
                mentions.append((start, start + len(word)))
            start = body.find(word, start + 1)
    key = name.lower().replace(" ", "-")
    return Speaker(key, name, "person", role, mentions=sorted(mentions), level=level, **kw)


def test_a_sheriff_ending_an_agreement_speaks_against_cooperation_in_plain_words():
    body = (
        "Sheriff Ana Ruiz ended the county's 287(g) agreement on Monday.\n"
        "“This program has cost us the trust of victims,” Ruiz said."
    )
    ruiz = _person(body, "Ana Ruiz", "Sheriff", "local", place=COUNTY)
    policies = [_policy(body, "Sheriff Ana Ruiz ended the county's 287(g) agreement", "limits")]
    assert _stances(body, [ruiz], policies) == [AGAINST]


def test_a_council_member_who_cast_the_lone_no_vote_is_on_the_other_side():
    body = (
        "The council voted to end the 287(g) agreement. Council member Dale Heber cast the "
        "lone no vote.\n“The sheriff is tying his own hands,” Heber said."
    )
    heber = _person(body, "Dale Heber", "Council Member", "local", place=COUNTY)
    policies = [_policy(body, "The council voted to end the 287(g) agreement", "limits")]
    assert _stances(body, [heber], policies) == [FOR]


def test_praising_the_decision_takes_its_side():
    body = (
        "The county joined the 287(g) program. Commissioner Carl Zeig praised the decision.\n"
        "“I want this county on record behind our sheriff,” Zeig said."
    )
    zeig = _person(body, "Carl Zeig", "Commissioner", "local", place=COUNTY)
    policies = [_policy(body, "The county joined the 287(g) program", "cooperates")]
    assert _stances(body, [zeig], policies) == [FOR]


def test_a_speaker_introduced_after_a_critical_sentence_opposes_the_action():
    body = (
        "The county joined the 287(g) program.\nNot everyone in town is convinced it needs it.\n"
        "Austin Beck, a local attorney, spoke at the hearing.\n"
        "“People will stop calling,” Beck said."
    )
    beck = _person(body, "Austin Beck", "attorney")
    policies = [_policy(body, "The county joined the 287(g) program", "cooperates")]
    assert _stances(body, [beck], policies) == [AGAINST]


def test_ice_is_for_cooperation_where_the_article_is_about_it_but_neutral_on_a_raid():
    body = "The jail ended its 287(g) agreement.\n“Our partnership made towns safer,” ICE said."
    ice = Speaker(
        "ice", "ICE", "organisation", mentions=[(body.index("ICE said"),) * 2], level="federal"
    )
    ice.mentions = [(body.index("ICE said"), body.index("ICE said") + 3)]
    assert _stances(body, [ice], [_policy(body, "The jail ended", "limits")]) == [FOR]
    raid = (
        "Agents arrested 80 workers at a plant.\n“The operation was planned for months,” ICE said."
    )
    ice.mentions = [(raid.index("ICE said"), raid.index("ICE said") + 3)]
    assert _stances(raid, [ice], []) == [NEUTRAL]


def test_a_blocked_law_counts_for_the_other_side():
    body = "A judge blocked the state's law requiring jails to honor detainers."
    law = _policy(body, "A judge blocked", "cooperates", status="blocked")
    assert main_side([law]) == AGAINST


def test_a_supporter_of_the_agreement_is_for_cooperation():
    body = (
        "The sheriff will end the 287(g) agreement. Commissioner Lee Briggs, a longtime "
        "supporter of the agreement, spoke.\n“It is a mistake,” Briggs said."
    )
    briggs = _person(body, "Lee Briggs", "Commissioner", "local", place=COUNTY)
    policies = [_policy(body, "The sheriff will end the 287(g) agreement", "limits")]
    assert _stances(body, [briggs], policies) == [FOR]


def test_an_advocate_is_against_even_after_a_sentence_that_welcomes_the_action():
    body = (
        "The sheriff ended the 287(g) agreement.\n"
        "Immigrant advocates welcomed the move but said it was not enough.\n"
        "“The jail is still a pipeline,” said Rosa Lind, an organizer with Casa Unida.\n"
        "“It is still open,” Lind said."
    )
    lind = _person(body, "Rosa Lind", "organizer", affiliation="Casa Unida")
    policies = [_policy(body, "The sheriff ended the 287(g) agreement", "cooperates")]
    assert _stances(body, [lind], policies) == [AGAINST]


def test_a_member_of_congress_has_no_side_from_the_office_alone():
    body = "The county joined the 287(g) program.\n“We will see how it goes,” Rep. Ana Vale said."
    vale = _person(body, "Ana Vale", "Representative", "federal")
    policies = [_policy(body, "The county joined the 287(g) program", "cooperates")]
    assert _stances(body, [vale], policies) == [NEUTRAL]


def test_rejecting_a_criticism_defends_the_action():
    body = (
        "The sheriff ended the 287(g) agreement. A senator criticized him.\n"
        "Sheriff Ana Ruiz rejected that.\n“Read the decision first,” Ruiz said."
    )
    ruiz = _person(body, "Ana Ruiz", "Sheriff")
    policies = [_policy(body, "The sheriff ended the 287(g) agreement", "limits")]
    assert _stances(body, [ruiz], policies) == [AGAINST]


def test_the_main_verb_beats_the_aside_and_a_hometown_comes_first():
    body = (
        "The sheriff ended the 287(g) agreement.\n"
        "Sen. Cal Orr, a Republican who wrote a bill on jails, criticized the sheriff.\n"
        "“It sends the wrong message,” Orr said.\n"
        "Rep. Dana Mott of Clovis, who sponsored the change, spoke.\n“It is overdue,” Mott said."
    )
    orr = _person(body, "Cal Orr", "State Senator", "state")
    mott = _person(body, "Dana Mott", "State Representative", "state")
    policies = [_policy(body, "The sheriff ended the 287(g) agreement", "limits")]
    assert _stances(body, [orr, mott], policies) == [FOR, AGAINST]


def test_an_official_deferring_to_another_decider_takes_no_side():
    body = (
        "The sheriff ended the 287(g) agreement.\n"
        "“That is the sheriff's call to make,” Kim said.\n"
        "“We are safer without it,” Kim said."
    )
    kim = _person(body, "Lee Kim", "Commission Chair", "local", place=COUNTY)
    kim.mentions = [(m.start(), m.start() + 3) for m in re.finditer("Kim", body)]
    policies = [_policy(body, "The sheriff ended the 287(g) agreement", "limits")]
    assert _stances(body, [kim], policies) == [NEUTRAL, AGAINST]


def test_who_signed_or_co_wrote_a_blocked_law_is_on_the_laws_side():
    body = (
        "A judge blocked the 287(g) mandate, which Gov. Ana Ruiz signed in May.\n"
        "“This leaves us defenseless,” Ruiz said."
    )
    ruiz = _person(body, "Ana Ruiz", "Governor", "state")
    policies = [_policy(body, "A judge blocked", "cooperates", status="blocked")]
    assert _stances(body, [ruiz], policies) == [FOR]


def test_the_official_whose_application_it_is_takes_its_side():
    body = (
        "The board backed Sheriff Ana Ruiz's application to join the 287(g) program.\n"
        "“It gives us the people we need,” Ruiz said."
    )
    ruiz = _person(body, "Ana Ruiz", "Sheriff", "local", place=COUNTY)
    words = "The board backed Sheriff Ana Ruiz's application to join the 287(g) program."
    policies = [_policy(body, words, "cooperates", status="proposed")]
    assert _stances(body, [ruiz], policies) == [FOR]


def test_who_sponsored_the_resolution_is_on_the_side_of_her_places_decisions():
    town = Place("lancaster-pa", "Lancaster", "city", "PA", "")
    body = (
        "The county will keep honoring ICE holds. The city council passed a welcoming resolution.\n"
        "“We wrote down what that means,” said Council President Ana Ruiz, who sponsored the "
        "resolution.\n“It is a good night,” Ruiz said."
    )
    ruiz = _person(body, "Ana Ruiz", "Council President", "local", place=town)
    county = _policy(body, "The county will keep honoring ICE holds", "cooperates")
    city = replace(_policy(body, "The city council passed", "limits"), place=town)
    assert _stances(body, [ruiz], [county, city]) == [AGAINST]


def test_the_lone_dissenting_vote_is_on_the_other_side():
    body = (
        "The board voted to end the 287(g) agreement. Commissioner Ron Tall, who cast the lone "
        "dissenting vote, spoke after.\n“We are giving up real dollars,” Tall said."
    )
    tall = _person(body, "Ron Tall", "Commissioner", "local", place=COUNTY)
    policies = [_policy(body, "The board voted to end the 287(g) agreement", "limits")]
    assert _stances(body, [tall], policies) == [FOR]


def test_who_voted_to_keep_the_program_is_for_it():
    body = (
        "The board let the 287(g) agreement lapse. Supervisor Gina Lass, who voted to keep the "
        "program, said it made the county safer.\n“We are going to regret this,” Lass said."
    )
    lass = _person(body, "Gina Lass", "Supervisor", "local", place=COUNTY)
    policies = [_policy(body, "The board let the 287(g) agreement lapse", "limits")]
    assert _stances(body, [lass], policies) == [FOR]


def test_working_with_ice_more_closely_and_another_places_sheriff():
    body = (
        "The state barred jails from holding people on detainers.\n"
        "Sheriff Gary Stone, whose office has pushed to work more closely with ICE, spoke.\n"
        "“This is what happens,” Stone said.\n"
        "In nearby Boise, the sheriff ended a 287(g) agreement."
    )
    stone = _person(body, "Gary Stone", "Sheriff", "local", place=COUNTY)
    stone.mentions.append((body.index("the sheriff ended"), body.index("the sheriff ended") + 11))
    boise = Place("boise-id", "Boise", "city", "ID", "")
    policies = [
        _policy(body, "The state barred jails from holding people on detainers", "limits"),
        replace(_policy(body, "In nearby Boise, the sheriff ended", "limits"), place=boise),
    ]
    assert _stances(body, [stone], policies) == [FOR]


def test_what_ice_is_reported_to_say_about_jails_that_release_is_no_argument_against():
    body = (
        "ICE arrested 31 people in a five-day operation. Director Vin Hale said the operation "
        "needed more officers because some jails no longer hold inmates for ICE.\n"
        "“This operation took 31 convicted criminals off the streets,” Hale said.\n"
        "“Our officers have to go find that person at a home,” Hale said."
    )
    hale = _person(body, "Vin Hale", "Director", "federal")
    hale = replace(hale, affiliation="U.S. Immigration and Customs Enforcement")
    assert _stances(body, [hale], []) == [FOR, FOR]
