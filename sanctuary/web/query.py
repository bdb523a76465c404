"""Which query parameters a view reads, recorded, so that a stored answer is keyed by those
alone: ``?utm_source=1`` .. ``?utm_source=2000`` are one answer, not two thousand (issue 19).

A view is deterministic in what it reads: two requests that agree on every parameter the first
one read (and on whether and how many parameters there were, when it asked) take the same path
through the view and get the same answer. ``RecordingQueryDict`` replaces ``request.GET`` while
a view makes an answer to store, and notes every parameter looked at (``get``, ``getlist``,
``in``, ``[]``) and whether they were all looked at (iteration, ``copy``, ``urlencode``), in
which case the whole query string keys the answer, as before.
"""

from __future__ import annotations

from django.http import QueryDict

COUNT = "#count"  # the view asked how many parameters there are (``len``, ``bool``)
ALL = "#all"  # the view looked at every parameter


class RecordingQueryDict(QueryDict):
    def __init__(self, query_string: str, encoding: str | None = None) -> None:
        self.read: set[str] = set()
        super().__init__(query_string, encoding=encoding)
        self.read = set()  # construction looked at keys: count from here

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def _getlist(self, key, *args, **kwargs):
        self.read.add(key)
        return super()._getlist(key, *args, **kwargs)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def __len__(self):
        self.read.add(COUNT)
        return super().__len__()

    def _all(self):
        self.read.add(ALL)

    def __iter__(self):
        self._all()
        return super().__iter__()

    def keys(self):
        self._all()
        return super().keys()

    def values(self):
        self._all()
        return super().values()

    def items(self):
        self._all()
        return super().items()

    def lists(self):
        self._all()
        return super().lists()

    def dict(self):
        self._all()
        return super().dict()

    def urlencode(self, safe=None):
        self._all()
        return super().urlencode(safe)

    def copy(self):
        self._all()
        return super().copy()

    def __copy__(self):
        self._all()
        return super().__copy__()

    def __deepcopy__(self, memo):
        self._all()
        return super().__deepcopy__(memo)


def read_values(query: QueryDict, names: frozenset[str]) -> str:
    """What of ``query`` the names cover, as text for a cache key: each name's values (absent
    as none), the number of parameters when the view asked, the whole query when it read all."""
    if ALL in names:
        return "all:" + QueryDict.urlencode(query)
    parts = [f"{name}={QueryDict.getlist(query, name)!r}" for name in sorted(names - {COUNT})]
    if COUNT in names:
        parts.append(f"{COUNT}={QueryDict.__len__(query)}")
    return "&".join(parts)


def kept(query: QueryDict, names) -> QueryDict:
    """Only these parameters of ``query`` (for links that keep a page's filters, not junk)."""
    result = QueryDict(mutable=True)
    for name in names:
        values = query.getlist(name)
        if values:
            result.setlist(name, values)
    return result
