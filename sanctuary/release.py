"""The release: which code is serving, as a short digest, so that what is stored for readers
under one release is never served by another.

Stored pages are keyed by the data version (``sanctuary.versions``), which only writes move: a
deploy that changes a template, a view or a stylesheet would otherwise keep serving the pages the
old code made until the data next changed. The release goes into every cache key (the cache's
``KEY_PREFIX``), so a new release starts from an empty namespace, and the old one's entries expire.

``RELEASE`` in the environment names it (a deploy may pass its git commit); otherwise it is the
digest of the code and templates themselves: the same in every process of one checkout, and
different as soon as any of them changes (edited in place or deployed)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# What makes the answers: code, templates, catalogs, and the site's own scripts and styles (the
# vendored libraries and the data files are left out; pages name them by hashed file names).
SOURCES = ("sanctuary", "stances", "articles", "templates", "locale", "static/css", "static/js")
SUFFIXES = frozenset({".py", ".html", ".txt", ".mo", ".css", ".js"})
SKIPPED = frozenset({"__pycache__", "data", "corpus"})


def code_release(root: Path) -> str:
    if explicit := os.environ.get("RELEASE", "").strip():
        return explicit
    digest = hashlib.sha256()
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if path.suffix in SUFFIXES and not SKIPPED & set(relative.parts) and path.is_file():
                digest.update(relative.as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
