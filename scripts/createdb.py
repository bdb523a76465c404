"""Create the PostgreSQL database a URL names, unless it exists: ``python scripts/createdb.py URL``.

For ``make demo-data``: the demo data goes into a database of its own, which may not exist yet.
Connects to the server's ``postgres`` maintenance database with the URL's credentials.
"""

import sys
from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import sql


def main(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit(f"Not a PostgreSQL URL: {url}")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise SystemExit(f"The URL names no database: {url}")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if found:
            print(f"Database {name} exists.")
            return
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Created database {name}.")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.splitlines()[0])
    main(sys.argv[1])
