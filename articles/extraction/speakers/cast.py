"""The speakers found so far and every reference to them, in text order."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from articles.extraction.speakers.names import POSSESSIVE
from articles.extraction.speakers.patterns import patterns
from articles.extraction.speakers.reader import Reader
from articles.extraction.types import Speaker


@dataclass
class Ref:
    """One reference to a speaker: ``text[start:end]``; ``subject`` if it opens a clause."""

    start: int
    end: int
    speaker: int
    subject: bool


class Cast:
    """The speakers found so far and every reference to them, in text order."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.speakers: list[Speaker] = []
        self.refs: list[Ref] = []
        self.ref_starts: list[int] = []
        self.longest_ref = 0
        self.by_key: dict[str, int] = {}
        self.by_name_tail: dict[str, int] = {}  # "Lee Banks", "Banks" -> Rosa Lee Banks
        self.starts_of: dict[int, list[int]] = {}  # speaker -> starts of its references
        self.gendered: dict[int, str] = {}  # speaker -> "m" / "f" from a title or honorific

    def taken(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self.ref_starts, start - self.longest_ref)
        hi = bisect.bisect_left(self.ref_starts, end)
        return any(r.end > start for r in self.refs[lo:hi])

    def before(self, pos: int) -> int:
        """How many references start before ``pos``."""
        return bisect.bisect_left(self.ref_starts, pos)

    def add_ref(self, start: int, end: int, index: int, np_start: int | None = None) -> None:
        text = self.reader.text
        subject = self.reader.opens_clause(start if np_start is None else np_start)
        subject = subject and not POSSESSIVE.match(text, end)
        # "The law's sponsor, state Rep. Ana Ruiz of Macon, said": the subject of a speech verb.
        subject = subject or bool(patterns()["subject_of_speech"].match(text, end))
        i = bisect.bisect_right(self.ref_starts, start)
        self.refs.insert(i, Ref(start, end, index, subject))
        self.ref_starts.insert(i, start)
        self.longest_ref = max(self.longest_ref, end - start)
        bisect.insort(self.starts_of.setdefault(index, []), start)

    def add(self, speaker: Speaker, start: int, end: int, np_start: int | None = None) -> int:
        """Add (or merge into the same key) a speaker introduced at ``text[start:end]``."""
        index = self.by_key.get(speaker.key)
        if index is None:
            index = self.by_key[speaker.key] = len(self.speakers)
            self.speakers.append(speaker)
            if speaker.kind == "person":
                tokens = speaker.name.split()
                for k in range(len(tokens)):
                    self.by_name_tail.setdefault(" ".join(tokens[k:]), index)
        else:
            known = self.speakers[index]
            known.role = known.role or speaker.role
            known.affiliation = known.affiliation or speaker.affiliation
            known.place = known.place or speaker.place
        if not self.taken(start, end):
            self.add_ref(start, end, index, np_start)
        return index

    def person_by_variant(self, name: str) -> int | None:
        """The person whose name ends with ``name`` ("Lee Banks" -> Rosa Lee Banks)."""
        return self.by_name_tail.get(name)

    def latest(self, pos: int, candidates: Iterable[int]) -> int | None:
        """Of the speakers ``candidates`` (indices), the one referred to latest before ``pos``."""
        best, best_start = None, -1
        for index in candidates:
            starts = self.starts_of.get(index, [])
            i = bisect.bisect_left(starts, pos)
            if i and starts[i - 1] > best_start:
                best, best_start = index, starts[i - 1]
        return best

    def latest_person(self, pos: int) -> int | None:
        """The person referred to latest before ``pos``."""
        for i in range(self.before(pos) - 1, -1, -1):
            if self.speakers[self.refs[i].speaker].kind == "person":
                return self.refs[i].speaker
        return None
