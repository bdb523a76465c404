"""Adding an article in the admin is ingesting it: pasted or uploaded text goes through
``article_ingest``, and the article's page shows what was extracted from it."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from stances.models import ReviewStatus, Statement
from tests.editors import admin_url, editor_user, form_data, outsider_user
from tests.factories import ArticleFactory, PolicyActionFactory, StatementFactory

TEXT = "\n\n".join(
    [
        "Boise mayor says city police will not work with ICE",
        "BOISE, Idaho — Boise Mayor Dana Whitfield said Tuesday that city police will not hold "
        "anyone for federal immigration agents.",
        '"Our officers will not honor ICE detainers, and that will not change," Whitfield said '
        "at a news conference.",
        "She added that the city would keep its doors open. \"We will not spend Boise's money "
        "doing ICE's job,\" Whitfield said.",
    ]
)
HTML = f"""<!doctype html><html><head><title>Mayor rebuffs ICE | The Ledger</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Mayor rebuffs ICE</h1>{"".join(f"<p>{p}</p>" for p in TEXT.split(chr(10) * 2)[1:])}
</article><footer>Copyright 2025 The Ledger</footer></body></html>"""


@pytest.fixture
def as_editor(client, db):
    client.force_login(editor_user())
    return client


def add(client, follow=False, **data):
    fields = {"text": "", "title": "", "outlet": "", "url": "", "published_on": "", **data}
    return client.post(admin_url(Article, "add"), fields, follow=follow)


def errors(response) -> dict:
    return response.context["adminform"].form.errors


def test_pasted_text_is_ingested_and_lands_on_its_page(as_editor):
    response = add(
        as_editor,
        text=TEXT,
        outlet="The Ledger",
        url="https://ledger.example.org/mayor",
        published_on="2025-03-04",
    )

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == admin_url(Article, "change", article.pk)
    assert article.title == "Boise mayor says city police will not work with ICE"
    assert (article.outlet, article.published_on) == ("The Ledger", dt.date(2025, 3, 4))
    assert article.statements.count() == 2
    assert all(s.review_status == ReviewStatus.EXTRACTED for s in article.statements.all())


def test_the_article_page_shows_its_facts_with_links_and_status(as_editor):
    add(as_editor, text=TEXT)
    article = Article.objects.get()

    page = as_editor.get(admin_url(Article, "change", article.pk), follow=True)
    html = page.content.decode()

    messages = [str(m) for m in get_messages(page.wsgi_request)]
    assert any("2 statements" in m for m in messages)
    for statement in article.statements.all():
        assert admin_url(Statement, "change", statement.pk) in html
        assert statement.quote.replace("'", "&#x27;").replace('"', "&quot;") in html
    assert html.count("Extracted (not yet reviewed)") >= 2
    assert f"?article__id__exact={article.pk}" in html  # to the review queue
    assert 'name="statements-0-quote"' not in html  # the inlines are read-only


def test_a_txt_file_is_ingested(as_editor):
    upload = SimpleUploadedFile("mayor.txt", TEXT.encode("utf-8"), "text/plain")

    response = add(as_editor, file=upload)

    assert response.status_code == 302
    assert Article.objects.get().statements.count() == 2


def test_an_html_page_keeps_its_main_text_and_title(as_editor):
    upload = SimpleUploadedFile("mayor.html", HTML.encode("utf-8"), "text/html")

    response = add(as_editor, file=upload)

    assert response.status_code == 302
    article = Article.objects.get()
    assert "Mayor rebuffs ICE" in article.title
    assert "Home" not in article.body and "Copyright" not in article.body
    assert article.statements.count() == 2


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "text", "Paste the article's text or upload its file."),
        ({"text": "   \n  "}, "text", "Paste the article's text or upload its file."),
        (
            {"file": SimpleUploadedFile("a.txt", "Café – “quoted”".encode("cp1252"))},
            "file",
            "The file is not UTF-8: byte 0xe9 at offset 3.",
        ),
        ({"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")}, "file", "A .pdf file cannot be"),
        ({"file": SimpleUploadedFile("a.txt", b"")}, "file", "The submitted file is empty."),
        ({"text": TEXT, "url": "not a url"}, "url", "Enter a valid URL."),
        ({"text": TEXT, "url": 'https://a.example/x"<b>'}, "url", "Enter an http(s) address"),
        ({"text": TEXT, "url": "javascript:alert(1)//x.example"}, "url", "Enter a valid URL."),
        (
            {"text": TEXT, "published_on": "2999-01-01"},
            "published_on",
            "The date is in the future: 2999-01-01",
        ),
        (
            {"text": TEXT, "file": SimpleUploadedFile("a.txt", TEXT.encode())},
            "__all__",
            "Paste the text or upload a file, not both.",
        ),
        (
            {"text": "Share this article\nAdvertisement\n"},
            "__all__",
            "the article has no text once page chrome is removed",
        ),
    ],
)
def test_what_cannot_be_ingested_is_a_form_error_and_saves_nothing(as_editor, data, field, message):
    response = add(as_editor, **data)

    assert response.status_code == 200
    assert any(e.startswith(message) for e in errors(response)[field]), errors(response)
    assert not Article.objects.exists()
    assert not Statement.objects.exists()


def test_the_same_text_again_goes_to_the_article_already_stored(as_editor):
    add(as_editor, text=TEXT)
    article = Article.objects.get()
    fact = article.statements.first()
    fact.review_status = ReviewStatus.REVIEWED
    fact.save()

    response = add(as_editor, text=TEXT.replace("\n", "\r\n"), follow=True)

    assert response.redirect_chain == [(admin_url(Article, "change", article.pk), 302)]
    assert "already stored, unchanged" in response.content.decode()
    assert Article.objects.count() == 1
    assert article.statements.count() == 2
    fact.refresh_from_db()
    assert fact.review_status == ReviewStatus.REVIEWED


def management_data(response) -> dict[str, str]:
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update(
            {management[name].html_name: management[name].value() for name in management.fields}
        )
    return data


def test_the_text_cannot_be_edited_afterwards(as_editor):
    article = ArticleFactory()
    StatementFactory(article=article)
    url = admin_url(Article, "change", article.pk)
    page = as_editor.get(url)
    data = {**form_data(page), **management_data(page)}

    response = as_editor.post(url, {**data, "title": "Retitled", "body": "Something else."})

    assert b'name="body"' not in page.content
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Retitled"
    assert article.body.startswith("Story")


def test_a_publication_date_in_the_future_cannot_be_set_later(as_editor):
    article = ArticleFactory()
    url = admin_url(Article, "change", article.pk)
    page = as_editor.get(url)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()

    response = as_editor.post(
        url, {**form_data(page), **management_data(page), "published_on": tomorrow}
    )

    assert "is in the future" in errors(response)["published_on"][0]
    article.refresh_from_db()
    assert article.published_on is None


def test_staff_outside_the_editors_group_cannot_add_articles(client, db):
    client.force_login(outsider_user())

    assert client.get(admin_url(Article, "add")).status_code == 403
    assert add(client, text=TEXT).status_code == 403
    assert not Article.objects.exists()


def test_an_anonymous_visitor_cannot_add_articles(client, db):
    response = add(client, text=TEXT)

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not Article.objects.exists()


def test_an_article_page_costs_the_same_queries_for_many_facts(as_editor):
    article = ArticleFactory()
    url = admin_url(Article, "change", article.pk)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert as_editor.get(url).status_code == 200
        return len(captured)

    StatementFactory(article=article)
    PolicyActionFactory(article=article)
    few = queries()
    StatementFactory.create_batch(8, article=article)
    PolicyActionFactory.create_batch(8, article=article)
    many = queries()

    assert few == many
    assert many <= 30


def test_the_article_list_costs_the_same_queries_for_many_articles(as_editor):
    url = admin_url(Article, "changelist")
    ArticleFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        as_editor.get(url)
    ArticleFactory.create_batch(10)
    with CaptureQueriesContext(connection) as many:
        as_editor.get(url)

    assert len(few) == len(many) <= 12
