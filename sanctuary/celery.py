"""The task queue: Celery, on the Redis the deployment already runs (``CELERY_BROKER_URL``).

A worker runs ``celery -A sanctuary.celery worker`` (docker-compose's ``worker`` service). With no
broker configured (``make run`` on a fresh machine) tasks run at once, in the process that asks
(``CELERY_TASK_ALWAYS_EAGER``), so nothing else needs starting.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanctuary.settings")

app = Celery("sanctuary")
app.config_from_object("django.conf:settings", namespace="CELERY")
# The tasks live beside the services they run (imported by name: this module knows no app).
app.conf.imports = ["stances.services.ingestion"]
