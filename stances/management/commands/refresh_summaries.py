"""Recompute every jurisdiction's precomputed stance and counts: ``manage.py refresh_summaries``.

The services keep summaries current on every write; run this after loading data by other means
(a restore, a bulk import) or after changing the stance rule.
"""

import time

from django.core.management.base import BaseCommand

from stances.models import JurisdictionSummary
from stances.services import summaries


class Command(BaseCommand):
    help = "Recompute every jurisdiction's stance, indicators and counts from its facts."

    def handle(self, *args, **options):
        started = time.perf_counter()
        summaries.refresh_all()
        if options["verbosity"] >= 1:
            count = JurisdictionSummary.objects.count()
            seconds = time.perf_counter() - started
            self.stdout.write(self.style.SUCCESS(f"Refreshed {count} summaries in {seconds:.1f} s"))
