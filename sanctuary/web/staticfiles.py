"""Serve plotly.js from the installed plotly package, not from a copy committed to the repo."""

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
STATIC_PATH = "vendor/plotly.min.js"


class PlotlyJsFinder(BaseFinder):
    """Finds ``vendor/plotly.min.js`` (for runserver, whitenoise and collectstatic)."""

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path != STATIC_PATH:
            return []
        return [str(PLOTLY_JS)] if find_all else str(PLOTLY_JS)

    def list(self, ignore_patterns):
        storage = FileSystemStorage(location=str(PLOTLY_JS.parent))
        storage.prefix = "vendor"  # collectstatic writes it to <STATIC_ROOT>/vendor/
        yield PLOTLY_JS.name, storage
