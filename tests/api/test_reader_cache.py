"""The shared cache of anonymous reads (stances.caching.ReaderCacheMiddleware), for pages and the
API: a repeat is answered without a query and with the same bytes, security headers and ETag; any
credential skips it; the API's throttle still counts; what is not a plain 200 is never stored.
(The API's lists and details, writes and errors: tests/api/test_caching.py.)"""

import contextlib
import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from sanctuary.versions import data_version
from sanctuary.web.reader_cache import is_anonymous, stored_answer
from stances.services.deletion import records_delete
from stances.services.ingestion import article_ingest
from stances.services.jurisdictions import jurisdiction_update
from stances.services.officials import official_update
from stances.services.review import fact_review
from stances.services.statements import statement_update
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    policy_with_effects,
    span_of,
    statement_at,
)

BODY = (
    "The council passed an ordinance barring detainer holds.\n"
    "“We will not hold anyone for ICE,” the mayor said.\n"
    "“The jail will honor every detainer we receive,” the sheriff said.\n"
    "“We have nothing more to add,” the mayor's office said.\n"
    "Agents arrested 14 people in Madison."
)


@pytest.fixture(autouse=True)
def _cache_in_memory(settings):
    """The shared cache outside the database, as Redis is in production: the queries counted
    below are the pages' own, and each test starts with nothing stored."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def town(db):
    """Madison alone: a small world of its own (not tests/api/conftest.py's larger one)."""
    w = SimpleNamespace()
    w.madison = JurisdictionFactory(name="Madison", state="WI", slug="madison-wi")
    w.article = ArticleFactory(
        title="Madison closes its jail to ICE", body=BODY, published_on=dt.date(2024, 3, 1)
    )
    w.mayor = OfficialFactory(name="Satya Rhodes-Conway", slug="satya", jurisdiction=w.madison)
    w.sheriff = OfficialFactory(name="Kalvin Barrett", slug="kalvin", jurisdiction=w.madison)
    w.ordinance = policy_with_effects(
        w.article,
        w.madison,
        "The council passed an ordinance barring detainer holds.",
        [("detainers", "limits")],
        kind="ordinance",
        effective_on=dt.date(2019, 6, 15),
        summary="Ordinance barring detainer holds.",
    )
    w.refusal = statement_at(
        w.article, w.mayor, "We will not hold anyone for ICE,", said_on=dt.date(2024, 2, 26)
    )
    w.honor = statement_at(
        w.article,
        w.sheriff,
        "The jail will honor every detainer we receive,",
        said_on=dt.date(2024, 2, 27),
        stance="for_cooperation",
    )
    w.rejected = statement_at(
        w.article,
        w.mayor,
        "We have nothing more to add,",
        said_on=dt.date(2024, 2, 28),
        review_status="rejected",
    )
    w.arrests = EnforcementEventFactory(
        article=w.article,
        jurisdiction=w.madison,
        starts_on=dt.date(2024, 2, 21),
        count=14,
        summary="14 people arrested in Madison.",
        **span_of(BODY, "Agents arrested 14 people"),
    )
    return w


def queries_of(request) -> tuple[object, int]:
    """The response to ``request()`` and the number of queries it took."""
    with CaptureQueriesContext(connection) as captured:
        response = request()
    return response, len(captured)


PAGES = [
    "/",
    "/?sort=-arrests",
    "/timeline/",
    "/statements/",
    "/statements/?stance=for_cooperation",
    "/about/",
    "/jurisdictions/madison-wi/",
    "/articles/{article}/",
]


def page_url(town, url: str) -> str:
    return url.format(article=town.article.pk)


# A repeat costs nothing and is the same answer ----------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_a_repeated_anonymous_page_costs_no_query(town, client, url):
    url = page_url(town, url)
    first, first_queries = queries_of(lambda: client.get(url))

    again, again_queries = queries_of(lambda: client.get(url))

    assert first.status_code == again.status_code == 200
    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"] == "text/html; charset=utf-8"
    assert again["ETag"] == first["ETag"]
    assert (first.get("X-Cache"), again["X-Cache"]) == (None, "hit")


def test_with_the_reader_cache_off_every_answer_is_made_by_its_view(town, client, settings):
    """``READER_CACHE=0``: what the benchmark's "uncached" column measures."""
    settings.READER_CACHE = False
    url = page_url(town, PAGES[0])
    first, first_queries = queries_of(lambda: client.get(url))
    again, again_queries = queries_of(lambda: client.get(url))
    assert first.status_code == again.status_code == 200
    assert first_queries > 0 and again_queries > 0  # made again (shared counts may be stored)
    assert again.content == first.content


SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


@pytest.mark.parametrize("url", ["/", "/statements/", "/api/statements/", "/api/events/"])
def test_a_stored_answer_still_carries_the_security_headers(town, client, url):
    first = client.get(url)
    again, queries = queries_of(lambda: client.get(url))

    assert queries == 0
    for name in SECURITY_HEADERS:
        assert again.get(name), name
        assert again[name] == first[name], name
    assert again["X-Frame-Options"] == "DENY"
    assert again["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in again["Content-Security-Policy"]


def test_each_query_string_is_a_page_of_its_own(town, client):
    everything = client.get("/statements/")
    for_cooperation = client.get("/statements/?stance=for_cooperation")

    assert town.refusal.quote in everything.content.decode()
    assert town.refusal.quote not in for_cooperation.content.decode()
    assert town.honor.quote in for_cooperation.content.decode()
    again, queries = queries_of(lambda: client.get("/statements/"))
    assert queries == 0
    assert again.content == everything.content


def test_a_write_through_a_service_changes_the_next_page(town, client, editor, committed):
    shown = {  # where each page shows the statement
        "/statements/": town.honor.quote,
        "/jurisdictions/madison-wi/": town.honor.quote,
        f"/articles/{town.article.pk}/": f'data-facts="statement-{town.honor.pk}"',
    }
    for url, text in shown.items():
        assert text in client.get(url).content.decode(), url
        assert queries_of(lambda url=url: client.get(url))[1] == 0, url  # stored

    with committed():
        fact_review(fact=town.honor, user=editor, status="rejected")

    for url, text in shown.items():
        response, queries = queries_of(lambda url=url: client.get(url))
        assert response.status_code == 200
        assert queries > 0, url
        assert text not in response.content.decode(), url


def test_an_api_write_changes_the_next_api_answer_in_every_format(town, api, committed):
    url = f"/api/statements/{town.honor.pk}/"
    assert api.get(url).json()["stance"] == "for_cooperation"
    assert b"for_cooperation" in api.get(f"{url}?format=csv").content

    with committed():
        statement_update(statement=town.honor, stance="neutral")

    assert api.get(url).json()["stance"] == "neutral"
    csv = api.get(f"{url}?format=csv").content
    assert b"neutral" in csv and b"for_cooperation" not in csv


def test_writes_that_touch_no_jurisdiction_change_the_next_answer_too(
    town, client, api, editor, committed
):
    """Renaming a speaker or reviewing a statement that names no place refreshes no summary;
    the next answer must still be new."""
    placeless = statement_at(town.article, town.mayor, "We have nothing more to add,")
    placeless.jurisdiction = None
    placeless.save()
    article_page = f"/articles/{town.article.pk}/"
    speaker = "/api/officials/satya/"
    assert f'data-facts="statement-{placeless.pk}"' in client.get(article_page).content.decode()
    assert api.get(speaker).json()["name"] == "Satya Rhodes-Conway"

    with committed():
        fact_review(fact=placeless, user=editor, status="rejected")
        official_update(official=town.mayor, name="Satya R. Conway")

    assert f"statement-{placeless.pk}" not in client.get(article_page).content.decode()
    assert api.get(speaker).json()["name"] == "Satya R. Conway"


@pytest.mark.parametrize("how", ["saved", "deleted"])
def test_the_admins_own_saves_and_deletes_change_the_next_answer(town, api, committed, how):
    """The admin saves jurisdictions and deletes anything through services too
    (``jurisdiction_update``, ``records_delete``): one mechanism announces every write."""
    url = "/api/jurisdictions/madison-wi/"
    assert api.get(url).json()["population"] != 269_840

    if how == "saved":
        with committed():
            jurisdiction_update(jurisdiction=town.madison, population=269_840)
        assert api.get(url).json()["population"] == 269_840
    else:
        event = f"/api/events/{town.arrests.pk}/"
        assert api.get(event).status_code == 200
        assert town.arrests.summary in api.get("/api/events/").content.decode()
        with committed():
            records_delete([town.arrests])
        assert api.get(event).status_code == 404
        assert town.arrests.summary not in api.get("/api/events/").content.decode()


def test_a_write_that_is_rolled_back_invalidates_nothing(
    town, api, django_capture_on_commit_callbacks
):
    url = f"/api/statements/{town.honor.pk}/"
    api.get(url)
    version = data_version()

    class RolledBack(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        contextlib.suppress(RolledBack),
        transaction.atomic(),
    ):
        statement_update(statement=town.honor, stance="neutral")
        raise RolledBack

    assert callbacks == []

    assert data_version() == version
    assert api.get(url).json()["stance"] == "for_cooperation"


def test_an_article_of_many_facts_bumps_the_version_once(town, committed):
    version = data_version()

    with committed() as callbacks:
        result = article_ingest(
            body='Mayor Ada Lind said: "We will not hold anyone for ICE." The council agreed. '
            "Police Chief Bo Sand said he would follow the city's new executive order.",
            title="Lind on detainers",
            url="https://example.org/lind",
        )

    assert result.outcome == "created"
    assert len(callbacks) == 1
    assert data_version() == version + 1


# Formats are stored apart ------------------------------------------------------------------------


def test_each_accept_header_and_format_is_stored_apart(town, api):
    url = f"/api/events/{town.arrests.pk}/"
    asked = {
        "json": lambda: api.get(url),
        "?format=csv": lambda: api.get(f"{url}?format=csv"),
        "Accept: text/csv": lambda: api.get(url, HTTP_ACCEPT="text/csv"),
        "?format=json": lambda: api.get(f"{url}?format=json"),
    }
    first = {name: ask() for name, ask in asked.items()}

    for name, ask in asked.items():
        again, queries = queries_of(ask)
        assert queries == 0, name
        assert again.content == first[name].content, name
        assert again["Content-Type"] == first[name]["Content-Type"], name
    assert first["json"]["Content-Type"] == "application/json"
    assert first["json"].json()["id"] == town.arrests.pk
    assert first["?format=csv"]["Content-Type"].startswith("text/csv")
    assert first["Accept: text/csv"]["Content-Type"].startswith("text/csv")
    assert first["?format=csv"].content.startswith(b"id,kind,")
    assert first["Accept: text/csv"].content == first["?format=csv"].content


def test_a_json_answer_is_not_given_to_a_browser_asking_for_html(town, api):
    api.get("/api/statements/")  # stored as JSON

    browser = api.get("/api/statements/", HTTP_ACCEPT="text/html")

    assert browser.status_code == 200
    assert browser["Content-Type"].startswith("text/html")
    assert b"<html" in browser.content
    assert api.get("/api/statements/")["Content-Type"] == "application/json"


# Conditional GETs --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/timeline/", "/api/statements/", "/api/events/"])
def test_the_stored_etag_gives_a_304_without_a_query(town, client, url):
    etag = client.get(url)["ETag"]
    assert etag

    not_modified, queries = queries_of(lambda: client.get(url, HTTP_IF_NONE_MATCH=etag))

    assert queries == 0
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag


def test_a_stale_etag_gets_the_whole_stored_answer(town, client):
    first = client.get("/statements/")

    again, queries = queries_of(lambda: client.get("/statements/", HTTP_IF_NONE_MATCH='"stale"'))

    assert queries == 0
    assert again.status_code == 200
    assert again.content == first.content


@pytest.mark.parametrize("url", ["/statements/", "/api/statements/"])
def test_revalidating_after_a_write_gets_a_304_and_stores_the_answer(town, client, url):
    """A write elsewhere bumps the version without changing this answer: a client sending the
    ETag it has gets a 304, and the answer made for it is stored for everyone."""
    etag = client.get(url)["ETag"]
    town.madison.save()  # nothing this answer shows

    revalidated = client.get(url, HTTP_IF_NONE_MATCH=etag)
    again, queries = queries_of(lambda: client.get(url))

    assert revalidated.status_code == 304
    assert revalidated["ETag"] == etag
    assert queries == 0
    assert again.status_code == 200
    assert again["ETag"] == etag


def test_a_page_is_one_stored_answer_whatever_the_accept_header(town, client):
    client.get("/statements/", HTTP_ACCEPT="text/html")

    again, queries = queries_of(lambda: client.get("/statements/", HTTP_ACCEPT="*/*;q=0.1"))

    assert queries == 0
    assert again.status_code == 200


def test_after_a_write_the_old_etag_gets_the_new_answer(town, client, committed):
    etag = client.get("/statements/")["ETag"]
    with committed():
        statement_update(statement=town.honor, stance="neutral")

    response = client.get("/statements/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag


# The API's throttle still counts -------------------------------------------------------------


@pytest.fixture
def three_a_minute(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


def test_a_stored_api_answer_is_still_throttled(town, api, three_a_minute, monkeypatch):
    answers = [queries_of(lambda: api.get("/api/statements/")) for _ in range(4)]

    assert [r.status_code for r, _ in answers] == [200, 200, 200, 429]
    assert answers[0][1] > 0
    assert [q for _, q in answers[1:3]] == [0, 0]  # stored, and still counted
    refused = answers[3][0]
    assert refused["Content-Type"] == "application/json"
    assert "detail" in refused.json()
    assert int(refused["Retry-After"]) > 0

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100/minute"})
    after, queries = queries_of(lambda: api.get("/api/statements/"))
    assert after.status_code == 200
    assert queries == 0  # the refusal was not stored in place of the answer
    assert after.content == answers[0][0].content


def test_stored_answers_count_against_the_same_rate_as_the_views(town, api, three_a_minute):
    assert api.get("/api/statements/").status_code == 200  # the view: stored
    assert api.get("/api/statements/").status_code == 200  # from the cache
    assert api.get("/api/statements/").status_code == 200  # from the cache

    response = api.get("/api/events/")  # never asked: the view's own throttle refuses it

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_stored_answers_are_counted_per_client_address(town, three_a_minute):
    for _ in range(3):
        APIClient(REMOTE_ADDR="203.0.113.1").get("/api/statements/")

    elsewhere, queries = queries_of(
        lambda: APIClient(REMOTE_ADDR="203.0.113.2").get("/api/statements/")
    )

    assert APIClient(REMOTE_ADDR="203.0.113.1").get("/api/statements/").status_code == 429
    assert elsewhere.status_code == 200
    assert queries == 0


def test_pages_are_not_throttled(town, client, three_a_minute):
    assert [client.get("/statements/").status_code for _ in range(5)] == [200] * 5


# Credentials skip the stored answer ------------------------------------------------------------


def test_a_signed_in_editor_never_gets_the_stored_page(town, client, editor):
    client.get("/statements/")
    assert queries_of(lambda: client.get("/statements/"))[1] == 0  # stored for readers

    client.force_login(editor)
    first, first_queries = queries_of(lambda: client.get("/statements/"))
    again, again_queries = queries_of(lambda: client.get("/statements/"))

    assert first.status_code == again.status_code == 200
    assert first_queries > 0
    assert again_queries > 0  # nor is an editor's page stored
    client.logout()
    assert queries_of(lambda: client.get("/statements/"))[1] == 0


def test_a_page_seen_by_an_editor_is_not_given_to_readers(town, client, editor):
    editor_client = type(client)()
    editor_client.force_login(editor)
    editor_client.get("/statements/")

    response, queries = queries_of(lambda: client.get("/statements/"))

    assert response.status_code == 200
    assert queries > 0  # rendered for the reader, not taken from the editor's request


def test_a_message_waiting_in_a_cookie_skips_the_stored_page(town, client):
    client.get("/")
    client.cookies["messages"] = "a message still to show"

    response, queries = queries_of(lambda: client.get("/"))

    assert response.status_code == 200
    assert queries > 0


def test_an_authorization_header_never_gets_the_stored_answer(town, api, editor):
    url = "/api/statements/?include_rejected=true"
    anonymous = api.get(url)
    assert town.rejected.pk not in {s["id"] for s in anonymous.json()["results"]}

    bogus = api.get(url, HTTP_AUTHORIZATION="Token not-a-token")
    token = Token.objects.create(user=editor).key
    signed_in = api.get(url, HTTP_AUTHORIZATION=f"Token {token}")

    assert bogus.status_code in (401, 403)  # refused, not the stored 200
    assert signed_in.status_code == 200
    assert town.rejected.pk in {s["id"] for s in signed_in.json()["results"]}
    again, queries = queries_of(lambda: api.get(url, HTTP_AUTHORIZATION=f"Token {token}"))
    assert queries > 0
    assert town.rejected.pk in {s["id"] for s in again.json()["results"]}


def test_forced_authentication_never_gets_the_stored_answer(town, api, editor):
    api.get("/api/statements/")
    editor_api = APIClient()
    editor_api.force_authenticate(editor)

    response, queries = queries_of(lambda: editor_api.get("/api/statements/"))

    assert response.status_code == 200
    assert queries > 0


@pytest.mark.parametrize(
    ("cookies", "meta", "expected"),
    [
        ({}, {}, True),
        ({"csrftoken": "x"}, {}, True),  # not a credential
        ({"sessionid": "x"}, {}, False),
        ({"messages": "x"}, {}, False),
        ({}, {"HTTP_AUTHORIZATION": "Token x"}, False),
        ({}, {"HTTP_AUTHORIZATION": "Basic eDp5"}, False),
    ],
)
def test_which_requests_are_anonymous(cookies, meta, expected):
    request = RequestFactory().get("/", **meta)
    request.COOKIES.update(cookies)

    assert is_anonymous(request) is expected


def test_forced_authentication_is_not_anonymous():
    request = RequestFactory().get("/")
    request._force_auth_user = object()

    assert is_anonymous(request) is False


# What is never stored ----------------------------------------------------------------------------


def stored_for(url: str, **headers):
    """What the shared cache holds for an anonymous GET of ``url`` now."""
    return stored_answer(RequestFactory().get(url, **headers))


def test_a_stored_answer_is_kept_under_the_url_and_accept_header(town, client, api):
    assert stored_for("/statements/") is None
    client.get("/statements/")
    api.get("/api/statements/", HTTP_ACCEPT="application/json")

    assert stored_for("/statements/") is not None
    assert stored_for("/api/statements/", HTTP_ACCEPT="application/json") is not None
    assert stored_for("/api/statements/") is None  # another Accept header
    assert stored_for("/statements/?page=1") is None


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/jurisdictions/nowhere-zz/", 404),
        ("/?as_of=soon", 400),
        ("/statements/?from=2024-02-30", 400),
        ("/timeline/?type=nothing", 400),
        ("/articles/999999/", 404),
    ],
)
def test_a_page_that_is_not_a_200_is_not_stored(town, client, url, status):
    assert client.get(url).status_code == status

    again = client.get(url)

    assert again.status_code == status
    assert stored_for(url) is None


def test_a_streamed_answer_is_not_stored(town, editor_api):
    first = editor_api.get("/api/jurisdictions/?format=csv")  # streamed row by row to editors
    assert first.streaming
    b"".join(first.streaming_content)

    again, queries = queries_of(lambda: editor_api.get("/api/jurisdictions/?format=csv"))

    assert again.streaming
    assert queries > 0
    assert b"madison-wi" in b"".join(again.streaming_content)


def test_the_jurisdictions_csv_is_written_once_per_data_version(town, api, settings, tmp_path):
    settings.EXPORTS_DIR = tmp_path
    first = api.get("/api/jurisdictions/?format=csv")
    body = b"".join(first.streaming_content)

    again, queries = queries_of(lambda: api.get("/api/jurisdictions/?format=csv"))

    assert queries == 0
    assert b"".join(again.streaming_content) == body
    assert b"madison-wi" in body
    assert len(list(tmp_path.glob("*.csv"))) == 1


def test_an_answer_that_sets_a_cookie_is_not_stored(town, api):
    # The browsable API puts a CSRF token in its page, and so sets the CSRF cookie.
    first = api.get("/api/statements/", HTTP_ACCEPT="text/html")
    assert first.status_code == 200
    assert first.cookies

    api.cookies.clear()
    again, queries = queries_of(lambda: api.get("/api/statements/", HTTP_ACCEPT="text/html"))

    assert again.status_code == 200
    assert queries > 0
    assert again.cookies


# A write drops only the place pages it changed ------------------------------------------------


@pytest.fixture
def layered(town):
    """Madison in Dane County, Wisconsin; Denver in Colorado, with its own official."""
    w = town
    w.wisconsin = JurisdictionFactory(name="Wisconsin", kind="state", state="WI", slug="wisconsin")
    w.dane = JurisdictionFactory(name="Dane County", kind="county", state="WI", slug="dane-wi")
    w.madison.county = w.dane
    w.madison.save()
    w.colorado = JurisdictionFactory(name="Colorado", kind="state", state="CO", slug="colorado")
    w.denver = JurisdictionFactory(name="Denver", state="CO", slug="denver-co")
    w.mayor_of_denver = OfficialFactory(name="Mike Johnston", slug="mike", jurisdiction=w.denver)
    return w


def place_pages(slug: str) -> list[str]:
    return [
        f"/jurisdictions/{slug}/",
        f"/es/jurisdictions/{slug}/",
        f"/embed/jurisdictions/{slug}/",
        f"/api/jurisdictions/{slug}/",
        f"/feeds/jurisdictions/{slug}.atom",
    ]


def stored(client, urls: list[str]) -> dict[str, bool]:
    """For each URL, whether its answer came from the store (no query)."""
    return {url: queries_of(lambda url=url: client.get(url))[1] == 0 for url in urls}


def test_a_write_to_one_place_keeps_other_places_pages_stored(layered, client, committed):
    w = layered
    denver, madison = place_pages("denver-co"), place_pages("madison-wi")
    for url in [*denver, *madison, "/statements/"]:
        assert client.get(url).status_code == 200, url

    with committed():
        statement_update(statement=w.honor, stance="neutral")

    assert stored(client, denver) == dict.fromkeys(denver, True)
    assert stored(client, madison) == dict.fromkeys(madison, False)
    assert stored(client, ["/statements/"]) == {"/statements/": False}  # a list shows every place


def test_a_write_drops_the_pages_of_its_layers_and_of_the_places_under_it(
    layered, client, editor, committed
):
    w = layered
    pages = {slug: f"/jurisdictions/{slug}/" for slug in ("madison-wi", "dane-wi", "wisconsin")}
    state_law = policy_with_effects(
        w.article, w.wisconsin, "The council passed an ordinance", [("detainers", "limits")]
    )

    def after(write) -> dict[str, bool]:
        for url in [*pages.values(), "/jurisdictions/denver-co/"]:
            client.get(url)
        with committed():
            write()
        return stored(client, [*pages.values(), "/jurisdictions/denver-co/"])

    # Madison's fact: its county's and its state's pages count it too
    assert after(lambda: fact_review(fact=w.arrests, user=editor, status="rejected")) == {
        **dict.fromkeys(pages.values(), False),
        "/jurisdictions/denver-co/": True,
    }
    # the state's law is a layer of every place in the state
    assert after(lambda: fact_review(fact=state_law, user=editor, status="rejected")) == {
        **dict.fromkeys(pages.values(), False),
        "/jurisdictions/denver-co/": True,
    }


def test_a_statement_drops_its_speakers_place_page_which_counts_it(layered, client, committed):
    w = layered
    said = statement_at(w.article, w.mayor_of_denver, "We have nothing more to add,")
    said.jurisdiction = w.madison  # about Madison, said by Denver's mayor
    said.save()
    counted = ">1 statement</a>"  # the mayor's statements, linked from Denver's officials
    assert counted in client.get("/jurisdictions/denver-co/").content.decode()

    with committed():
        statement_update(statement=said, review_status="rejected")

    assert counted not in client.get("/jurisdictions/denver-co/").content.decode()


def test_a_write_that_names_no_place_drops_every_page(layered, client, committed):
    client.get("/jurisdictions/denver-co/")

    with committed():
        official_update(official=layered.mayor, name="Satya R. Conway")

    assert stored(client, ["/jurisdictions/denver-co/"]) == {"/jurisdictions/denver-co/": False}


def test_with_scoping_off_a_write_drops_every_place_page(layered, client, committed, settings):
    """``READER_CACHE_SCOPED=0``: what the browsing-mix benchmark compares against."""
    settings.READER_CACHE_SCOPED = False
    client.get("/jurisdictions/denver-co/")

    with committed():
        statement_update(statement=layered.honor, stance="neutral")

    assert stored(client, ["/jurisdictions/denver-co/"]) == {"/jurisdictions/denver-co/": False}


def test_a_place_card_says_when_the_place_itself_changed(layered, client, committed, settings):
    """A card is stored until a write to its place: its "Updated" date is the place's own, so
    that a write elsewhere leaves the stored card as true as a new one (a site-wide date would
    go stale on it)."""
    from django.utils import timezone

    from articles.models import Article
    from stances.models import Statement

    long_ago = timezone.now() - dt.timedelta(days=40)
    Statement.objects.update(updated_at=long_ago)
    Article.objects.update(updated_at=long_ago)
    url = "/embed/jurisdictions/denver-co/"
    client.get(url)
    with committed():
        statement_update(statement=layered.honor, stance="neutral")  # Madison's

    kept = client.get(url)
    settings.READER_CACHE = False
    assert kept["X-Cache"] == "hit"
    assert kept.content == client.get(url).content


def test_a_declaration_deleted_in_the_admin_leaves_its_places_page(
    layered, client, admin_client, committed
):
    from stances.services.declarations import declaration_create

    with committed():
        said = declaration_create(
            article=layered.article,
            label="sanctuary city",
            jurisdiction=layered.denver,
            words="We have nothing more to add",
        )
    url = "/jurisdictions/denver-co/"
    assert "We have nothing more to add" in client.get(url).content.decode()

    with committed():
        admin_client.post(f"/admin/stances/declaration/{said.pk}/delete/", {"post": "yes"})

    assert "We have nothing more to add" not in client.get(url).content.decode()
