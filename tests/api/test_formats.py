"""Formats and HTTP behaviour shared by every endpoint: CSV, GeoJSON, ETags, throttling."""

import csv
import io
import re

import pytest
from django.http import StreamingHttpResponse
from rest_framework.throttling import AnonRateThrottle

from stances.services.statements import statement_update
from tests.factories import EnforcementEventFactory

LISTS = ["jurisdictions", "officials", "statements", "events", "policies", "articles"]


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


# CSV


@pytest.mark.parametrize("path", LISTS)
def test_every_list_streams_csv_with_a_header_and_every_row(world, api, path):
    json_count = api.get(f"/api/{path}/").json()["count"]

    response = api.get(f"/api/{path}/?format=csv&page_size=1")  # CSV is never paginated
    rows = csv_rows(response)

    assert f'filename="{path}.csv"' in response["Content-Disposition"]
    assert "id" in rows[0] or "slug" in rows[0]
    assert len(rows) == 1 + json_count


@pytest.mark.parametrize(
    ("url", "column", "expected"),
    [
        ("/api/jurisdictions/?format=csv&state=TX", "slug", ["austin-tx", "houston-tx"]),
        ("/api/jurisdictions/?format=csv&stance=cooperation", "slug", ["dane-county-wi"]),
        ("/api/officials/?format=csv&kind=organisation", "slug", ["ice-houston"]),
        ("/api/statements/?format=csv&speaker=kalvin-barrett", "speaker_slug", ["kalvin-barrett"]),
        ("/api/events/?format=csv&kind=operation", "name", ["Operation Midway Blitz"]),
        ("/api/policies/?format=csv&kind=ordinance", "kind", ["ordinance"]),
        ("/api/articles/?format=csv&outlet=chronicle", "outlet", ["Houston Chronicle"]),
    ],
)
def test_csv_applies_the_same_filters(world, api, url, column, expected):
    header, *rows = csv_rows(api.get(url))

    assert [row[header.index(column)] for row in rows] == expected


def test_the_jurisdictions_csv_has_a_column_per_indicator_value_and_date(world, api):
    header, *rows = csv_rows(api.get("/api/jurisdictions/?format=csv"))
    madison = dict(zip(header, rows[3], strict=True))

    assert {"detainers", "detainers_since", "detainers_policy_ids", "arrests"} <= set(header)
    assert madison["detainers_since"] and madison["detainers_policy_ids"]
    assert all(pid.isdigit() for pid in madison["detainers_policy_ids"].split(";"))
    assert "None" not in {cell for row in rows for cell in row}
    assert not any("," in row[header.index("detainers_policy_ids")] for row in rows)
    for cells in (dict(zip(header, row, strict=True)) for row in rows):
        assert cells["arrests"].isdigit()
        for name in ("detainers", "jail_access", "information_sharing"):
            if cells[name] == "unknown":
                assert cells[f"{name}_since"] == cells[f"{name}_policy_ids"] == ""


def test_the_jurisdictions_csv_with_evidence_has_the_rows_of_the_maps_table(world, api, client):
    header, *rows = csv_rows(api.get("/api/jurisdictions/?format=csv&evidence=true"))
    page = client.get("/").content.decode()
    table = page[page.index("<tbody>") : page.index("</tbody>")]
    shown = re.findall(r'<th scope="row"><a href="/jurisdictions/([^/]+)/">', table)

    assert sorted(row[header.index("slug")] for row in rows) == sorted(shown)


def test_csv_flattens_nested_fields_and_keeps_the_default_order(world, api):
    header, *rows = csv_rows(api.get("/api/jurisdictions/?format=csv"))

    assert [row[header.index("slug")] for row in rows] == [
        "austin-tx",
        "dane-county-wi",
        "houston-tx",
        "madison-wi",
    ]
    madison = dict(zip(header, rows[3], strict=True))
    assert madison["stance"] == "non_cooperation"
    assert madison["detainers"] == "limits"
    assert madison["statements"] == "1"


def test_rejected_facts_stay_out_of_csv(world, api):
    header, *rows = csv_rows(api.get("/api/statements/?format=csv&include_rejected=true"))

    assert str(world.rejected_statement.pk) not in [row[header.index("id")] for row in rows]


def test_a_formula_like_cell_is_neutralised(world, api):
    EnforcementEventFactory(article=world.article, summary="=1+1", kind="raid", name="@SUM(A1)")

    header, *rows = csv_rows(api.get("/api/events/?format=csv&kind=raid"))
    summaries = [row[header.index("summary")] for row in rows]
    names = [row[header.index("name")] for row in rows]

    assert "'=1+1" in summaries
    assert "=1+1" not in summaries
    assert "'@SUM(A1)" in names


@pytest.mark.parametrize("path", LISTS)
def test_csv_with_no_match_still_has_its_header(world, api, path):
    rows = csv_rows(api.get(f"/api/{path}/?format=csv&ordering=id&page_size=1&q=zzzzzz"))

    assert len(rows) == 1
    assert "id" in rows[0] or "slug" in rows[0]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/statements/?format=csv&from=2024-02-30", "from"),
        ("/api/jurisdictions/?format=csv&as_of=soon", "as_of"),
        ("/api/jurisdictions/?format=geojson&stance=hostile", "stance"),
        ("/api/articles/?format=csv&published_to=never", "published_to"),
        ("/api/events/999999/?format=csv", "detail"),
    ],
)
def test_errors_are_json_whatever_the_format_asked(world, api, url, field):
    response = api.get(url)

    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/json"
    assert field in response.json()


# GeoJSON


def test_jurisdictions_as_a_geojson_feature_collection(world, api):
    response = api.get("/api/jurisdictions/?format=geojson")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = response.json()
    assert data["type"] == "FeatureCollection"
    features = {f["id"]: f for f in data["features"]}
    assert list(features) == ["austin-tx", "dane-county-wi", "houston-tx", "madison-wi"]
    madison = features["madison-wi"]
    assert madison["type"] == "Feature"
    assert madison["geometry"] == {"type": "Point", "coordinates": [-89.40, 43.07]}
    assert madison["properties"]["stance"] == "non_cooperation"
    assert madison["properties"]["statements"] == 1
    assert madison["properties"]["policies"] == 2
    assert madison["properties"]["events"] == 2
    assert features["austin-tx"]["geometry"] is None  # no coordinates in the gazetteer


def test_geojson_applies_filters_and_as_of(world, api):
    data = api.get("/api/jurisdictions/?format=geojson&as_of=2020-01-01&state=WI").json()

    stances = {f["id"]: f["properties"]["stance"] for f in data["features"]}
    assert stances == {"dane-county-wi": "unknown", "madison-wi": "limited_cooperation"}


# ETags


def detail_urls(world) -> list[str]:
    return [
        "/api/jurisdictions/madison-wi/",
        "/api/officials/satya-rhodes-conway/",
        f"/api/statements/{world.refusal.pk}/",
        f"/api/events/{world.operation.pk}/",
        f"/api/policies/{world.order.pk}/",
        f"/api/articles/{world.article.pk}/",
    ]


def test_lists_and_details_have_an_etag_and_answer_304(world, api):
    for url in [f"/api/{path}/" for path in LISTS] + detail_urls(world) + ["/api/changes/"]:
        first = api.get(url)
        etag = first.headers.get("ETag")
        assert etag, url

        again = api.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, url
        assert again.content == b""


def test_the_etag_changes_with_the_data(world, api, committed):
    etag = api.get("/api/statements/")["ETag"]
    with committed():
        statement_update(statement=world.honor, stance="neutral")  # a write, as editors make

    response = api.get("/api/statements/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag


# Throttling


def test_anonymous_reads_are_throttled(world, api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})

    statuses = [api.get("/api/statements/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/jurisdictions/")
    assert response.status_code == 429
    assert "detail" in response.json()
    assert int(response["Retry-After"]) > 0


def test_signed_in_users_are_not_held_to_the_anonymous_rate(world, editor_api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})

    assert {editor_api.get("/api/statements/").status_code for _ in range(5)} == {200}
