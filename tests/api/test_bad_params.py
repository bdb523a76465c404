"""Bad query parameters on every list and detail: a malformed, oversized or injection-shaped value
is a 400 whose JSON names the parameter, never a 500 and never silently ignored. Free-text
parameters take any text (an injection-shaped search is only a search: it matches nothing), but
not a NUL byte, nor more characters than any row could hold."""

import base64

import pytest

LONG = "x" * 10_000
HUGE = str(10**30)
SQL = "' OR 1=1 --"
SCRIPT = "<script>alert(1)</script>"
PATH = "../../etc/passwd"
ODDITIES = ["\u202egnp.exe", "١٢", "１２", "e\u0301", "\ufeff1", "😀"]  # RTL, digits, BOM
NUL = "\x00"

FACT_LISTS = ["statements", "events", "policies"]
LISTS = [*FACT_LISTS, "officials", "jurisdictions", "articles"]
BAD_DATES = ["soon", "2024-02-30", "10/25/2006", "2024-1-5", "١٩٩٩-٠١-٠١", LONG]
BAD_CHOICES = ["hostile", SQL, LONG, "ＮＥＵＴＲＡＬ"]
BAD_IDS = ["first", "1.5", "0", HUGE, "١", "1_0"]
BAD_PAGES = ["abc", "0", "-1", HUGE, "１", SQL]
BAD_PAGE_SIZES = ["abc", "0", "501", HUGE, "1e3"]


def cursor(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


BAD_CURSORS = ["garbage", SQL, cursor("p=abc"), cursor("o=-1"), cursor("p=" + "9" * 40), LONG]

CHOICES = {
    "statements": ["stance", "review_status", "date_precision", "format", "include_rejected"],
    "events": ["kind", "review_status", "date_precision", "format", "include_rejected"],
    "policies": ["kind", "indicator", "direction", "review_status", "date_precision", "format"],
    "officials": ["kind", "format"],
    "jurisdictions": ["kind", "stance", "detainers", "jail_access", "agreement_287g", "format"],
    "articles": ["format"],
}
DATES = {
    **{path: ["from", "to"] for path in FACT_LISTS},
    "jurisdictions": ["as_of"],
    "jurisdictions/madison-wi": ["as_of"],
    "articles": ["published_from", "published_to"],
}
TEXTS = {
    "statements": ["q", "state", "jurisdiction", "speaker"],
    "events": ["q", "state", "jurisdiction"],
    "policies": ["q", "state", "jurisdiction"],
    "officials": ["q", "state", "jurisdiction"],
    "jurisdictions": ["q", "state"],
    "articles": ["q", "outlet", "jurisdiction"],
}
ORDERINGS = {
    "statements": "said_on",
    "events": "starts_on",
    "policies": "effective_on",
    "officials": "name",
    "jurisdictions": "name",
    "articles": "published_on",
}


def cases(table: dict[str, list[str]], values: list[str]) -> list:
    return [
        pytest.param(path, name, values, id=f"{path}-{name}")
        for path, names in table.items()
        for name in names
    ]


MALFORMED = [
    *cases(CHOICES, BAD_CHOICES),
    *cases(DATES, BAD_DATES),
    *cases({path: ["article"] for path in FACT_LISTS}, BAD_IDS),
    *cases({path: ["page"] for path in LISTS}, BAD_PAGES),
    *cases({path: ["page_size"] for path in LISTS}, BAD_PAGE_SIZES),
    *cases({path: ["cursor"] for path in LISTS}, BAD_CURSORS),
    *cases({path: ["ordering"] for path in LISTS}, ["bogus", "-", "id,", f"id;{SQL}", LONG]),
    *cases(TEXTS, [LONG]),
    *cases({path: ["state"] for path in LISTS if path != "articles"}, ["Atlantis", SQL]),
    *cases({"changes": ["since", "before"]}, ["soon", "2025-13-01T00:00:00Z", LONG]),
    *cases({"changes": ["limit"]}, ["abc", "0", "501", HUGE]),
    *cases({"changes": ["cursor"]}, ["yesterday", SQL, LONG]),
]


def assert_names_the_parameter(response, name: str) -> None:
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert name in response.json()


@pytest.mark.parametrize(("path", "name", "values"), MALFORMED)
def test_a_malformed_or_oversized_value_is_a_400_naming_the_parameter(db, api, path, name, values):
    for value in values:
        response = api.get(f"/api/{path}/", {name: value})

        assert response.status_code == 400, (value[:50], response.content[:300])
        assert_names_the_parameter(response, name)


EVERY_PARAMETER = sorted(
    {
        (path, name)
        for table in (CHOICES, DATES, TEXTS)
        for path, names in table.items()
        for name in names
    }
    | {(path, name) for path in LISTS for name in ("page", "page_size", "cursor", "ordering")}
    | {("changes", name) for name in ("since", "before", "limit", "cursor")}
)


@pytest.mark.parametrize(("path", "name"), EVERY_PARAMETER)
def test_a_nul_byte_anywhere_is_a_400_naming_the_parameter(db, api, path, name):
    """PostgreSQL cannot store or compare a NUL byte: passed on, the query would fail."""
    for value in [NUL, f"madison{NUL}-wi", f"2024-01-01{NUL}"]:
        response = api.get(f"/api/{path}/", {name: value})

        assert_names_the_parameter(response, name)


# A place or a speaker is named by slug or name: text that names none is a 400 saying so.
NAMED = {"jurisdiction", "speaker"}
SEARCHED = [
    (path, name)
    for path, names in TEXTS.items()
    for name in names
    if name != "state" and not (name in NAMED and path != "articles")
]
NAMING = [(path, name) for path, names in TEXTS.items() for name in names if name in NAMED]


@pytest.mark.parametrize(("path", "name"), [n for n in NAMING if n[0] != "articles"])
def test_injection_shaped_names_name_nothing_and_say_so(world, api, path, name):
    for value in [SQL, SCRIPT, PATH, "%00", "madison-wi' --", "*", "%", "_", *ODDITIES]:
        response = api.get(f"/api/{path}/", {name: value})

        assert response.status_code == 400, (value, response.content[:300])
        assert "No " in response.json()[name][0], value


@pytest.mark.parametrize(("path", "name"), SEARCHED)
def test_injection_shaped_text_is_only_searched_for(world, api, path, name):
    """The text is a value in the query, never part of it: it matches no row (an OR 1=1 run
    as SQL would match them all)."""
    for value in [SQL, SCRIPT, PATH, "%00", "madison-wi' --", "*", "%", "_", *ODDITIES]:
        response = api.get(f"/api/{path}/", {name: value})

        assert response.status_code == 200, (value, response.content[:300])
        assert response.json()["results"] == [], value


@pytest.mark.parametrize("path", LISTS)
def test_page_parameters_are_checked_even_when_every_match_is_sent(world, api, path):
    """A CSV download is never paginated, but a malformed page is still the client's mistake."""
    for name, value in [("page", "abc"), ("page_size", "0"), ("cursor", "garbage")]:
        response = api.get(f"/api/{path}/", {"format": "csv", name: value})

        assert_names_the_parameter(response, name)


@pytest.mark.parametrize("path", LISTS)
def test_keyset_pages_refuse_another_order(world, api, path):
    """A cursor holds an id: ordered by a date or a name, it would hold those, or a null."""
    response = api.get(f"/api/{path}/", {"cursor": "", "ordering": ORDERINGS[path]})

    assert_names_the_parameter(response, "ordering")
    assert api.get(f"/api/{path}/", {"cursor": ""}).status_code == 200


def test_a_page_far_past_the_end_is_a_404_naming_the_page(world, api):
    response = api.get("/api/statements/", {"page": str(10**12)})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "page 1000000000000" in response.json()["detail"]


@pytest.mark.parametrize("path", ["statements/1", "jurisdictions/madison-wi"])
@pytest.mark.parametrize("value", ["xml", "geojson", SQL, NUL])
def test_an_unknown_format_on_a_detail_is_a_400(world, api, path, value):
    response = api.get(f"/api/{path}/", {"format": value})

    assert_names_the_parameter(response, "format")


@pytest.mark.parametrize(
    "url",
    [
        "/api/jurisdictions/madison%00-wi/",
        "/api/officials/%00/",
        "/api/statements/%00/",
        f"/api/statements/{HUGE}/",
        "/api/statements/1e3/",
        "/api/events/..%2F..%2Fetc%2Fpasswd/",
        "/api/articles/%27%20OR%201=1%20--/",
        "/api/no-such-endpoint/",
    ],
)
def test_a_key_that_names_nothing_is_a_json_404(world, api, url):
    response = api.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


@pytest.mark.parametrize(("field", "path"), [("speaker", "statements"), ("jurisdiction", "events")])
def test_a_nul_byte_in_a_slug_of_a_write_is_a_400_naming_the_field(world, editor_api, field, path):
    response = editor_api.post(f"/api/{path}/", {field: f"madison{NUL}"}, format="json")

    assert_names_the_parameter(response, field)
