"""Embeds framed by a page of another origin, served on another loopback port: the map and a
place's card load inside their iframes; an ordinary page refuses to be framed there."""

from __future__ import annotations

import http.server
import threading

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def other_origin(site):
    """A page on another port (another origin) framing two embeds and the home page."""
    frames = {
        "map": f"{site}/embed/map/",
        "card": f"{site}/embed/jurisdictions/chicago-il/",
        "home": f"{site}/",
    }
    html = "".join(
        f'<iframe name="{name}" src="{src}" width="800" height="500"></iframe>'
        for name, src in frames.items()
    ).encode()

    class Host(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>A newsroom's page</title>" + html)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_embeds_load_in_another_sites_page_and_other_pages_refuse(tab, other_origin):
    page = tab.page
    assert not other_origin.startswith(tab.site)  # another origin, truly
    page.goto(other_origin)
    page.wait_for_load_state("load")

    map_frame = page.frame(name="map")
    map_frame.wait_for_function(
        "() => document.querySelector('#map') && document.querySelector('#map').dataset.drawn"
    )
    assert map_frame.locator("h1").inner_text().startswith("Where jurisdictions stand")
    assert map_frame.locator("#map .scattergeo, #map .scatterlayer, #map svg").count() > 0

    card = page.frame(name="card")
    card.wait_for_selector("h1")
    assert card.locator("h1").inner_text() == "Chicago, IL"
    assert "Stance" in card.locator(".stance-line").inner_text()

    # The home page is refused: the browser shows its own error page in the frame, not ours.
    home = page.frame(name="home")
    assert home.url != f"{tab.site}/" or home.locator("h1").count() == 0
    assert not home.locator("text=Where jurisdictions stand").count()
    assert any("frame-ancestors" in error or "Refused" in error for error in tab.errors)
