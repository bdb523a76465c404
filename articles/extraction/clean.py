"""Step 1: drop page chrome from a retrieved article, keeping the article's own sentences intact.

Retrieved pages carry site headers, share buttons, "RELATED |" link lines, photo captions and
credits, comment prompts and "Popular in the Community" boxes. The cleaned text is what is stored,
so every span the later steps compute slices it exactly. Cleaning works on whole lines and never
edits inside a kept line: an article's sentence is either kept verbatim or (when it is chrome)
dropped.
"""

from __future__ import annotations

import re
import unicodedata

# Link lines: an all-caps label, then "|" or ":" ("RELATED | ...", "►RELATED: ...", "MORE | ...").
_LINK_LABEL = re.compile(
    r"^\W{0,3}(RELATED|MORE|ALSO|FOLLOW|READ|READ MORE|READ ALSO|SEE ALSO|WATCH|LISTEN|VIDEO"
    r"|PHOTOS?|TRENDING|LATEST|RECOMMENDED|UP NEXT|TOP STORIES|MORE FROM \w+|SIGN UP|SUBSCRIBE|"
    r"ADVERTISEMENT|SPONSORED|DON'T MISS|MUST READ|EXCLUSIVE|WATCH LIVE)\s*[|:]"
)
# Photo credits and captions that end in one.
_CREDIT = re.compile(
    r"^\W{0,3}(photo|image|video|file photo|credit|courtesy|source: getty)\b[^.]{0,80}[:|]"
    r"|^\W{0,3}(photo|image)s? (by|courtesy of)\b"
    r"|^\W{0,3}credits?\s*:"
    r"|(\bvia (reuters|getty images|ap|afp)|/(getty images|ap|reuters|afp)|\bap photo\b[^.]*)\W*$",
    re.IGNORECASE,
)
# Whole lines that are widgets: share buttons, loading placeholders, comment prompts, boxes.
_WIDGET = re.compile(
    r"^\W*("
    r"share( this( article| story)?)?|share on \w+|tweet|e-?mail|print|copy( the)? link|"
    r"facebook|twitter|x|pinterest|linkedin|whatsapp|reddit|pin it on pinterest|"
    r"comments?|\d+ comments?|leave a (comment|reply)|cancel reply|close|menu|search|"
    r"advertisement|sponsored( content)?|skip to (main )?content|breaking news|"
    r"(loading|error)( ?(loading|error))*|loading\W*|"
    r"popular in the community|what's hot|trending( now)?|most (read|popular)|"
    r"you (may|might) also like|recommended( for you)?|related( (stories|articles|coverage))?|"
    r"before you leave, check this out|read\. follow\. share\.|more \(\) »|more|"
    r"sign up for (our|the) \w+( newsletter)?|subscribe( now)?|"
    r"(please )?(enter|leave|post|add) (your|a) (comment|name|email|reply)( here)?\W*|"
    r"\d+"
    r")\W*$",
    re.IGNORECASE,
)
# Link labels in any case: "Read more: ...", "See also: ...", "Related stories:" (a label of
# two words or more, so an article's one-word "More:" sentence is not taken for one).
_LINK_PHRASE = re.compile(
    r"^\W{0,3}(read more|read also|see also|related (stories|articles|coverage|content|links)|"
    r"more (stories|coverage|news)|also read|keep reading|continue reading)\b\s*([|:]|\W*$)",
    re.IGNORECASE,
)
# Page furniture with a fixed shape: bylines, time stamps, copyright notices, breadcrumbs,
# a bare e-mail address, a parenthesised photo credit.
_FURNITURE = re.compile(
    r"^(?:(?:posted )?by:?\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*[,|/]\s*[^.!?]{0,60})?"
    r"|(?:updated|posted|published|last updated|release date|date)\s*:?\s+"
    r"[^.!?]{0,60}?\d[^.!?]{0,40}"
    r"|(?:copyright\s+(?:©\s*)?\d{4}|©|\(c\)\s*\d{4}).*"
    r"|[^.!?]{1,40}(?:\s+[>|»]\s+[^.!?]{1,40}){2,}"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\([^()]*\b(?:photo|image|credit)\b[^()]*\)"
    r")$",
    re.IGNORECASE,
)
_PAREN_CREDIT = re.compile(r"^\([^()]*\b(?:photo|image|credit)\b[^()]*\)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")


def normalise(raw: str) -> str:
    """Unicode NFC, Unix newlines, no trailing spaces, no runs of blank lines."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def is_chrome(line: str) -> bool:
    """A line that belongs to the page, not the article."""
    stripped = line.strip()
    return bool(
        stripped
        and (
            _LINK_LABEL.match(stripped)
            or _LINK_PHRASE.match(stripped)
            or _CREDIT.search(stripped)
            or _WIDGET.match(stripped)
            or _FURNITURE.match(stripped)
        )
    )


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().casefold()


def drop_before_title(lines: list[str], title: str | None) -> list[str]:
    """Site headers and breadcrumbs come before the headline: drop what precedes it."""
    if not title:
        return lines
    wanted = _key(title)
    for index, line in enumerate(lines[:40]):
        if wanted and _key(line) == wanted:
            return lines[index:]
    return lines


def drop_captions(lines: list[str]) -> list[str]:
    """A line directly above a credit line is its photo's caption."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        credit = _CREDIT.search(following.strip()) or _PAREN_CREDIT.match(following.strip())
        if line.strip() and following.strip() and credit:
            continue
        kept.append(line)
    return kept


def drop_repeats(lines: list[str]) -> list[str]:
    """A headline printed twice or thrice in a row is printed once."""
    kept: list[str] = []
    last = None
    for line in lines:
        if line.strip() and _key(line) == last:
            continue
        kept.append(line)
        if line.strip():
            last = _key(line)
    return kept


def drop_trailing_widgets(lines: list[str]) -> list[str]:
    """After the last sentence, short lines without sentence punctuation are page furniture."""
    end = len(lines)
    while end > 0:
        line = lines[end - 1].strip()
        if line and (_SENTENCE_END.search(line) or len(line.split()) > 12):
            break
        end -= 1
    return lines[:end]


def clean(raw: str, *, title: str | None = None) -> str:
    """The article's own text: chrome lines dropped, sentences untouched."""
    lines = normalise(raw).split("\n")
    lines = drop_before_title(lines, title)
    lines = drop_captions(lines)
    lines = [line for line in lines if not is_chrome(line)]
    lines = drop_trailing_widgets(drop_repeats(lines))
    return normalise("\n".join(lines))
