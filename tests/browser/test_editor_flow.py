"""An editor's day in a real browser: log in, add an article by pasting it, approve one extracted
statement and reject another, and see the public page change accordingly."""

import re

import pytest

from articles.models import Article
from tests.editors import PASSWORD, editor_user

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

# Invented: no such mayor, no such news conference.
APPROVED = "Our officers will not honor ICE detainers, and that will not change"
REJECTED = "We will not spend Boise's money doing ICE's job"
TEXT = "\n\n".join(
    [
        "Boise mayor says city police will not work with ICE",
        "BOISE, Idaho — Boise Mayor Dana Whitfield said Tuesday that city police will not hold "
        "anyone for federal immigration agents.",
        f'"{APPROVED}," Whitfield said at a news conference.',
        f'She added that the city would keep its doors open. "{REJECTED}," Whitfield said.',
    ]
)


def review(page, quote: str, action: str) -> None:
    """Tick the queue's row showing ``quote`` and run ``action`` on it."""
    row = page.locator("#result_list tbody tr", has=page.locator("mark", has_text=quote))
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", label=action)
    with page.expect_navigation():
        page.get_by_role("button", name="Go").click()


def test_an_editor_adds_an_article_and_reviews_its_statements(tab):
    editor_user("dana", password=PASSWORD)
    page = tab.open("/admin/")
    page.fill("#id_username", "dana")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()

    page.locator("tr.model-article").get_by_role("link", name="Add").click()
    page.fill("#id_text", TEXT)
    page.fill("#id_outlet", "The Foothills Ledger")
    page.get_by_role("button", name="Save", exact=True).click()

    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))
    assert "2 statements" in page.locator(".messagelist").inner_text()
    inline = page.locator("#statements-group")
    assert inline.get_by_role("link", name=APPROVED, exact=True).is_visible()
    assert inline.get_by_role("link", name=REJECTED, exact=True).is_visible()

    with page.expect_navigation():
        page.get_by_role("link", name="2 statements").click()
    assert sorted(page.locator("#result_list mark").all_inner_texts()) == [APPROVED, REJECTED]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "editor-review-queue.png"), full_page=True)
    review(page, APPROVED, "Mark reviewed")
    assert "1 marked reviewed" in page.locator(".messagelist").inner_text()
    review(page, REJECTED, "Mark rejected")
    assert "1 marked rejected" in page.locator(".messagelist").inner_text()
    assert page.locator("#result_list").count() == 0  # the queue is empty

    jurisdiction = (
        Article.objects.get(outlet="The Foothills Ledger").statements.first().jurisdiction
    )
    page = tab.open(f"/jurisdictions/{jurisdiction.slug}/")
    statements = page.locator("article.statement")
    approved = statements.filter(has_text=APPROVED)
    assert approved.count() == 1
    assert approved.locator(".review").inner_text().startswith("Reviewed")
    assert statements.filter(has_text=REJECTED).count() == 0
    assert tab.problems() == []
    page.screenshot(path=str(SCREENSHOTS / "editor-flow-jurisdiction.png"), full_page=True)
