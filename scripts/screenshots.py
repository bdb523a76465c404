"""Screenshots of what readers see, for the README: headless Chromium against a running site.

    python scripts/screenshots.py http://127.0.0.1:8000 docs/screenshots NAME=PATH@WIDTHxHEIGHT ...

Each NAME=PATH@WIDTHxHEIGHT saves NAME.png: the page at PATH in a viewport of that size, once
its figures are drawn (charts.js marks each with ``data-drawn``). ``+full`` after the size
takes the whole page, e.g. ``phone=/jurisdictions/chicago-il/@390x844+full``.
"""

import argparse
import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

SHOT = re.compile(r"^(?P<name>[\w-]+)=(?P<path>/\S*)@(?P<w>\d+)x(?P<h>\d+)(?P<full>\+full)?$")
DRAWN = (
    "() => [...document.querySelectorAll('[data-figure]')]"
    ".every(element => element.dataset.drawn === 'true')"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("folder", type=Path)
    parser.add_argument("shots", nargs="+", help="NAME=PATH@WIDTHxHEIGHT[+full]")
    options = parser.parse_args()
    shots = []
    for shot in options.shots:
        if not (found := SHOT.match(shot)):
            parser.error(f"{shot!r} is not NAME=PATH@WIDTHxHEIGHT[+full]")
        shots.append(found.groupdict())
    options.folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for shot in shots:
            viewport = {"width": int(shot["w"]), "height": int(shot["h"])}
            page = browser.new_context(viewport=viewport).new_page()
            page.goto(options.site.rstrip("/") + shot["path"], wait_until="load")
            page.wait_for_function(DRAWN, timeout=60_000)
            out = options.folder / f"{shot['name']}.png"
            page.screenshot(path=str(out), full_page=bool(shot["full"]))
            print(out)
        browser.close()


if __name__ == "__main__":
    main()
