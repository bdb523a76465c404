"""Demo data: a generated data set of production size and shape, loaded into its own database
for the benchmark (``make demo-data``, or ``python -m bench.demo --help``).

- ``words``: the invented names and phrases;
- ``data``: ``DemoData``, the rows themselves, pure and reproducible from a ``DemoSize``;
- ``schema``: the tables and columns the rows fill;
- ``load``: ``demo_data_generate``, streaming them into a database of their own.

It is not part of the running site: nothing in ``sanctuary``, ``stances`` or ``articles``
imports it.
"""

from .data import DemoData, DemoError, DemoSize
from .load import ALIAS, DemoResult, demo_data_generate

__all__ = ["ALIAS", "DemoData", "DemoError", "DemoResult", "DemoSize", "demo_data_generate"]
