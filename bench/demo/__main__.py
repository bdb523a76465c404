"""Fill a database of its own with generated demo data: ``python -m bench.demo``.

Writes into the database at ``--database-url`` (or ``$DEMO_DATABASE_URL``), never into the
configured default database, and never into one that already has data unless ``--replace``.
The default sizes are production-like (a million statements); smaller ones load in seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SIZES = ("jurisdictions", "officials", "statements", "policies", "events", "articles")


def parser() -> argparse.ArgumentParser:
    from .data import DemoSize

    sizes = DemoSize()
    parser = argparse.ArgumentParser(
        prog="python -m bench.demo",
        description="Generate realistic demo data (real places, invented people and articles) "
        "into the database at --database-url, which must not be the default database.",
    )
    for name in SIZES:
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
    parser.add_argument("-v", "--verbosity", type=int, default=1, choices=[0, 1, 2])
    return parser


def generate(argv: list[str] | None = None, out=None) -> None:
    """Parse the arguments and generate; a ``DemoError`` says what is wrong."""
    from .data import DemoError, DemoSize
    from .load import demo_data_generate

    out = out or sys.stdout
    options = parser().parse_args(argv)
    if not options.database_url:
        raise DemoError("Give --database-url (or set DEMO_DATABASE_URL).")
    size = DemoSize(**{name: getattr(options, name) for name in (*SIZES, "seed")})
    result = demo_data_generate(
        database_url=options.database_url,
        size=size,
        replace=options.replace,
        dry_run=options.dry_run,
        verbosity=options.verbosity,
        progress=(lambda line: print(line, file=out)) if options.verbosity >= 2 else None,
    )
    if options.verbosity >= 1:
        print(result.summary(), file=out)


def main(argv: list[str] | None = None) -> int:
    from .data import DemoError

    try:
        generate(argv)
    except DemoError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanctuary.settings")
    import django

    django.setup()
    sys.exit(main())
