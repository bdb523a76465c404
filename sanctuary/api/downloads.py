"""Sending a CSV download: streamed to editors, stored once per data version for readers."""

from __future__ import annotations

import fcntl
import itertools
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse

from sanctuary import versions


def csv_download(request, lines: Iterator[str], *, filename: str, key: str):
    """``lines`` as a CSV download. What anonymous readers download is written once per data
    version to a file stored under ``key`` and the host (``stored_export``) and sent from there;
    editors get it streamed as it is made.

    Either way the query runs inside the view, before the response is returned: a database that
    cannot answer is the view's error (a 503, see ``sanctuary.web.errors``), not a stream that
    breaks after a 200 was sent."""
    version = None if request.user.is_authenticated else versions.data_version()
    if version is None:  # an editor's, or the shared cache is down (no version to store under)
        response = StreamingHttpResponse(_started(lines), content_type=CSV_TYPE)
    else:
        stored = stored_export(f"{request.get_host()} {key}", lines, version=version)
        response = FileResponse(stored, content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _started(lines: Iterator[str]) -> Iterator[str]:
    """``lines`` with the first two read now: the header, and the first row, which runs the
    query."""
    return itertools.chain(list(itertools.islice(lines, 2)), lines)


CSV_TYPE = "text/csv; charset=utf-8"


# A lock or partial file this old was left by a write that died (a write of the largest export
# takes seconds): any process may delete it.
ABANDONED_SECONDS = 600


def stored_export(key: str, lines: Iterator[str], *, version: int) -> BinaryIO:
    """The file holding ``lines`` for ``key`` (what determines the rows) under the current data
    version, opened for reading; written now unless another request already did, less than
    ``EXPORTS_MAX_AGE`` seconds ago. One process writes it while the others wait for it (a lock
    file), into a temporary file of its own renamed into place, so no reader sees half a file.
    Older versions' files are deleted, and this version's oldest beyond ``EXPORTS_MAX_BYTES``; a
    file already open stays readable to whoever opened it, also once deleted."""
    folder = Path(settings.EXPORTS_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{version}-{versions.hashed_key('csv', key).split(':')[-1]}.csv"
    stored = _open_fresh(path)
    if stored is not None:
        return stored
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stored = _open_fresh(path)  # written while this one waited
        if stored is not None:
            return stored
        handle, name = tempfile.mkstemp(dir=folder, prefix=f"{path.stem}.", suffix=".partial")
        partial = Path(name)
        try:
            with open(handle, "w", encoding="utf-8", newline="") as out:
                out.writelines(lines)
            stored = open(partial, "rb")  # noqa: SIM115 - follows the rename; FileResponse closes it
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        _prune(folder, keep=path, version=version, kept=os.fstat(stored.fileno()).st_size)
        return stored


def _open_fresh(path: Path) -> BinaryIO | None:
    try:
        stored = open(path, "rb")  # noqa: SIM115 - returned open
    except FileNotFoundError:
        return None
    if time.time() - os.fstat(stored.fileno()).st_mtime <= settings.EXPORTS_MAX_AGE:
        return stored
    stored.close()  # written before a change no signal announced (a bulk update): write again
    return None


def _prune(folder: Path, *, keep: Path, version: int, kept: int) -> None:
    """Delete older versions' files, what writes that died left behind, and this version's
    oldest files while they all take more than ``EXPORTS_MAX_BYTES``. Other processes may be
    at work in the folder, at another version: a newer version's files and anyone's recent lock
    and partial files are left alone, and a file already gone is skipped."""
    now, sizes = time.time(), []
    for other in folder.iterdir():
        prefix, _, _ = other.name.partition("-")
        if other == keep or not prefix.isdigit():
            continue
        try:
            stat = other.stat()
            if other.suffix in (".lock", ".partial"):
                if now - stat.st_mtime > ABANDONED_SECONDS:
                    other.unlink()
            elif int(prefix) < version:
                other.unlink()
            elif int(prefix) == version:
                sizes.append((stat.st_mtime, stat.st_size, other))
        except FileNotFoundError:
            continue
    total = kept + sum(size for _, size, _ in sizes)
    for _, size, oldest in sorted(sizes):
        if total <= settings.EXPORTS_MAX_BYTES:
            break
        oldest.unlink(missing_ok=True)
        total -= size
