"""Write ``.env`` for local use, once: DEBUG on and a generated secret key (``make run`` runs this).

``manage.py`` reads it (django-environ's ``read_env``; the environment wins over the file), so
``manage.py createsuperuser``, ``ingest`` and ``createeditor`` work in a fresh checkout after
``make run``. A deployment never reads it: gunicorn starts from ``sanctuary.wsgi``, and the
settings still refuse to start without a real ``SECRET_KEY`` when DEBUG is off. An existing
``.env`` is left as it is.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

TEMPLATE = """\
# Local development only (written by `make run`; never used by a deployment). Delete to renew.
DEBUG=1
SECRET_KEY={key}
"""


def write(path: Path) -> bool:
    """Write ``path`` unless it exists; True when written."""
    if path.exists():
        return False
    path.write_text(TEMPLATE.format(key=secrets.token_urlsafe(50)))
    path.chmod(0o600)
    return True


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".env")
    print(f"{'wrote' if write(target) else 'kept'} {target}")
