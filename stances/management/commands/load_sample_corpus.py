"""Load the sample corpus (``articles/corpus/``) into a fresh database; ``make run`` calls it."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.files import SAMPLE_CORPUS
from articles.models import Article


class Command(BaseCommand):
    help = "Ingest the sample corpus when the database has no articles yet; otherwise do nothing."

    def handle(self, *args, **options):
        if Article.objects.exists():
            if options["verbosity"] >= 1:
                self.stdout.write("Articles already loaded; the sample corpus is not re-ingested.")
            return
        call_command(
            "ingest", str(SAMPLE_CORPUS), verbosity=options["verbosity"], stdout=self.stdout
        )
