"""What a place's page says at a glance: one date per change everywhere (the indicator's "since",
the stance history, the timeline marker and the API agree), markers that hide none, and the
one-line verdict generated from the evidence."""

import datetime as dt
import json
import re
from html import unescape

from stances.rules.stance import EvidenceItem, derive
from stances.rules.verdict import verdict
from tests.factories import ArticleFactory, JurisdictionFactory, policy_on

D = dt.date
BODY = (
    "In June the mayor ordered the city jail to refuse ICE detainers.\n"
    "In September the council confirmed the city jail refuses ICE detainers."
)


def test_one_change_shows_one_date_everywhere(client, db):
    atlanta = JurisdictionFactory(name="Atlanta", state="GA", slug="atlanta-ga")
    article = ArticleFactory(body=BODY, published_on=dt.date(2018, 10, 1))
    order = policy_on(
        article,
        atlanta,
        "In June the mayor ordered the city jail to refuse ICE detainers.",
        [("detainers", "limits")],
        "executive_order",
        dt.date(2018, 6, 1),
        "month",
    )
    policy_on(
        article,
        atlanta,
        "In September the council confirmed the city jail refuses ICE detainers.",
        [("detainers", "limits")],
        "resolution",
        dt.date(2018, 9, 6),
        "day",
    )  # says the same again: changes nothing, moves no date
    the_day = "2018-06-30"  # a June 2018 order counts from the end of June

    page = client.get("/jurisdictions/atlanta-ga/").content.decode()
    indicator_row = page[page.index('<th scope="row">Detainers</th>') :][:400]
    assert "June 30, 2018" in indicator_row
    history = page[page.index('id="history-title"') :]
    assert f'<time datetime="{the_day}">June 30, 2018</time>' in history

    data = json.loads(
        unescape(re.search(r'id="timeline-data"[^>]*>(.*?)</script>', page, re.S).group(1))
    )
    xs = [
        x
        for trace in data["data"]
        for x, url in zip(trace["x"], trace["customdata"], strict=True)
        if url.endswith(f"#policy-{order.pk}")
    ]
    assert xs == [the_day]

    api = client.get("/api/jurisdictions/atlanta-ga/").json()
    assert api["indicators"]["detainers"]["effective_on"] == the_day
    assert [change["on"] for change in api["history"]] == [the_day]


def test_the_timeline_hides_no_marker_and_names_every_colour(client, db):
    from tests.factories import OfficialFactory, statement_at

    place = JurisdictionFactory(name="Atlanta", state="GA", slug="atlanta-ga")
    body = "“One,” she said. “Two,” she said. “Three,” she said. “Four,” he said."
    article = ArticleFactory(body=body, published_on=dt.date(2020, 5, 1))
    she = OfficialFactory(jurisdiction=place)
    for quote in ("“One,”", "“Two,”", "“Three,”"):
        statement_at(article, she, quote, stance="against_cooperation", said_on=dt.date(2020, 5, 1))
    statement_at(article, she, "“Four,”", stance="for_cooperation", said_on=dt.date(2020, 5, 1))

    page = client.get("/timeline/").content.decode()
    data = json.loads(
        unescape(re.search(r'id="timeline-data"[^>]*>(.*?)</script>', page, re.S).group(1))
    )
    by_name = {trace["name"]: trace for trace in data["data"]}
    assert set(by_name) == {"Statement: against cooperation", "Statement: for cooperation"}
    against = by_name["Statement: against cooperation"]
    assert against["texttemplate"] == ["3"] and "3 facts on May 1, 2020" in against["text"][0]
    # Same day, same lane, another colour: its own row, not under the first marker.
    assert by_name["Statement: for cooperation"]["y"] != against["y"]


def test_the_verdict_names_what_the_place_does_since_when_and_by_what():
    result = derive([EvidenceItem("detainers", "limits", D(2018, 6, 30), 7)])
    line = verdict("Atlanta", result, {7: "Executive order"})
    assert line == "Atlanta refuses ICE detainers since June 2018 (executive order)."


def test_the_verdict_names_two_indicators_and_counts_the_rest():
    result = derive(
        [
            EvidenceItem("detainers", "limits", D(2018, 6, 30), 1),
            EvidenceItem("jail_access", "limits", D(2019, 1, 1), 2),
            EvidenceItem("local_resources", "limits", D(2019, 1, 1), 3),
        ]
    )
    line = verdict("Madison", result, {})
    assert line.startswith("Madison refuses ICE detainers since June 2018 and keeps ICE out")
    assert line.endswith("; 1 more indicator known.")


def test_no_evidence_is_said_as_unknown_never_as_cooperation():
    line = verdict("Quietville", derive([]), {})
    assert "unknown, which is not cooperation" in line


def test_the_page_shows_the_verdict_with_its_sources_and_a_permalink(client, db):
    place = JurisdictionFactory(name="Atlanta", state="GA", slug="atlanta-ga")
    body = "The mayor signed an executive order refusing ICE detainers."
    article = ArticleFactory(body=body, published_on=D(2018, 7, 1))
    policy_on(
        article, place, body, [("detainers", "limits")], "executive_order", D(2018, 6, 1), "month"
    )
    page = client.get("/jurisdictions/atlanta-ga/").content.decode()
    assert "Atlanta refuses ICE detainers since June 2018 (executive order)." in page
    assert "From 1 source ·" in page and "last checked" in page
    assert 'href="/jurisdictions/atlanta-ga/">permalink</a>' in page
