"""ICE's 287(g) lists as a reader sees them in Chromium: a county's agreements on its page, and
the source row they link to, highlighted in the snapshot under its provenance."""

import pytest

from stances.models import AgreementListing
from stances.services.importers.ice_287g import ice_287g_import_files
from tests.stances.importers.conftest import ALL_FILES

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.fixture
def listed(migrated_db):
    """The latest snapshot of each list, imported through the real service."""
    ice_287g_import_files(paths=ALL_FILES[-2:])


def test_a_county_page_leads_to_the_row_its_agreement_comes_from(tab, listed):
    brevard = AgreementListing.objects.get(
        agency="Brevard County Sheriff's Office", model="task_force"
    )

    page = tab.open(f"/jurisdictions/{brevard.jurisdiction.slug}/")

    card = page.locator(f"#agreement-{brevard.pk}")
    assert card.is_visible()
    text = " ".join(card.inner_text().split())
    assert "287(g) agreement: Task Force Model · Brevard County Sheriff's Office · signed" in text
    assert "Listed by ICE from July 18, 2025 to July 18, 2025" in text
    assert "on its own it implies Cooperation" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    card.screenshot(path=str(SCREENSHOTS / "agreement-287g.png"))

    card.get_by_role("link", name="ICE 287(g) participating agencies").click()
    page.wait_for_load_state("load")

    assert page.url.endswith(f"#policy-{brevard.policy_id}")
    row = page.locator(f"tr:has(#policy-{brevard.policy_id})")
    assert row.is_visible() and "hl-policy" in row.get_attribute("class")
    assert "Brevard County Sheriff's Office" in row.inner_text()
    assert row.evaluate("r => getComputedStyle(r).backgroundColor") != "rgba(0, 0, 0, 0)"
    box, viewport = row.bounding_box(), page.viewport_size
    assert 0 <= box["y"] < viewport["height"]  # scrolled to the row
    provenance = " ".join(page.locator(".provenance").inner_text().split())
    assert "U.S. Immigration and Customs Enforcement (ICE)" in provenance
    assert "Public domain" in provenance
    assert tab.problems() == []
