"""The extraction pipeline: cleaned article text in, candidate facts out (``pipeline.extract``).

Small pure functions, no Django. A step that outgrows one module is a package of rooms, each
package's ``__init__`` says which room holds what. The steps, in the order ``pipeline`` runs them:

- ``clean``: page chrome dropped; spans index into the cleaned text.
- ``places/``: the places a text names; ``places/gazetteer.py`` holds the places there are.
- ``speakers/``: who speaks and every reference to them; ``speakers/affiliations.py`` whom each
  one speaks for.
- ``quotes``: quotations and who said them, scored by ``quote_stance``.
- ``declarations``: what a place calls itself.
- ``policies/``: policy actions and the indicators they set.
- ``events``: enforcement events and their counts.
- ``stance``: a statement's stance, read in context.
- ``dates``: dates, and the sentences every step dates its facts by.

Shared by all: ``types`` (the candidates) and ``spans`` (lookups by position). ``data/`` holds
the files the gazetteer and the pronouns read (see its ``README.md``).
"""
