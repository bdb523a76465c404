"""Corrections from readers: the report form under each public fact, its rate limit, the
services, and the editors' inbox in the admin."""

import datetime as dt
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stances.models import CorrectionRequest, CorrectionStatus
from stances.services.corrections import correction_close, correction_create
from stances.web.corrections import CorrectionsThrottle

CHANGELIST = "admin:stances_correctionrequest_changelist"
MESSAGE = "The quote is from the sheriff, not the mayor."


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    """The rate limit counts in the cache (a database table by default): each test starts from
    zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def facts(statement, event, policy):
    return {"statement": statement, "event": event, "policy": policy}


def report_url(kind: str, pk: int) -> str:
    return reverse("report", args=[kind, pk])


def text(response) -> str:
    return unescape(response.content.decode())


@pytest.fixture
def editor(django_user_model):
    """Staff, and a member of the editors group the data migration creates (its real rights)."""
    user = django_user_model.objects.create_user(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="editors"))
    return user


@pytest.fixture
def staff_outsider(django_user_model):
    """Staff, so the admin lets them in, but in no group: no permission on requests."""
    return django_user_model.objects.create_user(username="outsider", is_staff=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def make_request(fact, message=MESSAGE, **fields) -> CorrectionRequest:
    return correction_create(fact=fact, message=message, **fields)


# The reader's form


@pytest.mark.parametrize("kind", ["statement", "event", "policy"])
def test_the_form_shows_the_fact_its_words_and_source(client, facts, kind):
    fact = facts[kind]
    response = client.get(report_url(kind, fact.pk))
    assert response.status_code == 200
    page = text(response)
    assert f"“{fact.words}”" in page
    assert f'href="/articles/{fact.article_id}/#{kind}-{fact.pk}"' in page
    assert fact.article.title in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<textarea name="message"' in page and 'name="contact"' in page


@pytest.mark.parametrize("kind", ["statement", "event", "policy"])
def test_a_report_is_stored_against_its_fact_then_thanked(client, facts, kind):
    fact = facts[kind]
    url = report_url(kind, fact.pk)
    response = client.post(url, {"message": f"  {MESSAGE}\n", "contact": " a@example.org "})
    assert response.status_code == 302 and response["Location"] == f"{url}?sent=1"
    correction = CorrectionRequest.objects.get()
    assert correction.fact == fact
    assert (correction.message, correction.contact) == (MESSAGE, "a@example.org")
    assert correction.status == CorrectionStatus.OPEN and correction.closed_at is None
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Thank you for your report" in text(thanks)


def test_a_report_without_the_csrf_token_is_refused(statement):
    client = Client(enforce_csrf_checks=True)
    url = report_url("statement", statement.pk)
    assert client.post(url, {"message": MESSAGE}).status_code == 403
    assert not CorrectionRequest.objects.exists()
    # The same post with the token the form carries goes through.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(client.get(url)))[1]
    response = client.post(url, {"message": MESSAGE, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert CorrectionRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({}, "message", "This field is required."),
        ({"message": "  too short   "}, "message", "at least 10 characters"),
        ({"message": "x" * 5001}, "message", "at most 5000 characters"),
        ({"message": MESSAGE, "contact": "c" * 201}, "contact", "at most 200 characters"),
    ],
)
def test_an_invalid_report_shows_why_and_stores_nothing(client, statement, data, field, error):
    response = client.post(report_url("statement", statement.pk), data)
    assert response.status_code == 400
    page = text(response)
    assert "Your report was not sent." in page
    assert error in page
    assert response.context["form"].errors[field]
    assert not CorrectionRequest.objects.exists()


def test_an_invalid_report_keeps_what_the_reader_wrote(client, statement):
    response = client.post(
        report_url("statement", statement.pk), {"message": "short", "contact": "Ana"}
    )
    assert re.search(r">\s*short</textarea>", text(response)) and 'value="Ana"' in text(response)


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_kind_a_missing_fact_and_a_rejected_fact_are_not_found(client, facts, method):
    rejected = facts["policy"]
    rejected.review_status = "rejected"
    rejected.save()
    send = getattr(client, method)
    for url in [
        f"/report/article/{facts['statement'].article_id}/",
        f"/report/official/{facts['statement'].speaker_id}/",
        report_url("statement", facts["statement"].pk + 1000),
        report_url("event", facts["event"].pk + 1000),
        report_url("policy", rejected.pk),
    ]:
        assert send(url, {"message": MESSAGE}).status_code == 404, url
    assert not CorrectionRequest.objects.exists()


# The rate limit


def test_reports_past_the_rate_are_refused_with_when_to_try_again(client, statement, settings):
    settings.CORRECTIONS_RATE = "2/hour"
    url = report_url("statement", statement.pk)
    for _ in range(2):
        assert client.post(url, {"message": MESSAGE}).status_code == 302
    refused = client.post(url, {"message": "A third report, refused."})
    assert refused.status_code == 429
    page = text(refused)
    assert "Please try again after" in page and "A third report, refused." in page
    assert 0 < int(refused["Retry-After"]) <= 3600
    retry_at = dt.datetime.fromisoformat(re.search(r'<time datetime="([^"]+)"', page)[1])
    assert timezone.now() < retry_at <= timezone.now() + dt.timedelta(hours=1)
    assert CorrectionRequest.objects.count() == 2


def test_the_rate_counts_per_address_and_ignores_forwarded_for(client, statement, settings):
    settings.CORRECTIONS_RATE = "1/hour"
    url = report_url("statement", statement.pk)
    assert client.post(url, {"message": MESSAGE}, REMOTE_ADDR="192.0.2.1").status_code == 302
    spoofed = client.post(
        url, {"message": MESSAGE}, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert spoofed.status_code == 429
    assert client.post(url, {"message": MESSAGE}, REMOTE_ADDR="192.0.2.2").status_code == 302
    assert CorrectionRequest.objects.count() == 2


def test_an_invalid_report_does_not_use_up_the_rate(client, statement, settings):
    settings.CORRECTIONS_RATE = "1/hour"
    url = report_url("statement", statement.pk)
    assert client.post(url, {"message": "short"}).status_code == 400
    assert client.post(url, {"message": MESSAGE}).status_code == 302


@pytest.mark.parametrize(("rate", "parsed"), [("5/hour", (5, 3600)), ("20/day", (20, 86400))])
def test_the_rate_reads_like_the_api_throttle(rate, parsed):
    assert CorrectionsThrottle().parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["5", "five/hour", "5/fortnight", "5/"])
def test_a_malformed_rate_is_a_configuration_error(rate):
    with pytest.raises(ImproperlyConfigured, match="CORRECTIONS_RATE"):
        CorrectionsThrottle().parse_rate(rate)


# The services


def test_a_rejected_fact_cannot_be_reported(statement):
    statement.review_status = "rejected"
    statement.save()
    with pytest.raises(ValidationError):
        make_request(statement)
    assert not CorrectionRequest.objects.exists()


def test_closing_records_who_when_and_the_note_once(statement, editor):
    correction = correction_close(
        correction=make_request(statement), user=editor, note=" Quote fixed. "
    )
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.CLOSED
    assert correction.closed_by == editor and correction.editor_note == "Quote fixed."
    assert timezone.now() - correction.closed_at < dt.timedelta(minutes=1)
    with pytest.raises(ValidationError, match="already closed"):
        correction_close(correction=correction, user=editor)


# The editors' inbox


def test_editors_see_open_requests_with_their_fact(editor_client, facts, editor):
    open_one = make_request(facts["event"], message="The count was 21, not 12.")
    closed = correction_close(
        correction=make_request(facts["policy"], message="Closed already, long ago."),
        user=editor,
    )
    response = editor_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [open_one]
    page = text(response)
    assert "The count was 21, not 12." in page
    assert "Closed already" not in page
    event_admin = reverse("admin:stances_enforcementevent_change", args=[facts["event"].pk])
    assert f'<a href="{event_admin}">' in page
    assert f"“{facts['event'].words}”" in page
    every = editor_client.get(reverse(CHANGELIST), {"status": "all"})
    assert set(every.context["cl"].result_list) == {open_one, closed}


def test_the_inbox_takes_a_fixed_number_of_queries(
    editor_client, facts, django_assert_max_num_queries
):
    for fact in [*facts.values()] * 4:
        make_request(fact)
    with django_assert_max_num_queries(13):
        response = editor_client.get(reverse(CHANGELIST))
    assert len(response.context["cl"].result_list) == 12


def test_editors_close_requests_with_the_action(editor_client, statement, event, editor):
    first, second = make_request(statement), make_request(event)
    response = editor_client.post(
        reverse(CHANGELIST), {"action": "close", "_selected_action": [first.pk, second.pk]}
    )
    assert response.status_code == 302
    for correction in (first, second):
        correction.refresh_from_db()
        assert correction.status == CorrectionStatus.CLOSED
        assert correction.closed_by == editor and correction.closed_at is not None
    assert list(editor_client.get(reverse(CHANGELIST)).context["cl"].result_list) == []


def test_editors_add_a_note_and_close_from_the_change_form(editor_client, statement, editor):
    correction = make_request(statement)
    url = reverse("admin:stances_correctionrequest_change", args=[correction.pk])
    assert 'name="close"' in text(editor_client.get(url))
    editor_client.post(url, {"editor_note": "Checking with the outlet."})
    correction.refresh_from_db()
    assert correction.editor_note == "Checking with the outlet."
    assert correction.status == CorrectionStatus.OPEN
    response = editor_client.post(url, {"editor_note": "Speaker fixed.", "close": "on"})
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.CLOSED
    assert (correction.closed_by, correction.editor_note) == (editor, "Speaker fixed.")
    assert 'name="close"' not in text(editor_client.get(url))


def test_editors_cannot_add_or_delete_requests(editor_client, statement):
    correction = make_request(statement)
    assert editor_client.get(reverse("admin:stances_correctionrequest_add")).status_code == 403
    delete = reverse("admin:stances_correctionrequest_delete", args=[correction.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert CorrectionRequest.objects.filter(pk=correction.pk).exists()


@pytest.mark.parametrize("who", ["staff_outsider", "anonymous"])
def test_others_can_neither_see_nor_close_requests(client, statement, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    correction = make_request(statement, message="A secret message from a reader.")
    listing = client.get(reverse(CHANGELIST))
    closing = client.post(
        reverse(CHANGELIST), {"action": "close", "_selected_action": [correction.pk]}
    )
    change = reverse("admin:stances_correctionrequest_change", args=[correction.pk])
    changing = client.post(change, {"editor_note": "x", "close": "on"})
    for response in (listing, closing, changing):
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/admin/login/" in response["Location"]
        assert "A secret message" not in text(response)
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.OPEN and correction.closed_by is None


def test_hostile_text_is_escaped_in_the_admin(editor_client, statement):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    correction = make_request(statement, message=hostile, contact="<b>bold</b>")
    change = reverse("admin:stances_correctionrequest_change", args=[correction.pk])
    for url in (reverse(CHANGELIST), change):
        page = editor_client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold" not in page
        assert "&lt;script&gt;alert(" in page and "&lt;b&gt;bold&lt;/b&gt;" in page


# The links on the public pages


def test_the_public_pages_link_each_fact_to_its_report_form(client, facts):
    jurisdiction = facts["policy"].jurisdiction
    pages = {
        "jurisdiction": text(client.get(reverse("jurisdiction", args=[jurisdiction.slug]))),
        "article": text(client.get(reverse("article", args=[facts["statement"].article_id]))),
        "statements": text(client.get(reverse("statements"))),
    }
    for kind, fact in facts.items():
        link = f'class="report-link" href="{report_url(kind, fact.pk)}" rel="nofollow">'
        assert f"{link}Report a problem</a>" in pages["jurisdiction"], kind
        assert f"{link}Report a problem</a>" in pages["article"], kind
    statement_link = report_url("statement", facts["statement"].pk)
    assert f'href="{statement_link}"' in pages["statements"]
