"""Measure a page in headless Chromium: bytes transferred and time to first render.

    python scripts/measure_page.py http://127.0.0.1:8000/ [--runs 5]

Prints the median over the runs (a fresh browser context each run, so nothing is cached) of:
bytes transferred over the network (compressed, as sent), first contentful paint, and the time
until the page's plotly figure has been drawn (``data-drawn`` set by static/js/charts.js).
"""

import argparse
import json
import statistics
import time

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def measure_once(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    transferred = []
    cdp.on("Network.loadingFinished", lambda e: transferred.append(e["encodedDataLength"]))
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    page.wait_for_selector("[data-drawn='true']", timeout=30_000)
    drawn_ms = (time.perf_counter() - start) * 1000
    fcp = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"
    )
    context.close()
    return {"bytes": sum(transferred), "fcp_ms": fcp, "figure_drawn_ms": drawn_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        runs = [measure_once(browser, options.url) for _ in range(options.runs)]
        browser.close()
    summary = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print(json.dumps({"url": options.url, "runs": options.runs, "median": summary}, indent=2))


if __name__ == "__main__":
    main()
