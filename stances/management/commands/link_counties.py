"""Link cities to the county whose jail holds their arrestees: ``manage.py link_counties``.

The ingestion and the importers link each city they create; run this after loading places by
other means (a restore, the demo data). Only certain links are made: a city lying in exactly one
county of the gazetteer (never one near a county line or spread over several).
"""

from django.core.management.base import BaseCommand

from stances.services.jurisdictions import counties_link


class Command(BaseCommand):
    help = "Link each city with no county to the stored county it certainly lies in."

    def handle(self, *args, **options):
        linked = counties_link()
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"Linked {linked} cities to their county"))
