"""Shared by the pipeline tests: place mentions built by hand, as the places step would."""

from articles.extraction.types import Place, PlaceMention


def mentions_of(text: str, places: dict[str, Place]) -> list[PlaceMention]:
    """A PlaceMention for each occurrence of each named place, sorted by position."""
    found = []
    for name, place in places.items():
        start = text.find(name)
        while start != -1:
            found.append(PlaceMention(start, start + len(name), place))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda m: m.start)
