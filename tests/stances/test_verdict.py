"""The one-line verdict per place, generated from its evidence (pure), and on its page."""

import datetime as dt

from stances.rules.stance import EvidenceItem, derive
from stances.rules.verdict import verdict
from tests.factories import ArticleFactory, JurisdictionFactory, policy_on

D = dt.date


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
