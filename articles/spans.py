"""Finding an editor's words in an article's body.

An editor pastes a quote from a browser or a word processor, where quote marks turn curly, dashes
long and line breaks into spaces. The comparison forgives exactly those differences, and the span
it returns slices the article's own words.
"""

# Each typographic variant and the plain character it is compared as.
_PLAIN = {
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("–—", "-"),
}


def _normalised(text: str) -> tuple[str, list[int]]:
    """``text`` with plain quotes and dashes and each whitespace run as one space, and for each of
    its characters the index in ``text`` it comes from (the first of a whitespace run)."""
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            # Only whitespace becomes a space, so a space before means the run is already there.
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(_PLAIN.get(char, char))
        origins.append(index)
    return "".join(chars), origins


def _short(words: str, limit: int = 80) -> str:
    words = " ".join(words.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def locate_words(body: str, words: str) -> tuple[int, int]:
    """(start, end) of the first occurrence of ``words`` in ``body``, comparing quote marks,
    dashes and whitespace runs in their plain form; ``body[start:end]`` is the article's exact
    words. Raises ValueError when ``words`` is empty or absent."""
    needle = _normalised(words)[0].strip()
    if not needle:
        raise ValueError("Empty text does not occur in the article: give the words to find.")
    haystack, origins = _normalised(body)
    at = haystack.find(needle)
    if at < 0:
        raise ValueError(
            f"“{_short(words)}” does not occur in the article (even allowing for different "
            "quote marks, dashes and spacing): copy the words from the article's text."
        )
    # The needle neither starts nor ends with a space, so its last character maps to exactly one
    # character of the body.
    return origins[at], origins[at + len(needle) - 1] + 1
