"""CSV downloads of whole lists: rows flattened into columns, and lists read straight from the
database (``export_lines``), then sent through ``downloads.csv_download``."""

from __future__ import annotations

import csv
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.fields import empty
from rest_framework.settings import api_settings

from .downloads import csv_download

# A cell starting with one of these is a formula to a spreadsheet: quoted so it is shown as text
# (https://owasp.org/www-community/attacks/CSV_Injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def flatten(data: dict, prefix: str = "") -> dict[str, object]:
    """Nested fields as ``parent_child`` columns; lists as ``; ``-separated values."""
    flat: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = "; ".join(
                ",".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
                for item in value
            )
        else:
            flat[name] = value
    return flat


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[dict], empty_header: list[str]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    header: list[str] | None = None
    for row in rows:
        flat = flatten(row)
        if header is None:
            header = list(flat)
            yield writer.writerow(header)
        yield writer.writerow([safe_cell(flat.get(column)) for column in header])
    if header is None:
        yield writer.writerow(empty_header)


def csv_response(
    request, rows: Iterable[dict], *, filename: str, empty_header: list[str], key: str
):
    """A CSV download of serialized rows (the jurisdictions, whose stance is derived in
    Python), made one row at a time, never all in memory (``csv_download``); ``key`` says what
    determines the rows."""
    return csv_download(request, csv_lines(rows, empty_header), filename=filename, key=key)


# Exports of whole lists, from database rows -----------------------------------------------------
#
# A serializer turns one model instance into a dict in about a millisecond once it nests three
# others: a hundred thousand rows took minutes. An export instead reads the serializer's fields
# once, as columns of plain database values (``export_columns``), fetches them with
# ``values_list`` in chunks, and formats each value with the serializer field's own
# ``to_representation``: the same columns and the same text as ``flatten(serializer.data)``,
# which tests/api/test_exports.py checks row by row.

# Fields whose representation of a database value is the value itself, as csv writes it.
_AS_IS = (
    serializers.CharField,
    serializers.IntegerField,
    serializers.ChoiceField,
    serializers.BooleanField,
    serializers.PrimaryKeyRelatedField,
    serializers.ReadOnlyField,
)
CHUNK = 2000


class NotExportable(Exception):
    """A serializer field that is not a database value (a method, a computed property)."""


@dataclass(frozen=True)
class Column:
    name: str  # as flatten() names it: parent_child
    path: str  # the ORM lookup, parent__child
    cell: Callable  # the database value's cell, as the field represents it


@dataclass(frozen=True)
class ListColumn:
    """A ``many=True`` nested serializer over a reverse relation: ``; ``-joined items, each of
    ``,``-joined values (as ``flatten`` writes a list)."""

    name: str
    relation: str  # the accessor on the exported model
    columns: tuple[Column, ...]


def _leaf(name: str, path: str, field) -> Column:
    if isinstance(field, (serializers.SerializerMethodField, serializers.HyperlinkedRelatedField)):
        raise NotExportable(name)
    return Column(name, path, _converter(field))


def _iso(field) -> bool:
    setting = api_settings.DATETIME_FORMAT
    if isinstance(field, serializers.DateField) and not isinstance(
        field, serializers.DateTimeField
    ):
        setting = api_settings.DATE_FORMAT
    return getattr(field, "format", empty) in (empty, ISO_8601) and setting == ISO_8601


def _converter(field) -> Callable:
    """A value's cell: as the field represents it, quoted if it would be a formula, blank for
    None. The common cases skip DRF's per-value machinery (the same text, checked by
    tests/api/test_exports.py): ISO dates as they are, ISO datetimes in UTC with a Z."""
    if isinstance(field, serializers.DateTimeField) and _iso(field):
        return _iso_datetime
    if isinstance(field, _AS_IS) or (isinstance(field, serializers.DateField) and _iso(field)):
        return _as_is
    return lambda value: "" if value is None else safe_cell(field.to_representation(value))


def _as_is(value):
    if value is None:
        return ""
    if value.__class__ is str and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _iso_datetime(value):
    """DRF's ISO 8601 text for a datetime the database returned aware (in UTC: TIME_ZONE)."""
    if value is None:
        return ""
    text = value.astimezone(timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _columns(serializer, name_prefix: str = "", path_prefix: str = "") -> list:
    columns: list = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        column_name = f"{name_prefix}{name}"
        path = path_prefix if field.source == "*" else path_prefix + field.source.replace(".", "__")
        if isinstance(field, serializers.ManyRelatedField):
            raise NotExportable(column_name)  # related ids, many=True: not one value a row
        if isinstance(field, serializers.ListSerializer):
            if path_prefix:
                raise NotExportable(column_name)  # a list inside a nested object
            child = tuple(_columns(field.child))
            if any(isinstance(c, ListColumn) for c in child):
                raise NotExportable(column_name)
            columns.append(ListColumn(column_name, path, child))
        elif isinstance(field, serializers.BaseSerializer):
            nested_path = path_prefix if field.source == "*" else f"{path}__"
            columns += _columns(field, f"{column_name}_", nested_path)
        else:
            columns.append(_leaf(column_name, path, field))
    return columns


@functools.cache
def export_columns(serializer_class) -> tuple:
    """The export's columns, in the serializer's order (NotExportable if one is not a value)."""
    return tuple(_columns(serializer_class()))


def _list_cells(queryset, column: ListColumn, ids: list) -> dict:
    """``id -> cell`` for a list column over one chunk of rows, in one query. Items come in the
    order the list view prefetches them (its ``Prefetch`` queryset's order), else by id."""
    relation = queryset.model._meta.get_field(column.relation)
    related = relation.related_model._default_manager.all()
    for lookup in queryset._prefetch_related_lookups:
        if isinstance(lookup, Prefetch) and lookup.prefetch_to == column.relation:
            related = lookup.queryset if lookup.queryset is not None else related
    ordering = related.query.order_by or ("pk",)
    rows = related.filter(**{f"{relation.field.name}__in": ids}).order_by(
        relation.field.attname, *ordering
    )
    paths = [c.path for c in column.columns]
    items: dict = {}
    for owner, *values in rows.values_list(relation.field.attname, *paths):
        text = ",".join(str(c.cell(v)) for c, v in zip(column.columns, values, strict=True))
        items.setdefault(owner, []).append(text)
    return {owner: safe_cell("; ".join(texts)) for owner, texts in items.items()}


def export_lines(queryset, serializer_class) -> Iterator[str]:
    """The CSV of every row of ``queryset`` as ``serializer_class`` shows it: the header, then
    one line per row, read from the database in chunks of CHUNK (never all in memory)."""
    columns = export_columns(serializer_class)
    writer = csv.writer(_Echo())
    yield writer.writerow([c.name for c in columns])
    flat = [c for c in columns if isinstance(c, Column)]
    lists = [c for c in columns if isinstance(c, ListColumn)]
    list_places = [(i, c) for i, c in enumerate(columns) if isinstance(c, ListColumn)]
    values = queryset.values_list("pk", *(c.path for c in flat)).iterator(chunk_size=CHUNK)
    while chunk := list(itertools.islice(values, CHUNK)):
        listed = {c.name: _list_cells(queryset, c, [row[0] for row in chunk]) for c in lists}
        for pk, *row in chunk:
            cells = [c.cell(v) for c, v in zip(flat, row, strict=True)]
            for index, column in list_places:
                cells.insert(index, listed[column.name].get(pk, ""))
            yield writer.writerow(cells)


def export_response(request, queryset, serializer_class, *, filename: str):
    """A whole list as CSV, from database rows (``export_lines``; ``csv_download``), stored
    under its query: URLs that differ only in parameters no filter reads share one file."""
    shape = f"{serializer_class.__module__}.{serializer_class.__qualname__}"
    return csv_download(
        request,
        export_lines(queryset, serializer_class),
        filename=filename,
        key=f"{shape} {query_key(queryset)}",
    )


def query_key(queryset) -> str:
    """The SQL that selects the rows (as the cached counts do), or, for a query Django cannot
    print (an empty IN), a marker of its own."""
    try:
        return str(queryset.query)
    except Exception:  # noqa: BLE001 - EmptyResultSet and the like: nothing to select
        return f"unprintable {queryset.model._meta.label}"
