"""The ingest command: one line per article, a summary, bad files reported by name and reason."""

import json
import os
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from stances.models import Statement

pytestmark = pytest.mark.django_db

GOOD = (
    "Denton County Sheriff Lee Park said the jail will no longer hold people on ICE detainers "
    "without a judicial warrant.\n\n“Our jail is not an arm of ICE,” Park said.\n"
)


def write(folder, name, body, sidecar=None, raw=False):
    path = folder / name
    if raw:
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    if sidecar is not None:
        text = sidecar if isinstance(sidecar, str) else json.dumps(sidecar)
        path.with_suffix(".json").write_text(text, encoding="utf-8")
    return path


def run(*paths, **options):
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


def test_a_folder_is_ingested_with_a_line_per_article_and_a_summary(tmp_path):
    write(tmp_path, "a.txt", GOOD, {"title": "Jail rules", "published": "2020-02-03"})
    out, _, failure = run(tmp_path)
    assert failure is None
    assert "created" in out and "1 statements" in out
    assert "1 of 1 article(s) ingested" in out
    article = Article.objects.get()
    assert article.title == "Jail rules" and str(article.published_on) == "2020-02-03"


def test_running_twice_reports_unchanged(tmp_path):
    path = write(tmp_path, "a.txt", GOOD)
    run(path)
    out, _, _ = run(path)
    assert "unchanged" in out
    assert Statement.objects.count() == 1


@pytest.mark.parametrize(
    "name, body, sidecar, raw, reason",
    [
        ("empty.txt", "  \n\n", None, False, "empty"),
        ("binary.txt", b"\x89PNG\x00\x00data", None, True, "binary"),
        ("latin1.txt", "Caf\xe9 policy".encode("latin-1"), None, True, "not UTF-8"),
        ("bad-json.txt", GOOD, "{title: nope", False, "malformed sidecar"),
        ("list-json.txt", GOOD, "[1, 2]", False, "JSON object"),
        ("bad-date.txt", GOOD, {"published": "March 3rd"}, False, "YYYY-MM-DD"),
        ("no-date.txt", GOOD, {"published": "2019-02-30"}, False, "not a real date"),
        ("future.txt", GOOD, {"published": "2999-01-01"}, False, "in the future"),
        ("bad-url.txt", GOOD, {"url": "javascript:alert(1)"}, False, "not an http(s) URL"),
        ("notes.pdf", "%PDF-1.4", None, False, "unsupported file type"),
    ],
)
def test_a_bad_file_is_reported_with_its_name_and_reason(
    tmp_path, name, body, sidecar, raw, reason
):
    bad = write(tmp_path, name, body, sidecar, raw)
    good = write(tmp_path, "good.txt", GOOD)
    _, err, failure = run(bad, good)
    assert failure is not None and "1 failed" in failure  # non-zero exit
    assert name in err and reason in err
    assert Article.objects.count() == 1  # the good file went in, nothing of the bad one


def test_an_oversized_file_is_refused(tmp_path, settings):
    settings.ARTICLE_MAX_BYTES = 100
    path = write(tmp_path, "big.txt", GOOD * 5)
    _, err, failure = run(path)
    assert failure and "over the 100-byte limit" in err
    assert not Article.objects.exists()


def test_a_failure_mid_article_leaves_nothing_half_written(tmp_path, monkeypatch):
    from articles.services import IngestError
    from stances.services import ingestion

    def explode(*args, **kwargs):
        raise IngestError("storage refused the policies")

    monkeypatch.setattr(ingestion, "_policies_create", explode)
    _, err, failure = run(write(tmp_path, "a.txt", GOOD))
    assert failure and "storage refused" in err
    assert not Article.objects.exists() and not Statement.objects.exists()


def test_an_unexpected_error_in_one_file_does_not_stop_the_others(tmp_path, monkeypatch):
    from articles.extraction import pipeline

    real_extract = pipeline.extract

    def extract_or_fail(body, **kwargs):
        if "FAULT" in body:
            raise RuntimeError("extractor bug")
        return real_extract(body, **kwargs)

    monkeypatch.setattr("stances.services.ingestion.extract", extract_or_fail)
    bad = write(tmp_path, "a-bad.txt", "FAULT. " + GOOD)
    good = write(tmp_path, "b-good.txt", GOOD)
    _, err, failure = run(bad, good)
    assert failure and "a-bad.txt" in err and "RuntimeError: extractor bug" in err
    assert Article.objects.count() == 1 and Statement.objects.count() == 1


def test_dry_run_stores_nothing(tmp_path):
    out, _, failure = run(write(tmp_path, "a.txt", GOOD), dry_run=True)
    assert failure is None and "Dry run, nothing stored" in out and "1 statements" in out
    assert not Article.objects.exists()


def test_html_goes_through_the_main_text_extractor(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in GOOD.split("\n\n")) * 3
    html = (
        "<html><head><title>Jail rules change</title></head><body>"
        "<nav>Home | News | Sports</nav>"
        f"<article><h1>Jail rules change</h1>{paragraphs}</article>"
        "<footer>Copyright Example Media</footer></body></html>"
    )
    _, err, failure = run(write(tmp_path, "page.html", html))
    assert failure is None, err
    article = Article.objects.get()
    assert "Our jail is not an arm of ICE" in article.body
    assert "Copyright Example Media" not in article.body


def test_no_article_files_is_an_error(tmp_path):
    _, _, failure = run(tmp_path)
    assert failure and "no .txt or .html" in failure


def test_a_sidecar_with_a_scrapers_extra_keys_is_ingested_with_a_warning_naming_them(tmp_path):
    sidecar = {"title": "Council acts", "scraped_at": "2025-01-02", "byline": "A. Writer"}
    out, _, failure = run(write(tmp_path, "extra.txt", GOOD, sidecar))
    assert failure is None
    assert "ignored key(s) byline, scraped_at" in out
    assert Article.objects.get().title == "Council acts"


# Reading files safely (issue 19, items 5 and 8) ---------------------------------------------


def test_a_symbolic_link_in_a_folder_is_not_followed(tmp_path):
    outside = write(tmp_path, "private.txt", GOOD)
    folder = tmp_path / "public"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)

    _, _, failure = run(folder)

    assert failure and "no .txt or .html" in failure  # the link is not an article file
    assert not Article.objects.exists()


def test_a_symbolic_link_named_is_refused_unless_told(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(write(tmp_path, "private.txt", GOOD))

    _, err, failure = run(link)
    assert failure and "symbolic link (--follow-symlinks" in err
    assert not Article.objects.exists()

    _, err, failure = run(link, follow_symlinks=True)
    assert failure is None, err
    assert Article.objects.count() == 1


def test_a_linked_sidecar_is_refused_too(tmp_path):
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"title": "Not for publication"}))
    path = write(tmp_path, "story.txt", GOOD)
    path.with_suffix(".json").symlink_to(secret)

    _, err, failure = run(path)

    assert failure and "sidecar story.json is a symbolic link" in err


def test_what_is_not_a_regular_file_is_refused_without_reading_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would wait for a writer forever

    _, err, failure = run(fifo)

    assert failure and "not a regular file" in err


def test_sizes_are_checked_before_reading(tmp_path, settings):
    settings.ARTICLE_MAX_BYTES = 1000
    sparse = tmp_path / "huge.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(600 * 1024 * 1024)  # 600 MB that take no disk and are never read

    _, err, failure = run(sparse)

    assert failure and "is 629,145,600 bytes, over the 1,000-byte limit" in err


def test_an_oversized_sidecar_is_refused(tmp_path):
    path = write(tmp_path, "story.txt", GOOD)
    path.with_suffix(".json").write_text(json.dumps({"title": "x" * 100_000}))

    _, err, failure = run(path)

    assert failure and "sidecar story.json is 100,013 bytes, over the 64,000-byte limit" in err
    assert not Article.objects.exists()


def test_file_names_are_printed_without_their_escape_codes(tmp_path):
    path = write(tmp_path, "\x1b[2J\x1b]0;pwned\x07.txt", GOOD)

    out, err, failure = run(path)

    assert failure is None, err
    assert "\x1b" not in out and "\\x1b[2J\\x1b]0;pwned\\x07.txt" in out


def test_the_html_cleaner_trafilatura_needs_is_a_declared_dependency():
    """lxml split ``lxml.html.clean`` out into lxml_html_clean: a fresh install without it
    cannot read .html (test_html_goes_through_the_main_text_extractor ingests one)."""
    import tomllib
    from pathlib import Path

    import lxml.html.clean  # noqa: F401 - importable

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    names = [
        d.split(">")[0].split("<")[0].split("=")[0] for d in project["project"]["dependencies"]
    ]
    assert "lxml_html_clean" in names
