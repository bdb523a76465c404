"""Reading article files: a ``.txt`` body (or ``.html`` page) and its optional ``NAME.json``
sidecar.

Every problem is an ``IngestError`` whose message says what is wrong, so the command can report it
next to the file's name and go on with the others.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
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
# A sidecar holds four short fields: anything larger is not one.
SIDECAR_MAX_BYTES = 64_000


@dataclass(frozen=True)
class ArticleSource:
    path: Path
    body: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published_on: dt.date | None = None
    warnings: tuple[str, ...] = ()  # what was read but not used (a scraper's extra keys)


def article_files(paths: list[Path], *, follow_symlinks: bool = False) -> list[Path]:
    """The article files named, and those inside the folders named, in a stable order. Inside a
    folder, symbolic links are skipped unless ``follow_symlinks`` (a link could publish a file
    from outside the folder); a link named directly is refused by ``read_article``."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and (follow_symlinks or not path.is_symlink()):
            found += sorted(_walk(path, follow_symlinks))
        else:
            found.append(path)
    return found


def _walk(folder: Path, follow_symlinks: bool) -> list[Path]:
    found = []
    for root, _, names in os.walk(folder, followlinks=follow_symlinks):
        for name in names:
            path = Path(root) / name
            if path.suffix.lower() in ARTICLE_SUFFIXES and (
                follow_symlinks or not path.is_symlink()
            ):
                found.append(path)
    return found


def shown(path: Path | str) -> str:
    """A file name safe to print: control characters (a terminal's escape codes) as escapes."""
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in str(path)
    )


def read_limited(path: Path, limit: int, *, what: str, follow_symlinks: bool) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, checked before reading: a link
    (unless ``follow_symlinks``), a device, a pipe or a folder is refused, and so is a file
    whose size is over the limit; at most ``limit`` + 1 bytes are ever read."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            if not follow_symlinks:
                raise IngestError(f"the {what} is a symbolic link (--follow-symlinks to read it)")
            info = path.stat()
    except FileNotFoundError:
        raise IngestError(f"the {what} does not exist") from None
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(f"the {what} is not a regular file")
    if info.st_size > limit:
        raise IngestError(f"the {what} is {info.st_size:,} bytes, over the {limit:,}-byte limit")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew since it was measured
        raise IngestError(f"the {what} is over the {limit:,}-byte limit")
    return data


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


def read_sidecar(path: Path, *, follow_symlinks: bool = False) -> dict:
    """The metadata beside an article, validated; an empty dict when there is none. Keys beyond
    ``SIDECAR_FIELDS`` (scrapers add their own) are left out, and named under ``"_ignored"``."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists() and not sidecar.is_symlink():
        return {}
    data = read_limited(
        sidecar,
        SIDECAR_MAX_BYTES,
        what=f"sidecar {shown(sidecar.name)}",
        follow_symlinks=follow_symlinks,
    )
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise IngestError(f"malformed sidecar {shown(sidecar.name)}: {error}") from None
    if not isinstance(meta, dict):
        raise IngestError(f"malformed sidecar {sidecar.name}: expected a JSON object")
    for name in ("title", "outlet", "url"):
        if meta.get(name) is not None and not isinstance(meta[name], str):
            raise IngestError(f'sidecar {sidecar.name}: "{name}" must be a string')
    ignored = sorted(set(meta) - SIDECAR_FIELDS)
    return {**{k: v for k, v in meta.items() if k in SIDECAR_FIELDS}, "_ignored": ignored}


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


def read_article(path: Path, *, follow_symlinks: bool = False) -> ArticleSource:
    """One article file and its sidecar, validated; sizes are checked before anything is read."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'}; use .txt or .html")
    limit = settings.ARTICLE_MAX_BYTES
    data = read_limited(path, limit, what="file", follow_symlinks=follow_symlinks)
    meta = read_sidecar(path, follow_symlinks=follow_symlinks)
    body = decode_body(data, limit)
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
        warnings=_ignored_warning(meta.get("_ignored", []), path.with_suffix(".json").name),
    )


def _ignored_warning(ignored: list[str], sidecar_name: str) -> tuple[str, ...]:
    if not ignored:
        return ()
    used = ", ".join(sorted(SIDECAR_FIELDS))
    return (f"sidecar {sidecar_name}: ignored key(s) {', '.join(ignored)} (read: {used})",)
