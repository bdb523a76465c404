"""What an organisation's name looks like, and its one canonical name: the federal
agencies whatever the form ("ICE", "Immigration and Customs Enforcement"), others as
written."""

from __future__ import annotations

import bisect
import re
from functools import cache

from articles.extraction.speakers.names import slugify

ICE_NAME = "U.S. Immigration and Customs Enforcement"

# Federal agencies: pattern -> (canonical name, key). Each of these speaks as one body.
AGENCIES = (
    (
        r"(?:U\.?S\.? )?Immigrations? and Customs Enforcement(?: \(ICE\))?|ICE",
        (ICE_NAME, "ice"),
    ),
    (
        r"(?:U\.S\. )?Department of Homeland Security(?: \(DHS\))?|DHS",
        ("U.S. Department of Homeland Security", "dhs"),
    ),
    (
        r"(?:U\.S\. )?Customs and Border Protection(?: \(CBP\))?|CBP",
        ("U.S. Customs and Border Protection", "cbp"),
    ),
    (
        r"(?:U\.S\. )?Department of Justice(?: \(DOJ\))?|Justice Department|DOJ",
        ("U.S. Department of Justice", "doj"),
    ),
    (r"White House", ("White House", "white-house")),
)
AGENCY_PREFIX = r"(?:Acting )?(?:ICE|DHS|CBP|USCIS|FBI) "
ORG_HEADS = (
    "Police Department|Sheriff['’]s Office|Sheriff['’]s Department|Department|Office|Council|"
    "Commission|Agency|Bureau|Board of Supervisors|Project|Center|Coalition|Union|Alliance|"
    "Association|Network|Fund|Foundation|Committee|Institute|Initiative|Services|Federation"
)
ORG_WORD = r"[A-Z][\w'’.&-]*"
ORG = rf"{ORG_WORD}(?: (?:(?:of|and|for|on|the|de) )*{ORG_WORD}){{0,7}}"
ORG_COMPLEMENT = rf" (?:of|for) (?:the )?{ORG_WORD}(?: (?:and )?{ORG_WORD}){{0,3}}"
# "Tucson Police Department", "Border Rights Project", "Office of Immigrant Affairs".
LOCAL_ORG = (
    rf"(?:(?:{ORG_WORD} (?:(?:and|&) )?){{1,5}}(?:{ORG_HEADS})(?:{ORG_COMPLEMENT})?"
    rf"|(?:{ORG_HEADS}){ORG_COMPLEMENT})"
)
# What an organisation does when it speaks, besides saying: "ICE welcomed the order".
ORG_SPEECH_VERBS = (
    "welcomed|praised|criticized|criticised|condemned|denounced|applauded|defended|blasted|"
    "called|issued|released|replied|disputed|rejected|declined to comment|did not respond"
)
# Between an organisation and its verb: "ICE officials said", "an ICE spokesman told".
ORG_VOICES = r"(?:officials?|spokes(?:man|woman|person)|representatives?|leaders?) "

LEADING_THE = re.compile(r"^[Tt]he ")


def canonical_org(name: str) -> tuple[str, str]:
    """(canonical name, key) of an organisation: federal agencies by their one canonical name
    whatever the form ("ICE", "Immigration and Customs Enforcement"), others as written."""
    name = LEADING_THE.sub("", name.strip()).rstrip(".")
    for pattern, canonical in _agency_table():
        if pattern.fullmatch(name):
            return canonical
    return name, slugify(name)


@cache
def _agency_table() -> tuple[tuple[re.Pattern[str], tuple[str, str]], ...]:
    return tuple((re.compile(p), c) for p, c in AGENCIES)


def noun_names(noun: str, form: str) -> bool:
    """Can ``noun`` stand for the organisation named ``form``: "agency" for a federal agency,
    "department" for a name with "Department" in it, and so on."""
    if noun == "agency":
        return canonical_org(form)[1] in {key for _, (_, key) in AGENCIES}
    return noun in form.lower().replace("’", "'")


def latest_ending_before(orgs: list[tuple[int, int, str]], pos: int) -> tuple[int, int, str] | None:
    """The latest of ``orgs`` (sorted by start) that ends at or before ``pos``."""
    for i in range(bisect.bisect_left(orgs, (pos,)) - 1, -1, -1):
        if orgs[i][1] <= pos:
            return orgs[i]
    return None
