"""Demo data: a generated data set of production size and shape, loaded into its own database
for the benchmark (``make demo-data``, or ``python -m bench.demo --help``).

- ``words``: the invented names and phrases;
- ``data``: ``DemoData``, the rows themselves, pure and reproducible from a ``DemoSize``;
- ``schema``: the tables and columns the rows fill;
- ``load``: ``demo_data_generate``, streaming them into a database of their own.

It is not part of the running site: nothing in ``sanctuary``, ``stances`` or ``articles``
imports it.
"""

from __future__ import annotations

import importlib
from typing import Any

# Imported when first asked for: ``python -m bench.demo`` runs this file before ``__main__``
# sets Django up, and ``data`` imports the models.
_WHERE = {
    "DemoData": "data",
    "DemoError": "data",
    "DemoSize": "data",
    "ALIAS": "load",
    "DemoResult": "load",
    "demo_data_generate": "load",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
