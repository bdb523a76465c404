"""One change, one date: the indicator's "since", the stance history, the timeline marker and the
API all give the day the change took effect (issue 16: they used to give three)."""

import datetime as dt
import json
import re
from html import unescape

from tests.factories import ArticleFactory, JurisdictionFactory, policy_on

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
