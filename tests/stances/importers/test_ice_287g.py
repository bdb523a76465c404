"""Importing ICE's 287(g) lists (``stances.services.importers.ice_287g``) file by file: bad rows
said out loud, requests that change nothing, idempotence, the command, ``make run``'s sample data
and the admin's upload and resolution. The whole series of real files is
``test_ice_287g_real``."""

from __future__ import annotations

import datetime as dt

import feedparser
import openpyxl
import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from articles.models import Article
from stances.models import AgreementListing, Jurisdiction, ListSnapshot, PolicyAction
from stances.selectors.evidence import jurisdiction_stance
from stances.services.importers import report as r
from stances.services.importers.ice_287g import ice_287g_import, ice_287g_import_files
from tests.editors import admin_url, editor_user, outsider_user

from .conftest import PENDING, real

D = dt.date
BREVARD = ["FLORIDA", "Brevard County Sheriff's Office", "County", "Brevard County"]
LATEST_PENDING = real("pending", "pendingAgencies07182025am.xlsx")


@pytest.fixture(autouse=True)
def _cache_in_memory(settings):
    """Each test with a cache of its own: pages stored by one test never answer another."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def lines_by_row(report: r.FileReport) -> dict[int, list[r.ReportLine]]:
    found: dict[int, list[r.ReportLine]] = {}
    for line in report.lines:
        found.setdefault(line.row_number, []).append(line)
    return found


@pytest.mark.django_db
def test_bad_rows_lose_nothing_and_are_said_out_loud(make_xlsx):
    path = make_xlsx(
        [
            [*BREVARD, "Task Force Model", dt.datetime(2025, 2, 20), "link"],  # row 2
            [*BREVARD, "Jail Enforcement Model", "05/082025", "link"],  # 3: not a date
            ["XX", "Nowhere Sheriff's Office", "County", "Nowhere", "Task Force Model", None],
            ["FLORIDA", "  ", "County", "Brevard County", "Task Force Model", None],  # 5
            [*BREVARD, "Task Force Model", dt.datetime(2025, 2, 20), "link"],  # 6: row 2 again
            ["FLORIDA", "University of Florida Police Department", "", "Alachua County"]
            + ["Task Force Model", dt.datetime(2025, 3, 1), "link"],  # 7: no place
        ]
    )

    [report] = ice_287g_import(path_or_file=path).files

    assert report.outcome == r.IMPORTED and report.rows == 6
    lines = lines_by_row(report)
    assert [x.reason for x in lines[3]] == ["SIGNED '05/082025' is not a date"]
    assert [(x.outcome, x.reason) for x in lines[4]] == [("rejected", "unknown state 'XX'")]
    assert [(x.outcome, x.reason) for x in lines[5]] == [("rejected", "blank agency")]
    assert [(x.outcome, x.reason) for x in lines[6]] == [("rejected", "duplicate of row 2")]
    assert lines[7][0].outcome == r.NOT_A_PLACE and "a university or college" in lines[7][0].reason
    assert all(x.file_name == path.name for x in report.lines)
    assert dict(report.counts) == {
        r.CREATED: 2,
        r.NOT_A_PLACE: 1,
        r.KEPT_WITH_NOTE: 1,
        "rejected: unknown state": 1,
        "rejected: blank agency": 1,
        "rejected: duplicate row": 1,
    }
    # The undated agreement counts from its snapshot's date, as an undated article's does.
    brevard = Jurisdiction.objects.get(slug="brevard-county-fl")
    undated = PolicyAction.objects.get(listing__model="jail_enforcement")
    assert undated.effective_on is None and undated.article.published_on == D(2025, 8, 1)
    assert jurisdiction_stance(brevard, D(2025, 7, 1)).indicators["jail_access"].value == "unknown"
    assert jurisdiction_stance(brevard, D(2025, 8, 1)).indicators["jail_access"].value == (
        "cooperates"
    )
    # The agency that is no place keeps its listing and its official, with no policy.
    university = AgreementListing.objects.get(agency__startswith="University")
    assert university.jurisdiction is None and university.policy is None
    assert university.official.kind == "organisation" and university.official.jurisdiction is None


@pytest.mark.django_db
def test_each_model_sets_what_the_methodology_says(make_xlsx):
    rows = [
        [*BREVARD, model, dt.datetime(2025, 2, 20), "link"]
        for model in ("Jail Enforcement Model", "Warrant Service Officer", "Task Force Model")
    ]
    ice_287g_import(path_or_file=make_xlsx(rows))

    effects = {
        policy.listing.model: sorted((e.indicator, e.direction) for e in policy.effects.all())
        for policy in PolicyAction.objects.all()
    }
    cooperates = "cooperates"
    assert effects == {
        "jail_enforcement": [
            ("agreement_287g", cooperates),
            ("detainers", cooperates),
            ("jail_access", cooperates),
        ],
        "warrant_service_officer": [("agreement_287g", cooperates), ("detainers", cooperates)],
        "task_force": [("agreement_287g", cooperates), ("local_resources", cooperates)],
    }
    [agency] = {policy.listing.official for policy in PolicyAction.objects.all()}
    assert agency.name == "Brevard County Sheriff's Office" and agency.kind == "organisation"
    assert agency.jurisdiction.slug == "brevard-county-fl"


@pytest.mark.django_db
def test_a_list_laid_out_otherwise_is_read_by_its_headers(tmp_path):
    """A cover sheet first, a title above the header, other names for the columns, the models
    written short, a city's TYPE, a date whose cell lost its format: the same agreements."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "About"
    workbook.active.append(["Source: ICE, 287(g) program"])
    sheet = workbook.create_sheet("Agencies")
    sheet.append(["Participating agencies, as of August 1, 2025"])
    sheet.append(["State", "Agency Name", "Agency Type", "County", "287(g) Model", "Date Signed"])
    sheet.append(["FL", "Brevard County Sheriff's Office", "County", "Brevard County", "JEM",
                  45708])  # fmt: skip
    sheet.append(["Florida", "Brevard County Sheriff's Office", "county", "Brevard County",
                  "Task Force", "February 20, 2025"])  # fmt: skip
    sheet.append(["FLORIDA", "Palm Bay Police Department", "City", "Brevard County",
                  "287(g) Warrant Service Officer Program", dt.datetime(2025, 3, 3)])  # fmt: skip
    path = tmp_path / "20250801_120000__participatingAgencies08012025am.xlsx"
    workbook.save(path)

    [report] = ice_287g_import(path_or_file=path).files

    assert report.outcome == r.IMPORTED and report.rows == 3
    listings = {(x.jurisdiction.slug, x.model, x.signed_on) for x in AgreementListing.objects.all()}
    assert listings == {
        ("brevard-county-fl", "jail_enforcement", D(2025, 2, 20)),
        ("brevard-county-fl", "task_force", D(2025, 2, 20)),
        ("palm-bay-fl", "warrant_service_officer", D(2025, 3, 3)),
    }
    # The day number is read, and said so in the report.
    [serial] = lines_by_row(report)[3]
    assert serial.reason == "SIGNED 45708 read as a spreadsheet day number: 2025-02-20"


@pytest.mark.django_db
def test_each_model_has_its_own_feed_of_agreements(client, make_xlsx):
    rows = [
        [*BREVARD, model, dt.datetime(2025, 2, 20), "link"]
        for model in ("Jail Enforcement Model", "Task Force Model")
    ]
    ice_287g_import(path_or_file=make_xlsx(rows))

    response = client.get("/feeds/287g/task_force.atom")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "Sanctuary: 287(g) Task Force Model agreements"
    [entry] = feed.entries
    task_force = PolicyAction.objects.get(listing__model="task_force")
    assert entry.title == "Policy action: 287(g) agreement in Brevard County, FL"
    assert entry.link.endswith(f"/jurisdictions/brevard-county-fl/#policy-{task_force.pk}")
    # The source is ICE's list: the snapshot's page, at the agreement's row.
    via = [link.href for link in entry.links if link.rel == "via"]
    assert via == [f"http://testserver/articles/{task_force.article_id}/#policy-{task_force.pk}"]
    assert client.get("/feeds/287g/no_such_model.atom").status_code == 404


@pytest.mark.django_db
def test_a_request_is_proposed_and_changes_no_stance(make_xlsx):
    path = make_xlsx(
        [[*BREVARD, "Task Force Model"]],
        name="20250801_120000__pendingAgencies08012025am.xlsx",
        header=["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"],
    )

    [report] = ice_287g_import(path_or_file=path).files

    assert report.list_kind == "pending" and report.counts[r.CREATED] == 1
    [policy] = PolicyAction.objects.all()
    assert policy.status == "proposed" and policy.kind == "agreement_287g"
    assert jurisdiction_stance(policy.jurisdiction).stance == "unknown"
    assert policy.jurisdiction.summary.stance == "unknown"


@pytest.mark.django_db
def test_the_same_file_again_changes_nothing():
    [first] = ice_287g_import(path_or_file=LATEST_PENDING).files
    counts = [m.objects.count() for m in (Article, ListSnapshot, AgreementListing, PolicyAction)]

    [again] = ice_287g_import(path_or_file=LATEST_PENDING).files

    assert (first.outcome, again.outcome) == (r.IMPORTED, r.FILE_UNCHANGED)
    assert again.snapshot_id == first.snapshot_id
    assert [m.objects.count() for m in (Article, ListSnapshot, AgreementListing, PolicyAction)] == (
        counts
    )


@pytest.mark.django_db
def test_a_file_that_cannot_be_read_fails_alone(tmp_path):
    broken = tmp_path / "20250801_120000__participatingAgencies08012025am.xlsx"
    broken.write_bytes(b"not a spreadsheet")

    report = ice_287g_import_files(paths=[broken, LATEST_PENDING])

    # In date order: ICE's pending list of July 18, then the broken file of August 1.
    assert [f.outcome for f in report.files] == [r.IMPORTED, r.FAILED]
    assert report.failed[0].file_name == broken.name and report.failed[0].reason
    assert not ListSnapshot.objects.filter(list_kind="participating").exists()


@pytest.mark.django_db
def test_the_command_reports_each_row_and_exits_non_zero_only_for_an_unreadable_file(
    tmp_path, capsys
):
    broken = tmp_path / "20250801_120000__participatingAgencies08012025am.xlsx"
    broken.write_bytes(b"not a spreadsheet")

    call_command("import_287g", str(LATEST_PENDING))
    out = capsys.readouterr().out
    with pytest.raises(CommandError, match="Unreadable: 20250801_120000__participating"):
        call_command("import_287g", str(broken), str(PENDING[-2]))

    assert f"imported  {LATEST_PENDING.name} (pending, 2025-07-18): 31 rows" in out
    assert "row 14, Marlow Heights Special Police Department: a special" in out
    assert "1 file(s): 1 imported. Rows: 26 created, 5 not a place." in out
    assert ListSnapshot.objects.count() == 1  # the older pending file was skipped, not stored


@pytest.mark.django_db
def test_a_dry_run_stores_nothing(capsys):
    call_command("import_287g", str(LATEST_PENDING), "--dry-run")

    assert "Dry run, nothing stored." in capsys.readouterr().out
    assert not Article.objects.exists() and not AgreementListing.objects.exists()


@pytest.mark.django_db
def test_make_runs_sample_data_shows_hundreds_of_places_with_evidence(capsys):
    call_command("load_sample_data", verbosity=0)
    places = Jurisdiction.objects.filter(summary__policy_count__gt=0)
    news = Article.objects.filter(kind="news").count()

    call_command("load_sample_data")  # a database with sources: nothing again

    assert news == 5 and ListSnapshot.objects.count() == 2
    assert places.count() > 600 and places.filter(kind="county").count() > 400
    assert "not loaded again" in capsys.readouterr().out
    assert ListSnapshot.objects.count() == 2 and Article.objects.filter(kind="news").count() == 5


# --- the admin --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_uploads_a_list_and_sees_the_report(client):
    client.force_login(editor_user())
    page = admin_url(AgreementListing, "import")

    with LATEST_PENDING.open("rb") as upload:
        response = client.post(page, {"file": upload, "retrieved_on": "2025-07-18"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "31 rows; 26 created, 5 not a place" in html
    assert "Marlow Heights Special Police Department" in html
    snapshot = ListSnapshot.objects.get()
    assert (snapshot.as_of, snapshot.list_kind) == (D(2025, 7, 18), "pending")
    assert client.get(admin_url(AgreementListing, "changelist")).status_code == 200


@pytest.mark.django_db
def test_the_upload_form_refuses_what_is_not_a_list(client, tmp_path):
    client.force_login(editor_user())
    text = tmp_path / "list.csv"
    text.write_text("STATE,AGENCY\n")

    with text.open("rb") as upload:
        response = client.post(admin_url(AgreementListing, "import"), {"file": upload})

    assert "Upload ICE&#x27;s .xlsx file as downloaded." in response.content.decode()
    assert not ListSnapshot.objects.exists()


@pytest.mark.django_db
def test_only_editors_may_import(client):
    client.force_login(outsider_user())

    assert client.get(admin_url(AgreementListing, "import")).status_code == 403


@pytest.mark.django_db
def test_an_editor_confirms_in_the_admin_that_an_agreement_ended(client, make_xlsx):
    rows = [[*BREVARD, "Task Force Model", dt.datetime(2025, 2, 20), "link"]]
    ice_287g_import(path_or_file=make_xlsx(rows))
    other = [["FLORIDA", "Cocoa Police Department", "Municipality", "Brevard County"]]
    later = "20250802_120000__participatingAgencies08022025am.xlsx"
    ice_287g_import(path_or_file=make_xlsx([[*other[0], "Task Force Model", None, ""]], later))
    listing = AgreementListing.objects.get(agency="Brevard County Sheriff's Office")
    assert listing.no_longer_listed_since == D(2025, 8, 2)
    client.force_login(editor := editor_user())

    response = client.post(
        admin_url(AgreementListing, "change", listing.pk),
        {"resolution": "ended", "ends_on": "2025-08-01", "continued_by": "", "resolution_note": ""},
    )

    assert response.status_code == 302
    listing.refresh_from_db()
    listing.policy.refresh_from_db()
    assert (listing.resolution, listing.resolved_by) == ("ended", editor)
    assert (listing.policy.status, listing.policy.ends_on) == ("repealed", D(2025, 8, 1))
    assert jurisdiction_stance(listing.jurisdiction, D(2025, 7, 31)).stance == "cooperation"
    assert jurisdiction_stance(listing.jurisdiction, D(2025, 8, 1)).stance == "unknown"


@pytest.mark.django_db
def test_an_end_before_the_signing_is_refused_next_to_its_field(client, make_xlsx):
    rows = [[*BREVARD, "Task Force Model", dt.datetime(2025, 2, 20), "link"]]
    ice_287g_import(path_or_file=make_xlsx(rows))
    later = "20250802_120000__participatingAgencies08022025am.xlsx"
    other = ["FLORIDA", "Cocoa Police Department", "Municipality", "Brevard County"]
    ice_287g_import(path_or_file=make_xlsx([[*other, "Task Force Model", None, ""]], later))
    listing = AgreementListing.objects.get(agency="Brevard County Sheriff's Office")
    client.force_login(editor_user())

    response = client.post(
        admin_url(AgreementListing, "change", listing.pk),
        {"resolution": "ended", "ends_on": "2025-01-01", "continued_by": "", "resolution_note": ""},
    )

    assert response.status_code == 200
    assert "It cannot end before it was signed (2025-02-20)." in response.content.decode()
    listing.refresh_from_db()
    assert listing.resolution == "" and listing.policy.status == "in_force"


def test_a_listings_page_changes_with_its_policy_wherever_the_policy_was_moved(
    make_xlsx, client, committed, admin_user
):
    """The listing stays on the place ICE's list names; a later change of its policy, moved by
    an editor to another place, still drops that first place's stored page."""
    from stances.services.policies import policy_update
    from stances.services.review import fact_review
    from tests.factories import JurisdictionFactory

    row = [*BREVARD, "Task Force Model", dt.datetime(2025, 2, 20), "link"]
    with committed():
        ice_287g_import(path_or_file=make_xlsx([row]))
    listing = AgreementListing.objects.get()
    with committed():
        policy_update(
            policy=PolicyAction.objects.get(),
            jurisdiction=JurisdictionFactory(name="Miami", state="FL", slug="miami-fl"),
        )
    url = f"/jurisdictions/{listing.jurisdiction.slug}/"
    shown = f'id="agreement-{listing.pk}"'
    assert shown in client.get(url).content.decode()

    with committed():
        fact_review(fact=PolicyAction.objects.get(), user=admin_user, status="rejected")

    assert shown not in client.get(url).content.decode()
