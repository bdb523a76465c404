"""WCAG 2.1 AA, checked by axe-core (bundled by axe-playwright-python) in Chromium on every reader
page, at a desktop and a phone width: no violation of any kind."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import Article
from stances.models import PolicyAction, Statement

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1400, "phone": 390}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def reader_pages() -> list[str]:
    """Every kind of reader page of the sample corpus, with filters where a page has them."""
    article = Article.objects.order_by("pk").first()
    statement = Statement.objects.order_by("pk").first()
    policy = PolicyAction.objects.order_by("pk").first()
    return [
        "/",
        "/?stance=limited_cooperation&as_of=2020-01-01",
        "/?state=ZZZ",  # a filter error
        "/timeline/",
        "/timeline/?lanes=jurisdiction",
        "/statements/",
        "/statements/?q=nobody-said-this",  # the empty state
        "/jurisdictions/chicago-il/",
        f"/articles/{article.pk}/",
        f"/facts/statement/{statement.pk}/",
        f"/facts/policy/{policy.pk}/",
        f"/report/statement/{statement.pk}/",
        "/about/",
        "/no-such-page/",
        "/embed/map/",
        "/embed/jurisdictions/chicago-il/",
    ]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_reader_page_meets_wcag_21_aa(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    try:
        for path in reader_pages():
            page.goto(site + path)
            page.wait_for_load_state("load")
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-figure]')]"
                ".every(element => element.dataset.drawn === 'true')"
            )
            results = AXE.run(page, options=WCAG_AA)
            if results.violations_count:
                found[path] = results.generate_report()
    finally:
        context.close()
    assert not found, "\n\n".join(f"{path}:\n{report}" for path, report in found.items())
