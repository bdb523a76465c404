"""The WSGI application (``sanctuary.wsgi:application``), as gunicorn serves it.

Each worker loads the whole project here, before its first request (the URLconf imports every
view, serializer and model), then freezes what it loaded out of the garbage collector's reach:
``gc.freeze()`` moves the objects alive now to a permanent generation, so the full collections a
request's thousands of model instances trigger no longer walk every module, class and function of
Django with them. Measured on the benchmark's data: an uncached jurisdictions page 88 ms at p95
in one process before, 33 ms after (README, Performance).
"""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanctuary.settings")

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - imports the URLconf, and with it every view
gc.freeze()
