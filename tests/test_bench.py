"""The benchmark's pure parts (bench/run.py, bench/inprocess.py): no server, no database."""

import pytest

from bench.inprocess import endpoints, is_cache_query, last_page, most_common
from bench.run import (
    evaluate,
    missing_everywhere,
    parse_ingest,
    percentile,
    render_table,
    summarize,
)


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([4, 1, 3, 2], 50, 2.5),  # unsorted input; between the two middle values
        ([4, 1, 3, 2], 0, 1),
        ([4, 1, 3, 2], 100, 4),
        (list(range(1, 101)), 95, 95.05),
        (list(range(1, 101)), 99, 99.01),
        ([7], 95, 7),
    ],
)
def test_percentile_interpolates_between_ranks(values, p, expected):
    assert percentile(values, p) == pytest.approx(expected)


def test_percentile_of_nothing_is_none():
    assert percentile([], 95) is None


def test_summarize_counts_every_non_2xx_and_connection_error_as_an_error():
    samples = [
        (0.010, 200, 100),
        (0.020, 200, 100),
        (0.030, 404, 20),
        (0.5, "RemoteDisconnected", 0),
    ]
    figures = summarize(samples, elapsed=2.0)
    assert figures["requests"] == 4
    assert figures["errors"] == 2
    assert figures["statuses"] == {"200": 2, "404": 1, "RemoteDisconnected": 1}
    assert figures["rps"] == 2.0
    assert figures["p50_ms"] == pytest.approx(25.0)
    assert figures["bytes"] == 100


def test_api_endpoint_meets_its_targets_within_100_ms_and_3x_its_floor():
    verdict = evaluate("api", p95=60.0, floor_p95=25.0, errors=0)
    assert verdict["met"] is True
    assert verdict["ratio"] == pytest.approx(2.4)
    assert verdict["target_p95_ms"] == 100.0


@pytest.mark.parametrize(
    ("kind", "p95", "floor_p95", "errors", "failed"),
    [
        ("api", 101.0, 50.0, 0, "p95"),  # over 100 ms though within its floor
        ("api", 40.0, 10.0, 0, "floor"),  # fast but 4x its floor
        ("map", 140.0, 50.0, 1, "errors"),
        ("page", 40.0, None, 0, "floor"),  # no floor measured: not met
    ],
)
def test_endpoint_misses_a_target(kind, p95, floor_p95, errors, failed):
    verdict = evaluate(kind, p95=p95, floor_p95=floor_p95, errors=errors)
    assert verdict["met"] is False
    assert verdict["checks"][failed] is False


def test_map_data_has_150_ms_and_pages_only_their_floor():
    assert evaluate("map", p95=149.0, floor_p95=50.0, errors=0)["met"] is True
    page = evaluate("page", p95=900.0, floor_p95=300.0, errors=0)
    assert page["met"] is True
    assert page["checks"]["p95"] is None


def endpoint(path, kind, p95, floor_p95, errors=0):
    figures = {"p50_ms": p95 / 2, "p95_ms": p95, "p99_ms": p95 * 1.2, "rps": 123.4}
    return {
        "path": path,
        "kind": kind,
        "queries": 9,
        "cache_queries": 5,
        "cold_ms": 80.0,
        "uncached": {"p95_ms": 140.0},
        "bytes": 15_600,
        "errors": errors,
        **figures,
        "floor": {"p95_ms": floor_p95},
        "verdict": evaluate(kind, p95, floor_p95, errors),
    }


def test_table_is_markdown_with_a_row_per_endpoint_and_the_verdicts():
    results = {
        "parameters": {"clients": 8, "requests": 400, "workers": 5, "worker_class": "sync"},
        "machine": {"cpus": 2},
        "data": {"jurisdictions": 1200, "statements": 30000},
        "endpoints": [
            endpoint("/api/statements/", "api", 50.0, 20.0),
            endpoint("/timeline/", "page", 300.0, 20.0, errors=3),
        ],
        "map_page": {"bytes": 1_510_000, "assets": {"/static/css/site.css": 3000}},
        "ingest": {"articles_per_s": 8.5, "summary": "50 articles in 5.88 s"},
    }
    lines = render_table(results).splitlines()
    assert lines[0].startswith("1 of 2 endpoints meet their targets (8 clients")
    assert "1,200 jurisdictions, 30,000 statements" in lines[0]
    assert lines[2].startswith("| endpoint | p50 ms | p95 ms |")
    assert lines[4] == (
        "| `/api/statements/` | 25.0 | 50.0 | 60.0 | 80.0 | 140.0 | 123 | 15.6 kB | 4 + 5 | 20.0 "
        "| 2.5× | ≤ 100 ms, ≤ 3× floor | yes |"
    )
    assert lines[5].endswith("| 15.0× | ≤ 3× floor | **no** (3 errors) |")
    assert "Map page: 1.51 MB transferred (1 assets" in lines[7]
    assert lines[9] == "Ingestion: 8.5 articles/s (50 articles in 5.88 s)."


def test_an_uncached_load_asks_a_new_url_each_time():
    paths = missing_everywhere("/api/statements/?stance=neutral")
    other_run = missing_everywhere("/api/statements/?stance=neutral")

    assert paths(0).startswith("/api/statements/?stance=neutral&bench_miss=")
    assert len({paths(n) for n in range(100)}) == 100
    assert paths(0) != other_run(0)
    assert missing_everywhere("/")(1).startswith("/?bench_miss=")


def test_parse_ingest_reads_bench_ingests_summary():
    output = "50 articles in 8.40 s: 6.0 articles/s; per article median 120 ms, max 687 ms\n"
    assert parse_ingest(output) == 6.0
    assert parse_ingest("Traceback ...") is None


def test_cache_queries_are_the_cache_tables_and_its_transactions():
    assert is_cache_query('SELECT COUNT(*) FROM "sanctuary_cache"', "sanctuary_cache")
    assert is_cache_query("COMMIT", "sanctuary_cache")
    assert not is_cache_query('SELECT "id" FROM "stances_statement"', "sanctuary_cache")
    assert not is_cache_query("COMMIT", None)  # another cache backend: no SQL of its own


def test_last_page_and_most_common():
    assert [last_page(n) for n in (0, 50, 51, 5000)] == [1, 1, 2, 100]
    assert most_common(["CA", None, "WI", "CA"]) == "CA"
    assert most_common([None], default="x") == "x"


def test_endpoints_use_the_picks_and_skip_what_the_database_lacks():
    picks = {
        "jurisdiction": "madison-wi",
        "state": "WI",
        "speaker": "london-breed",
        "article": 3,
        "statement": 9,
        "event": None,
        "policy": 4,
        "statements_last_page": 40,
        "jurisdictions_last_page": 2,
        "changes_cursor": None,
        "deep_cursor": "cD0xMjM%3D",
    }
    listed = {e["path"]: e["kind"] for e in endpoints(picks)}
    assert listed["/api/statements/?speaker=london-breed"] == "api"
    assert listed["/api/statements/?cursor=cD0xMjM%3D"] == "api"  # deep pages by keyset
    assert listed["/api/statements/?format=csv&jurisdiction=madison-wi"] == "export"
    assert listed["/api/jurisdictions/?format=geojson"] == "map"
    assert listed["/jurisdictions/madison-wi/"] == "page"
    assert not any(path.startswith("/api/events/None") for path in listed)
    assert not any(path.startswith("/api/changes/?") for path in listed)


def test_the_deep_cursor_is_a_keyset_position_halfway_down():
    import base64
    from urllib.parse import unquote

    from bench.inprocess import deep_cursor

    cursor = deep_cursor({"results": [{"id": 1000}, {"id": 10}]})
    assert base64.b64decode(unquote(cursor)).decode() == "p=500"


def test_the_browsing_mix_draws_by_popularity_and_reports_each_family():
    import random

    from bench.mix import FAMILIES, Popularity, render, summarize

    picks = Popularity(["a", "b", "c", "d"])
    counts = dict.fromkeys("abcd", 0)
    rng = random.Random(5)
    for _ in range(4000):
        counts[picks.pick(rng)] += 1
    assert counts["a"] > counts["b"] > counts["c"] > counts["d"] > 0, counts

    family = FAMILIES[0][0]
    samples = [(family, 0.004, 200, True), (family, 0.2, 200, False), ("map", 0.01, 500, False)]
    figures = summarize(samples, [(0.05, 200)], elapsed=2.0)
    assert figures["requests"] == 3 and figures["requests_per_s"] == 1.5
    assert figures["families"][family]["stored_share"] == 0.5
    assert figures["families"]["map"]["errors"] == 1
    assert figures["writes"] == {"count": 1, "statuses": ["200"], "p95_ms": 50.0}
    table = render({"runs": {"no writes": figures}})
    assert f"| {family} | " in table and "1.5 req/s" in table
