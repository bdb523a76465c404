"""CSV exports of whole lists (sanctuary.api.exports): read as database values, they hold exactly
the columns and text the serializers give, row by row; anonymous downloads are written once per data
version to a file, editors get them streamed."""

import csv
import datetime as dt
import io
import os
import zoneinfo
from pathlib import Path

import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from rest_framework import serializers

from articles import selectors as article_selectors
from articles.models import Article
from sanctuary.api import exports
from sanctuary.api.exports import NotExportable, export_columns, export_lines, flatten, safe_cell
from stances.api.serializers import (
    ArticleSerializer,
    EnforcementEventSerializer,
    OfficialSerializer,
    PolicyActionSerializer,
    StatementSerializer,
)
from stances.models import Official, Statement
from stances.selectors import facts as selectors
from stances.selectors.officials import official_queryset
from stances.services.statements import statement_update
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    OfficialFactory,
    PolicyActionFactory,
    PolicyEffectFactory,
    span_of,
    statement_at,
)

MICROSECONDS = dt.datetime(2024, 3, 2, 9, 15, 30, 123456, tzinfo=dt.UTC)
FORMULA_BODY = (
    "@everyone: ICE is not welcome in this city.\n"
    "=HYPERLINK(evil) was pasted into the minutes.\n"
    "-14 degrees did not stop the raid."
)


@pytest.fixture
def awkward(world):
    """The world, plus rows with every null and formula-like text an export must get right."""
    article = ArticleFactory(
        title="=cmd|' /C calc'!A0", outlet="@Desk", body=FORMULA_BODY, published_on=None
    )
    correction = ArticleFactory(
        title="Corrected: Madison mayor refuses ICE detainers",
        body=world.article.body + "\n\nThis story was corrected.",
        published_on=dt.date(2024, 3, 2),
        supersedes=world.article,
    )
    speaker = OfficialFactory(
        name="+Anon Spokesperson", slug="anon-spokesperson", role="-Acting", jurisdiction=None
    )
    statement = statement_at(
        article,
        speaker,
        "@everyone: ICE is not welcome in this city.",
        jurisdiction=None,
        said_on=None,
        review_status="reviewed",
        reviewed_at=MICROSECONDS,
    )
    orphan = EnforcementEventFactory(
        article=article,
        **span_of(FORMULA_BODY, "-14 degrees did not stop the raid."),
        kind="raid",
        name="=HYPERLINK(evil)",
        jurisdiction=None,
        parent=None,
        starts_on=None,
        count=None,
        summary='A raid, "in the cold",\nreported on two lines.',
        reviewed_at=MICROSECONDS.replace(microsecond=7),
    )
    bare = PolicyActionFactory(
        article=article,
        jurisdiction=world.austin,
        **span_of(FORMULA_BODY, "=HYPERLINK(evil)"),
        kind="ordinance",
        summary="=1+1 an ordinance without any effect recorded",
        effective_on=None,
        reviewed_at=MICROSECONDS,
    )
    two = PolicyActionFactory(
        article=article,
        jurisdiction=world.austin,
        **span_of(FORMULA_BODY, "@everyone"),
        kind="executive_order",
        summary="Two effects, stored in the reverse of their order.",
        effective_on=dt.date(2024, 1, 5),
    )
    PolicyEffectFactory(policy=two, indicator="jail_access", direction="limits")
    PolicyEffectFactory(policy=two, indicator="detainers", direction="cooperates")
    return world, {
        "article": article,
        "correction": correction,
        "speaker": speaker,
        "statement": statement,
        "orphan": orphan,
        "bare": bare,
        "two": two,
    }


def serialized(queryset, serializer_class) -> list[list[str]]:
    """What the serializer shows of every row, as CSV text: ``flatten(data)`` under the header of
    a row whose nested objects are all there (a null nested object is blank in each of its
    columns), formula-quoted, None blank; written and read back through csv."""
    flats = [flatten(serializer_class(obj).data) for obj in queryset]
    header = max((list(flat) for flat in flats), key=len)
    for flat in flats:
        if len(flat) == len(header):
            assert list(flat) == header
        for name, value in flat.items():
            assert name in header or value is None, (name, value)  # only a null nested object
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for flat in flats:
        writer.writerow([safe_cell(flat.get(column)) for column in header])
    return list(csv.reader(io.StringIO(out.getvalue())))


def exported(queryset, serializer_class) -> list[list[str]]:
    return list(csv.reader(export_lines(queryset, serializer_class)))


CASES = {
    "statements": (selectors.statement_queryset, StatementSerializer),
    "events": (selectors.event_queryset, EnforcementEventSerializer),
    "policies": (selectors.policy_queryset, PolicyActionSerializer),
    "officials": (lambda: official_queryset(with_counts=True), OfficialSerializer),
    "articles": (article_selectors.article_list, ArticleSerializer),
}


# The same columns and text as the serializer ----------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_an_export_is_the_serializer_row_by_row(awkward, name):
    base_queryset, serializer_class = CASES[name]

    expected = serialized(base_queryset(), serializer_class)
    actual = exported(base_queryset(), serializer_class)

    assert len(expected) == 1 + base_queryset().count() >= 5
    assert actual[0] == expected[0]
    for index, (got, want) in enumerate(zip(actual, expected, strict=False)):
        assert got == want, f"row {index}"
    assert len(actual) == len(expected)


@pytest.mark.parametrize("name", CASES)
def test_an_export_follows_the_current_time_zone_as_the_serializer_does(awkward, name):
    base_queryset, serializer_class = CASES[name]

    with timezone.override(zoneinfo.ZoneInfo("America/Chicago")):
        expected = serialized(base_queryset(), serializer_class)
        actual = exported(base_queryset(), serializer_class)

    header = actual[0]
    column = "created_at" if "created_at" in header else "ingested_at"
    stamps = [row[header.index(column)] for row in actual[1:]]
    assert stamps and all(stamp.endswith(("-06:00", "-05:00")) for stamp in stamps)
    assert actual == expected


def test_the_awkward_cells_come_out_as_text(awkward):
    world, made = awkward
    statements = exported(selectors.statement_queryset(), StatementSerializer)
    events = exported(selectors.event_queryset(), EnforcementEventSerializer)
    policies = exported(selectors.policy_queryset(), PolicyActionSerializer)

    def row_of(rows, pk):
        header = rows[0]
        [row] = [r for r in rows[1:] if r[header.index("id")] == str(pk)]
        return dict(zip(header, row, strict=True))

    statement = row_of(statements, made["statement"].pk)
    assert statement["quote"] == "'@everyone: ICE is not welcome in this city."
    assert statement["said_on"] == ""
    assert statement["jurisdiction_slug"] == statement["jurisdiction_name"] == ""
    assert statement["speaker_role"] == "'-Acting"
    assert statement["source_title"] == "'=cmd|' /C calc'!A0"
    assert statement["source_published_on"] == ""
    assert statement["reviewed_at"] == "2024-03-02T09:15:30.123456Z"

    orphan = row_of(events, made["orphan"].pk)
    assert orphan["name"] == "'=HYPERLINK(evil)"
    assert orphan["parent"] == orphan["count"] == orphan["starts_on"] == ""
    assert orphan["summary"] == 'A raid, "in the cold",\nreported on two lines.'
    assert orphan["reviewed_at"] == "2024-03-02T09:15:30.000007Z"
    assert row_of(events, world.arrests.pk)["parent"] == str(world.operation.pk)

    assert row_of(policies, made["two"].pk)["effects"] == "detainers,cooperates; jail_access,limits"
    assert row_of(policies, made["bare"].pk)["effects"] == ""
    assert row_of(policies, made["bare"].pk)["summary"].startswith("'=1+1")

    articles = exported(article_selectors.article_list(), ArticleSerializer)
    original = row_of(articles, world.article.pk)
    assert original["superseded_by"] == str(made["correction"].pk)
    assert row_of(articles, made["correction"].pk)["supersedes"] == str(world.article.pk)
    assert row_of(articles, made["article"].pk)["title"] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize("name", CASES)
def test_an_export_read_in_many_chunks_is_still_the_serializer(awkward, monkeypatch, name):
    base_queryset, serializer_class = CASES[name]
    monkeypatch.setattr(exports, "CHUNK", 2)  # every list column is read chunk by chunk

    assert exported(base_queryset(), serializer_class) == serialized(
        base_queryset(), serializer_class
    )


def test_an_export_counts_only_visible_statements(awkward):
    world, _ = awkward
    rows = exported(official_queryset(with_counts=True), OfficialSerializer)
    header = rows[0]
    counts = {row[header.index("slug")]: row[header.index("statement_count")] for row in rows[1:]}

    assert counts["satya-rhodes-conway"] == "1"  # the rejected statement is not counted
    assert counts["anon-spokesperson"] == "1"
    assert counts["ice-houston"] == "1"


def test_an_export_of_the_list_a_viewset_filters(awkward):
    _, made = awkward
    queryset = selectors.visible(selectors.event_queryset()).filter(kind="raid")

    assert exported(queryset, EnforcementEventSerializer) == serialized(
        queryset, EnforcementEventSerializer
    )
    assert {row[0] for row in exported(queryset, EnforcementEventSerializer)[1:]} >= {
        str(made["orphan"].pk)
    }


# Empty exports and serializers that cannot be exported ---------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_an_export_with_no_rows_still_has_its_header(world, name):
    base_queryset, serializer_class = CASES[name]
    full_header = serialized(base_queryset(), serializer_class)[0]

    rows = exported(base_queryset().none(), serializer_class)

    assert rows == [full_header]
    assert rows[0] == [column.name for column in export_columns(serializer_class)]


class WithMethodField(serializers.ModelSerializer):
    shout = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = ["id", "quote", "shout"]

    def get_shout(self, statement) -> str:
        return statement.quote.upper()


class WithNestedMethodField(serializers.ModelSerializer):
    class _Speaker(serializers.ModelSerializer):
        initials = serializers.SerializerMethodField()

        class Meta:
            model = Official
            fields = ["slug", "initials"]

        def get_initials(self, official) -> str:
            return official.name[:1]

    speaker = _Speaker(read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "speaker"]


class WithRelatedIds(serializers.ModelSerializer):
    jurisdictions = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Article
        fields = ["id", "jurisdictions"]


@pytest.mark.parametrize(
    "serializer_class", [WithMethodField, WithNestedMethodField, WithRelatedIds]
)
def test_a_field_that_is_not_one_value_a_row_is_not_exportable(db, serializer_class):
    with pytest.raises(NotExportable):
        export_columns(serializer_class)
    with pytest.raises(NotExportable):
        list(export_lines(Statement.objects.none(), serializer_class))


# Downloads through the API ---------------------------------------------------------------------


@pytest.fixture
def exports_dir(settings, tmp_path) -> Path:
    settings.EXPORTS_DIR = tmp_path / "exports"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()
    return settings.EXPORTS_DIR


def download(client, url: str) -> tuple[object, list[list[str]]]:
    """The response (its bytes as ``response.body``) and its rows."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    response.body = b"".join(response.streaming_content)
    return response, list(csv.reader(io.StringIO(response.body.decode("utf-8"))))


def csv_files(folder: Path) -> set[Path]:
    return set(folder.glob("*.csv")) if folder.exists() else set()


def written_by(folder: Path, client, url: str) -> tuple[object, list[list[str]], Path]:
    """An anonymous download that writes one new file, the one it is sent from."""
    before = csv_files(folder)
    response, rows = download(client, url)
    assert isinstance(response, FileResponse)
    [path] = csv_files(folder) - before
    assert path.read_bytes() == response.body
    return response, rows, path


URL = "/api/statements/?format=csv"


LISTED = {  # what each list shows a reader
    "statements": lambda: selectors.visible(selectors.statement_queryset()),
    "events": lambda: selectors.visible(selectors.event_queryset()),
    "policies": lambda: selectors.visible(selectors.policy_queryset()),
    "officials": lambda: official_queryset(with_counts=True),
    "articles": article_selectors.article_list,
}


@pytest.mark.parametrize("name", CASES)
def test_an_anonymous_download_is_sent_from_a_file_in_the_exports_folder(
    awkward, api, exports_dir, name
):
    response, rows, path = written_by(exports_dir, api, f"/api/{name}/?format=csv")

    assert path.parent == exports_dir
    assert f'filename="{name}.csv"' in response["Content-Disposition"]
    assert rows == serialized(LISTED[name](), CASES[name][1])


def test_an_anonymous_download_with_no_rows_still_has_its_header(awkward, api, exports_dir):
    _, rows, _ = written_by(exports_dir, api, "/api/policies/?format=csv&kind=ordinance&q=zzzzzz")

    assert rows == [[column.name for column in export_columns(PolicyActionSerializer)]]
    assert "effects" in rows[0]


def test_a_repeated_download_reuses_the_file_without_a_query(
    awkward, api, exports_dir, django_assert_num_queries
):
    _, rows, path = written_by(exports_dir, api, URL)
    written = path.stat()

    with django_assert_num_queries(0):
        again, rows_again = download(api, URL)

    assert isinstance(again, FileResponse)
    assert csv_files(exports_dir) == {path}
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    assert again.body == path.read_bytes()
    assert rows_again == rows


def stances_by_id(rows: list[list[str]]) -> dict[str, str]:
    header = rows[0]
    return {row[header.index("id")]: row[header.index("stance")] for row in rows[1:]}


def test_a_write_is_in_the_next_download_and_the_old_file_is_gone(
    awkward, api, exports_dir, committed
):
    world, _ = awkward
    _, rows, old = written_by(exports_dir, api, URL)
    assert stances_by_id(rows)[str(world.honor.pk)] == "for_cooperation"

    with committed():
        statement_update(statement=world.honor, stance="neutral")
    _, rows, new = written_by(exports_dir, api, URL)

    assert stances_by_id(rows)[str(world.honor.pk)] == "neutral"
    assert not old.exists()
    version = new.name.split("-")[0]
    assert old.name.split("-")[0] != version
    older = [p.name for p in exports_dir.iterdir() if not p.name.startswith(version)]
    assert [name for name in older if not name.endswith(".lock")] == []  # a lock is kept a while


def test_an_editor_gets_the_same_rows_streamed_and_no_file(awkward, api, editor_api, exports_dir):
    editor, editor_rows = download(editor_api, URL)

    assert isinstance(editor, StreamingHttpResponse)
    assert not isinstance(editor, FileResponse)
    assert csv_files(exports_dir) == set()
    _, anonymous_rows, _ = written_by(exports_dir, api, URL)
    assert editor_rows == anonymous_rows


def test_an_editor_sees_a_write_at_once(awkward, editor_api, exports_dir):
    world, _ = awkward
    download(editor_api, URL)
    statement_update(statement=world.honor, stance="neutral")

    _, rows = download(editor_api, URL)

    assert stances_by_id(rows)[str(world.honor.pk)] == "neutral"


def age(path: Path, seconds: int) -> None:
    """Make ``path`` look written ``seconds`` ago (writes within a few milliseconds of each
    other may share a file system's timestamp)."""
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then))


def test_the_oldest_files_go_first_beyond_the_size_limit(awkward, api, settings, exports_dir):
    # Three orders of the same rows: three queries, files of one size.
    urls = [f"{URL}&ordering={order}" for order in ("id", "-id", "created_at")]
    _, rows, first = written_by(exports_dir, api, urls[0])
    _, _, second = written_by(exports_dir, api, urls[1])
    size = first.stat().st_size
    assert second.stat().st_size == size
    age(first, 300)
    age(second, 200)
    settings.EXPORTS_MAX_BYTES = 2 * size

    _, third_rows, third = written_by(exports_dir, api, urls[2])

    assert csv_files(exports_dir) == {second, third}
    assert sorted(third_rows) == sorted(rows)
    age(third, 60)
    _, again_rows, again = written_by(exports_dir, api, urls[0])  # written again, on demand
    assert again == first
    assert again_rows == rows
    assert csv_files(exports_dir) == {third, first}  # the second was now the oldest


def test_what_a_failed_write_left_is_deleted_but_not_a_write_under_way(awkward, api, exports_dir):
    exports_dir.mkdir(parents=True)
    abandoned = exports_dir / "1-0123abcd.x1y2.partial"
    abandoned.write_text("id,quote\n1,half a fi")
    age(abandoned, 3600)
    under_way = exports_dir / "1-4567cdef.z3w4.partial"  # another process, an older version
    under_way.write_text("id,quote\n1,still being")

    written_by(exports_dir, api, URL)

    assert not abandoned.exists()
    assert under_way.exists()


def test_urls_that_differ_only_in_what_no_filter_reads_share_one_file(awkward, api, exports_dir):
    _, rows, path = written_by(exports_dir, api, URL)

    again, again_rows = download(api, f"{URL}&utm_source=newsletter&page_size=3")

    assert csv_files(exports_dir) == {path}
    assert again_rows == rows


def test_a_file_older_than_the_maximum_age_is_written_again(awkward, api, settings, exports_dir):
    settings.EXPORTS_MAX_AGE = 60
    _, rows, path = written_by(exports_dir, api, URL)
    age(path, 120)
    aged = path.stat().st_mtime

    _, again_rows = download(api, URL)

    assert path.stat().st_mtime > aged
    assert again_rows == rows
