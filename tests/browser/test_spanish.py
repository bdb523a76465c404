"""A reader in Spanish: the map's scrubber says its stops in Spanish, and the language switcher
takes the reader to the same page, with the same filters, in English."""

from __future__ import annotations

import re

import pytest

from .test_map import maricopa  # noqa: F401 - a fixture, shared

pytestmark = pytest.mark.browser


def test_the_scrubber_and_the_switcher_in_spanish(tab, request):
    request.getfixturevalue("maricopa")
    page = tab.open("/es/?state=AZ")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("#f-year-shown").inner_text() == "Hoy"

    page.locator("#f-year").fill("2018")  # a range input: fill sets it and fires "change"
    page.wait_for_url(re.compile(r"/es/\?.*as_of=2018-12-31"))
    tab.wait_for_figures()
    assert page.locator("#f-year-shown").inner_text() == "Fines de 2018"

    page.locator("nav.languages a[hreflang=en]").click()
    page.wait_for_url(lambda url: "/es/" not in url and "as_of=2018-12-31" in url)
    assert "state=AZ" in page.url
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#f-year-shown").inner_text() == "End of 2018"
    assert page.locator("#f-as-of").input_value() == "2018-12-31"
    assert tab.problems() == []
