"""Fill a database of its own with generated demo data: ``manage.py generate_demo_data``.

Writes into the database at ``--database-url`` (or ``$DEMO_DATABASE_URL``), never into the
configured default database, and never into one that already has data unless ``--replace``.
The default sizes are production-like (a million statements); smaller ones load in seconds.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from stances.demo import DemoError, DemoSize, demo_data_generate


class Command(BaseCommand):
    help = (
        "Generate realistic demo data (real places, invented people and articles) into the "
        "database at --database-url, which must not be the default database."
    )

    def add_arguments(self, parser):
        sizes = DemoSize()
        for name in ("jurisdictions", "officials", "statements", "policies", "events", "articles"):
            parser.add_argument(f"--{name}", type=int, default=getattr(sizes, name))
        parser.add_argument("--seed", type=int, default=sizes.seed)
        parser.add_argument(
            "--database-url",
            default=os.environ.get("DEMO_DATABASE_URL"),
            help="The target database (default: $DEMO_DATABASE_URL).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Empty the target's facts, articles, officials and jurisdictions first.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the target and stop; write nothing."
        )

    def handle(self, *args, **options):
        if not options["database_url"]:
            raise CommandError("Give --database-url (or set DEMO_DATABASE_URL).")
        size = DemoSize(
            **{
                name: options[name]
                for name in ("jurisdictions", "officials", "statements", "policies", "events")
                + ("articles", "seed")
            }
        )
        verbosity = options["verbosity"]
        try:
            result = demo_data_generate(
                database_url=options["database_url"],
                size=size,
                replace=options["replace"],
                dry_run=options["dry_run"],
                verbosity=verbosity,
                progress=self.stdout.write if verbosity >= 2 else None,
            )
        except DemoError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(result.summary()))
