"""Official datasets read as sources of evidence: pure functions, no database.

One module per external source (``ice_287g``: ICE's 287(g) lists), beside the helpers they share:

- ``xlsx``: a worksheet read as a table whose columns are found by their header names;
- ``ice_287g``: ``read_snapshot`` -> ``Snapshot`` of ``Row`` values (normalised fields, notes,
  rejections), ``snapshot_text`` (the stored line-per-row text and each row's span),
  ``snapshot_report``, ``agreement_key``;
- ``agencies``: ``resolve_agency`` -> ``Resolution`` (county, city, state or none, with why);
- ``places``: counties and towns looked up by the names ICE writes (``data/us_towns.csv``);
- ``matching``: ``match_rows`` pairs a later snapshot's rows with the earlier rows they continue;
- ``names``: name keys and edit distance.

The Django import service stores what these return; the data and its provenance are in
``data/`` (``data/README.md``, ``data/ice-287g/PROVENANCE.md``).
"""
