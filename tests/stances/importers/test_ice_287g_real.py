"""All 61 real files of ICE's 287(g) lists imported once, in date order, into the test database
(``stances.services.importers.ice_287g``), then read by every test here: the history the
snapshots make (renamed, vanished, re-listed agreements), the evidence each row becomes, the
editor's confirmation of an end, the county page and the API.

The import is committed once for the module (about a minute on SQLite); each test runs in its
own transaction, rolled back, so a test that writes (a re-import, an editor's resolution) leaves
the shared import as it was."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db.models import Max
from django.utils import dateformat

from articles.datasets.ice_287g import read_snapshot, snapshot_text
from articles.models import Article
from sanctuary import versions
from stances.models import (
    AgreementListing,
    Jurisdiction,
    ListSnapshot,
    Official,
    PolicyAction,
    PolicyEffect,
)
from stances.selectors.agreements import agreements_287g
from stances.selectors.evidence import jurisdiction_stance
from stances.services.importers import report as r
from stances.services.importers.ice_287g import ice_287g_import_files
from stances.services.importers.ice_287g_review import listing_resolve

from .conftest import ALL_FILES, PARTICIPATING, PENDING, real

D = dt.date
LATEST_PARTICIPATING = real("participating", "participatingAgencies07182025am.xlsx")


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker) -> r.ImportReport:
    with django_db_blocker.unblock():
        report = ice_287g_import_files(paths=ALL_FILES)
        yield report
        remove_everything_imported()


def remove_everything_imported() -> None:
    """What the import committed, and its history, so the tests after this module start from
    the database as migrated (its data migrations kept: no flush)."""
    made = [AgreementListing, PolicyAction, ListSnapshot, Official, Jurisdiction, Article]
    for model in made:
        model.objects.all().delete()
    for model in [AgreementListing, PolicyAction, PolicyEffect, Official, Jurisdiction]:
        model.history.model.objects.all().delete()


@pytest.fixture(autouse=True)
def _cache_in_memory(settings):
    """Each test with a cache of its own: pages stored by one test never answer another."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def file_report(report: r.ImportReport, path) -> r.FileReport:
    [found] = [f for f in report.files if f.file_name == path.name]
    return found


def listing(agency: str, list_kind: str = "participating", **fields) -> AgreementListing:
    return AgreementListing.objects.select_related("policy").get(
        agency=agency, list_kind=list_kind, **fields
    )


def stored_state() -> dict:
    """Everything an import writes, counted, and when it last changed."""
    models = [Article, ListSnapshot, AgreementListing, PolicyAction, PolicyEffect, Official]
    state = {m.__name__: m.objects.count() for m in [*models, Jurisdiction]}
    state.update({f"history {m.__name__}": m.history.count() for m in models[2:]})
    state["listings changed"] = AgreementListing.objects.aggregate(Max("updated_at"))
    state["policies changed"] = PolicyAction.objects.aggregate(Max("updated_at"))
    state["spans"] = list(PolicyAction.objects.values_list("article", "span_start", "span_end"))
    return state


# --- importing --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_all_61_files_import_in_date_order(imported):
    assert [f.file_name for f in imported.files] == [path.name for path in ALL_FILES]
    assert len(imported.files) == 61 and not imported.failed
    assert {f.outcome for f in imported.files} == {r.IMPORTED}
    assert ListSnapshot.objects.filter(list_kind="participating").count() == len(PARTICIPATING)
    assert ListSnapshot.objects.filter(list_kind="pending").count() == len(PENDING)
    seen = [f.as_of for f in imported.files]
    assert seen == sorted(seen)
    # Every row of every file is counted under exactly one outcome.
    for report in imported.files:
        rows = sum(n for name, n in report.counts.items() if name.split(":")[0] in ROW_COUNTS)
        assert rows == report.rows, report.file_name


ROW_COUNTS = {r.CREATED, r.UNCHANGED, r.UPDATED, r.RELISTED, r.NOT_A_PLACE, r.REJECTED}


@pytest.mark.django_db
def test_importing_the_latest_two_again_changes_nothing(imported, committed):
    before, version = stored_state(), versions.data_version()

    with committed():
        again = ice_287g_import_files(paths=ALL_FILES[-2:])

    assert [f.outcome for f in again.files] == [r.FILE_UNCHANGED, r.FILE_UNCHANGED]
    assert stored_state() == before
    assert versions.data_version() == version  # nothing announced: no stored answer dropped


@pytest.mark.django_db
def test_an_older_snapshot_after_a_newer_one_is_skipped(imported, make_xlsx):
    older = make_xlsx(
        [["FLORIDA", "Brevard County Sheriff's Office", "County", "Brevard", "Task Force Model"]],
        name="20250601_120000__participatingAgencies06012025am.xlsx",
    )
    before = stored_state()

    [report] = ice_287g_import_files(paths=[older]).files

    assert report.outcome == r.SKIPPED and "older than the latest participating" in report.reason
    assert stored_state() == before


@pytest.mark.django_db
def test_every_row_of_the_latest_participating_list_is_evidence_or_a_report_line(imported):
    snapshot = read_snapshot(LATEST_PARTICIPATING)
    stored = snapshot_text(snapshot)
    report = file_report(imported, LATEST_PARTICIPATING)
    source = Article.objects.get(pk=report.article_id)
    assert source.kind == "dataset" and source.body == stored.text
    spans = {(p.span_start, p.span_end): p for p in PolicyAction.objects.filter(article=source)}
    lines = {line.row_number: line for line in report.lines}
    as_evidence = as_lines = 0
    for row in snapshot.rows:
        start, end = stored.spans[row.number]
        policy = spans.get((start, end))
        if policy is not None:
            assert source.body[policy.span_start : policy.span_end] == stored.text[start:end]
            assert "\n" not in policy.words and row.agency in policy.words
            as_evidence += 1
        else:
            line = lines[row.number]  # the row's report line says why it is no policy here
            assert line.reason and line.agency == row.agency
            as_lines += 1
    assert as_evidence + as_lines == len(snapshot.rows) == 825
    assert as_evidence == 766  # 825 rows: 56 agencies that are no place, 3 undated agreements
    not_places = [line for line in report.lines if line.outcome == r.NOT_A_PLACE]
    assert len(not_places) == 56
    assert all(spans.get(stored.spans[line.row_number]) is None for line in not_places)


@pytest.mark.django_db
def test_a_signed_cell_that_is_no_date_leaves_the_agreement_dated_by_its_first_snapshot(imported):
    campbell = listing("Campbell County Sheriff's Office", state="VA")
    policy = campbell.policy
    assert policy.effective_on is None and policy.status == "in_force"
    # It stays on the first snapshot that listed it: that snapshot's date is when it counts from.
    assert policy.article == campbell.first_snapshot.article
    assert policy.article.published_on == D(2025, 5, 16)
    assert jurisdiction_stance(policy.jurisdiction, D(2025, 5, 17)).stance == "cooperation"
    assert jurisdiction_stance(policy.jurisdiction, D(2025, 5, 15)).stance == "unknown"
    [line] = [
        x
        for x in file_report(imported, LATEST_PARTICIPATING).lines
        if x.agency == campbell.agency
        and "SIGNED" in x.reason
        and x.row_number == campbell.last_row
    ]
    assert line.reason == "SIGNED '05/082025' is not a date"


# --- history --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("agency", "typo", "renamed_on", "back_on", "place"),
    [
        (
            "Indialantic Police Department",
            "Indiatlantic Police Department",
            "2025-05-19",
            "2025-07-15",
            "indialantic-fl",
        ),
        # The town is Greens Fork, Indiana: neither of ICE's spellings names it, so no place.
        (
            "Green Forks Police Department",
            "Greens Forks Police Department",
            "2025-07-10",
            "2025-07-14",
            None,
        ),
    ],
)
def test_a_renamed_agreement_is_one_agreement(imported, agency, typo, renamed_on, back_on, place):
    assert not AgreementListing.objects.filter(agency=typo).exists()
    assert not Official.objects.filter(name=typo).exists()  # one agency, under its first name
    found = listing(agency)
    assert found.renames == [
        {"on": renamed_on, "from": agency, "to": typo},
        {"on": back_on, "from": typo, "to": agency},
    ]
    assert found.last_listed_on == D(2025, 7, 18) and found.no_longer_listed_since is None
    said = [
        line
        for f in imported.files
        for line in f.lines
        if line.agency == typo and f"listed as {typo!r} (was {agency!r})" in line.reason
    ]
    assert len(said) == 1
    if place is None:
        assert found.jurisdiction is None and found.policy is None
        return
    # One agreement, one policy, at its place all along; never a second one under the typo.
    assert found.jurisdiction.slug == place
    assert found.policy.article_id == file_report(imported, LATEST_PARTICIPATING).article_id
    policies = PolicyAction.objects.filter(jurisdiction=found.jurisdiction, kind="agreement_287g")
    assert list(policies) == [found.policy]
    assert said[0].outcome == r.UPDATED and "kept at Indialantic, FL" in said[0].reason


@pytest.mark.django_db
def test_a_vanished_agreement_is_flagged_not_ended(imported):
    escambia = listing("Escambia County Sheriff's Office", model="warrant_service_officer")
    assert escambia.last_listed_on == D(2025, 7, 15)
    assert escambia.no_longer_listed_since == D(2025, 7, 16) and escambia.flagged
    assert escambia.policy.status == "in_force" and escambia.policy.ends_on is None
    # Still counted: the county's detainers indicator still rests on it.
    county = escambia.jurisdiction
    assert escambia.policy.pk in jurisdiction_stance(county).indicators["detainers"].policy_ids
    flagged = [
        line
        for line in file_report(imported, PARTICIPATING[-2]).lines
        if line.outcome == r.FLAGGED and line.agency == escambia.agency
    ]
    assert len(flagged) == 1 and "no longer listed since 2025-07-16" in flagged[0].reason
    # Flagged once: the next snapshot, which does not list it either, says nothing new.
    assert not [
        x for x in file_report(imported, PARTICIPATING[-1]).lines if x.agency == escambia.agency
    ]


@pytest.mark.django_db
def test_a_request_listed_again_is_re_listed_not_new(imported):
    request = listing("Southside Place Police Department", list_kind="pending")
    assert request.first_listed_on == D(2025, 6, 18)
    assert request.last_listed_on == D(2025, 7, 18) and request.no_longer_listed_since is None
    was_flagged = request.history.filter(no_longer_listed_since=D(2025, 6, 27))
    assert was_flagged.exists()
    [line] = [x for x in file_report(imported, PENDING[-1]).lines if x.agency == request.agency]
    assert line.outcome == r.RELISTED and "no longer listed since 2025-06-27" in line.reason
    assert request.policy.status == "proposed"
    assert AgreementListing.objects.filter(agency=request.agency, list_kind="pending").count() == 1


# --- an editor's confirmation -------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_confirming_an_end_changes_the_stance_from_that_day(imported):
    southside = listing("Southside Place Police Department")  # its only agreement
    place = southside.jurisdiction
    assert southside.no_longer_listed_since == D(2025, 7, 18)
    assert jurisdiction_stance(place, D(2025, 7, 20)).stance == "cooperation"

    listing_resolve(listing=southside, resolution="ended", ends_on=D(2025, 7, 17))

    southside.policy.refresh_from_db()
    assert (southside.policy.status, southside.policy.ends_on) == ("repealed", D(2025, 7, 17))
    assert jurisdiction_stance(place, D(2025, 7, 16)).stance == "cooperation"
    assert jurisdiction_stance(place, D(2025, 7, 17)).stance == "unknown"  # the request: nothing
    assert jurisdiction_stance(place).stance == "unknown"
    place.summary.refresh_from_db()
    assert place.summary.stance == "unknown"


@pytest.mark.django_db
def test_the_end_of_one_agreement_leaves_the_sheriffs_other_agreement_in_force(imported):
    jackson = listing("Jackson County Sheriff's Office", model="jail_enforcement", state="MN")
    county = jackson.jurisdiction
    before = jurisdiction_stance(county, D(2025, 7, 12)).indicators

    listing_resolve(listing=jackson, resolution="ended")  # from the day ICE dropped it

    after = jurisdiction_stance(county, D(2025, 7, 12)).indicators
    assert before["jail_access"].value == "cooperates" and after["jail_access"].value == "unknown"
    # Its warrant service officer agreement is still listed: still a 287(g) agreement, still
    # holding people for ICE.
    assert after["agreement_287g"].value == after["detainers"].value == "cooperates"
    assert jurisdiction_stance(county, D(2025, 7, 12)).stance == "cooperation"


# --- the county page ------------------------------------------------------------------------


def page_text(response) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.mark.django_db
def test_the_county_page_shows_its_agreement_and_where_it_comes_from(imported, client):
    brevard = listing("Brevard County Sheriff's Office", model="task_force")
    policy = brevard.policy

    response = client.get(f"/jurisdictions/{brevard.jurisdiction.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    [card] = re.findall(
        rf'<article class="fact agreement" id="agreement-{brevard.pk}">.*?</article>', html, re.S
    )
    text = page_text(type("R", (), {"content": card.encode()}))
    assert "287(g) agreement: Task Force Model · Brevard County Sheriff's Office" in text
    assert f"signed {dateformat.format(policy.effective_on, 'N j, Y')}" in text
    assert "ICE 287(g) participating agencies (signed agreements), July 18, 2025" in text
    assert f'href="/articles/{policy.article_id}/#policy-{policy.pk}"' in card
    assert "Listed by ICE from May 19, 2025 to July 18, 2025" in text
    assert "20250519_024922__participatingAgencies05162025am.xlsx" in text
    assert "20250718_151752__participatingAgencies07182025am.xlsx" in text
    assert "on its own it implies Cooperation" in text
    assert "an active 287(g) agreement deputises local officers" in text
    assert "287(g) agreement: Cooperates" in text and "Local resources: Cooperates" in text
    assert "stance-cooperation" in html.split('id="ice287g-title"')[0]  # the page's own stance


@pytest.mark.django_db
def test_a_flagged_agreement_and_a_request_read_as_such_on_the_page(imported, client):
    southside = listing("Southside Place Police Department")

    text = page_text(client.get(f"/jurisdictions/{southside.jurisdiction.slug}/"))

    assert "No longer listed since July 18, 2025" in text
    assert "Request for a 287(g) agreement: Task Force Model" in text
    assert "A request is not an agreement: it changes no stance." in text


@pytest.mark.django_db
def test_the_snapshot_page_shows_the_row_and_its_provenance(imported, client):
    policy = listing("Brevard County Sheriff's Office", model="task_force").policy

    response = client.get(f"/articles/{policy.article_id}/")

    html = response.content.decode()
    [row] = re.findall(
        rf'<tr class="hl-policy[^"]*">\s*<td><span id="policy-{policy.pk}".*?</tr>', html, re.S
    )
    assert "Brevard County Sheriff&#x27;s Office" in row and "Task Force Model" in row
    text = page_text(response)
    for shown in (
        "Publisher U.S. Immigration and Customs Enforcement (ICE)",
        "https://www.ice.gov/identify-and-arrest/287g",
        "Published on July 18, 2025",
        "Retrieved on July 18, 2025",
        "Public domain",
    ):
        assert shown in text
    assert html.count('<tr class="hl-policy') == 766


@pytest.mark.django_db
def test_the_county_page_in_constant_queries(imported, client, django_assert_max_num_queries):
    # The page's own bound (tests/stances/test_pages.py, with its layers: the state above it,
    # its evidence, its policies' kinds) and one for the listings' effects.
    for slug in ("brevard-county-fl", "escambia-county-fl"):
        with django_assert_max_num_queries(17):
            assert client.get(f"/jurisdictions/{slug}/").status_code == 200


# --- the API --------------------------------------------------------------------------------


def all_results(client, url: str) -> list[dict]:
    found, page = [], client.get(url).json()
    found += page["results"]
    while page["next"]:
        page = client.get(page["next"]).json()
        found += page["results"]
    return found


@pytest.mark.django_db
def test_the_api_lists_the_counties_with_an_agreement(imported, client):
    counties = all_results(
        client, "/api/jurisdictions/?agreement_287g=cooperates&kind=county&page_size=500"
    )

    in_force = AgreementListing.objects.in_force(dt.date.today()).filter(
        jurisdiction__kind="county"
    )
    expected = set(in_force.values_list("jurisdiction__slug", flat=True))
    assert {c["slug"] for c in counties} == expected and len(expected) > 300
    assert all(c["stance"] == "cooperation" and c["agreements_287g"]["models"] for c in counties)


@pytest.mark.django_db
def test_the_api_filters_places_by_model_and_pending_request(imported, client):
    task_forces = all_results(client, "/api/jurisdictions/?model_287g=task_force&page_size=500")
    pending = all_results(client, "/api/jurisdictions/?pending_287g=true&page_size=500")

    assert task_forces and all("task_force" in j["agreements_287g"]["models"] for j in task_forces)
    assert "southside-place-tx" in {j["slug"] for j in pending}
    assert all(j["agreements_287g"]["pending"] for j in pending)
    places = AgreementListing.objects.pending_on(dt.date.today()).exclude(jurisdiction=None)
    waiting = set(places.values_list("jurisdiction__slug", flat=True))
    assert {j["slug"] for j in pending} == waiting
    # As of a day: the list as it stood then (Southside Place asked first on June 18).
    url = "/api/jurisdictions/?pending_287g=true&as_of=2025-06-10&page_size=500"
    before = all_results(client, url)
    assert "southside-place-tx" not in {j["slug"] for j in before}


@pytest.mark.django_db
def test_the_api_lists_a_places_agreements_with_their_row_text(imported, client):
    escambia = Jurisdiction.objects.get(slug="escambia-county-fl")

    results = all_results(
        client, f"/api/policies/?kind=agreement_287g&jurisdiction={escambia.slug}"
    )

    listings = AgreementListing.objects.filter(jurisdiction=escambia, list_kind="participating")
    assert len(results) == listings.count() == 3
    for result in results:
        policy = PolicyAction.objects.get(pk=result["id"])
        source = Article.objects.get(pk=result["source"]["id"])
        assert result["source"]["kind"] == "dataset"
        assert result["words"] == source.body[result["span"]["start"] : result["span"]["end"]]
        assert result["words"].startswith("FLORIDA\tEscambia County")
        assert result["agreement_model"] == policy.listing.model
        assert result["first_listed_on"] == policy.listing.first_listed_on.isoformat()
    flagged = [x for x in results if x["no_longer_listed_since"]]
    assert [x["no_longer_listed_since"] for x in flagged] == ["2025-07-16"]


@pytest.mark.django_db
def test_the_api_filters_agreements_by_model_and_requests_by_status(imported, client):
    models = client.get(
        "/api/policies/?kind=agreement_287g&model=jail_enforcement&page_size=500"
    ).json()
    requests = client.get("/api/policies/?kind=agreement_287g&status=proposed&page_size=500").json()

    assert models["count"] == PolicyAction.objects.filter(listing__model="jail_enforcement").count()
    assert {p["agreement_model"] for p in models["results"]} == {"jail_enforcement"}
    assert (
        requests["count"]
        == AgreementListing.objects.filter(list_kind="pending").exclude(policy=None).count()
    )
    assert {p["status"] for p in requests["results"]} == {"proposed"}


@pytest.mark.django_db
def test_the_csv_and_geojson_carry_the_new_fields(imported, client):
    response = client.get(
        "/api/policies/?kind=agreement_287g&jurisdiction=escambia-county-fl&format=csv"
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {
        "words",
        "agreement_model",
        "first_listed_on",
        "last_listed_on",
        "no_longer_listed_since",
        "source_kind",
    } <= set(rows[0])
    assert {row["source_kind"] for row in rows} == {"dataset"}
    assert all(row["words"].startswith("FLORIDA") for row in rows)

    places = client.get("/api/jurisdictions/?format=csv&kind=county&state=FL")
    counties = list(csv.DictReader(io.StringIO(b"".join(places.streaming_content).decode())))
    [escambia] = [row for row in counties if row["slug"] == "escambia-county-fl"]
    assert escambia["agreements_287g_models"] == "task_force;warrant_service_officer"
    assert escambia["pending_287g"] == "false"

    features = client.get("/api/jurisdictions/?format=geojson").json()["features"]
    props = {f["id"]: f["properties"] for f in features}
    assert props["escambia-county-fl"]["agreement_287g_models"] == [
        "task_force",
        "warrant_service_officer",
    ]
    assert props["southside-place-tx"]["pending_287g"] is True
    listed = agreements_287g()
    assert sum(1 for p in props.values() if p["agreement_287g_models"]) == sum(
        1 for a in listed.values() if a.models
    )
