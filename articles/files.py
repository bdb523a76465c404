"""Reading article files: a ``.txt`` body (or ``.html`` page) and its optional ``NAME.json``
sidecar.

Every problem is an ``IngestError`` whose message says what is wrong, so the command can report it
next to the file's name and go on with the others.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from .models import validate_http_uri
from .services import IngestError

# The sample corpus: five news articles that ``make run`` loads into a fresh database.
SAMPLE_CORPUS = Path(__file__).resolve().parent / "corpus"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
SIDECAR_FIELDS = {"title", "outlet", "url", "published"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ArticleSource:
    path: Path
    body: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published_on: dt.date | None = None


def article_files(paths: list[Path]) -> list[Path]:
    """The article files named, and those inside the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            found.append(path)
    return found


def parse_published(value: object) -> dt.date | None:
    """A ``YYYY-MM-DD`` date, not in the future; null or empty means unknown."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise IngestError(f'"published" must be a date as YYYY-MM-DD, not {value!r}')
    try:
        published = dt.date.fromisoformat(value)
    except ValueError as error:
        raise IngestError(f'"published" is not a real date: {value} ({error})') from None
    if published > dt.date.today():
        raise IngestError(f'"published" is in the future: {value}')
    return published


def read_sidecar(path: Path) -> dict:
    """The metadata beside an article, validated; an empty dict when there is none."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IngestError(f"malformed sidecar {sidecar.name}: {error}") from None
    if not isinstance(meta, dict):
        raise IngestError(f"malformed sidecar {sidecar.name}: expected a JSON object")
    unknown = sorted(set(meta) - SIDECAR_FIELDS)
    if unknown:
        raise IngestError(
            f"sidecar {sidecar.name} has unknown field(s) {', '.join(unknown)}; "
            f"expected {', '.join(sorted(SIDECAR_FIELDS))}"
        )
    for name in ("title", "outlet", "url"):
        if meta.get(name) is not None and not isinstance(meta[name], str):
            raise IngestError(f'sidecar {sidecar.name}: "{name}" must be a string')
    return meta


def _validated_url(url: str, sidecar_name: str) -> str:
    if not url:
        return ""
    try:
        validate_http_uri(url)
    except ValidationError:
        raise IngestError(f'sidecar {sidecar_name}: "url" is not an http(s) URL: {url!r}') from None
    return url


def decode_body(data: bytes, limit: int) -> str:
    """Text from bytes: refuses empty, oversized, binary and non-UTF-8 input."""
    if len(data) > limit:
        raise IngestError(f"the file is {len(data):,} bytes, over the {limit:,}-byte limit")
    if b"\x00" in data:
        raise IngestError("the file is binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"the file is not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None
    if not text.strip():
        raise IngestError("the file is empty")
    return text


def html_main_text(html: str) -> tuple[str, str]:
    """The main text and title of an HTML page (trafilatura drops navigation and boilerplate)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata and metadata.title else "") or ""
    if not text.strip():
        raise IngestError("no article text could be found in the HTML page")
    return text, title


def read_article(path: Path) -> ArticleSource:
    """One article file and its sidecar, validated."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'}; use .txt or .html")
    if not path.is_file():
        raise IngestError("no such file")
    meta = read_sidecar(path)
    body = decode_body(path.read_bytes(), settings.ARTICLE_MAX_BYTES)
    title = meta.get("title") or ""
    if path.suffix.lower() in (".html", ".htm"):
        body, page_title = html_main_text(body)
        title = title or page_title
    return ArticleSource(
        path=path,
        body=body,
        title=title.strip(),
        outlet=(meta.get("outlet") or "").strip(),
        url=_validated_url((meta.get("url") or "").strip(), path.with_suffix(".json").name),
        published_on=parse_published(meta.get("published")),
    )
