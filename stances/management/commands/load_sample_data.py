"""Load the sample data into a fresh database: the sample articles (``articles/corpus/``) and the
latest snapshot of each of ICE's 287(g) lists (``articles/datasets/data/ice-287g/``), so a fresh
clone shows hundreds of places with evidence. ``make run`` calls it."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.models import Article
from stances.services.importers.ice_287g import import_order

ICE_287G_DATA = Path(__file__).resolve().parents[3] / "articles" / "datasets" / "data" / "ice-287g"


def latest_snapshots(folder: Path = ICE_287G_DATA) -> list[Path]:
    """The latest file of each list (participating, pending) shipped with the project."""
    lists = sorted(path for path in folder.iterdir() if path.is_dir())
    return [max(path.glob("*.xlsx"), key=import_order) for path in lists]


class Command(BaseCommand):
    help = (
        "On a database with no sources yet, ingest the sample corpus and import the latest "
        "snapshot of each of ICE's 287(g) lists; otherwise do nothing."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        if Article.objects.exists():
            if verbosity >= 1:
                self.stdout.write("Sources already loaded; the sample data is not loaded again.")
            return
        call_command("load_sample_corpus", verbosity=verbosity, stdout=self.stdout)
        files = [str(path) for path in latest_snapshots()]
        call_command("import_287g", *files, verbosity=verbosity, stdout=self.stdout)
