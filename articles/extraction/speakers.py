"""People and organisations who speak in a news article, with every reference to them.

A person enters the list when the prose introduces them the way news does: behind a title
(``Tucson Mayor Ana Ruiz``, ``the district's Mayor Ana Ruiz``), with an appositive (``Ana Ruiz,
policy director for Example Org,``), with an organisation (``Ana Ruiz with Example Org says``) or
as the subject of a speech verb (``Ana Ruiz said``). An organisation enters it when it speaks
(``ICE said``, ``the Tucson Police Department told ...``). Later references (surnames, misspelt
surnames, ``he``/``she``, ``the mayor``, ``the department``) are then resolved to those speakers
in text order and added to ``mentions``. Journalists, outlets, bylines and credits never speak
in this sense, so they are left out.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from articles.extraction.quotes import quote_regions, sentence_starts
from articles.extraction.spans import SpanIndex
from articles.extraction.types import Place, PlaceMention, Speaker

ICE_NAME = "U.S. Immigration and Customs Enforcement"
_MISSPELT_WINDOW = 3000  # characters: how far back a misspelt surname's person was named

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_INITIAL = re.compile(r"[A-Z]\.")
_ENDS_WITH_CONJUNCTION = re.compile(r"\b(?:and|but)$")
_TITLE_GAP = re.compile(r"(?:['’]s)?,? ?(?:D\.C\.,? ?)?")  # "Tucson's Mayor", "D.C., Mayor"
_KIND_POSSESSIVE = re.compile(r"(\w+)['’]s ")
_LEADING_THE = re.compile(r"^[Tt]he ")
_POSSESSIVE = re.compile(r"['’]s\b")

# Verbs that make the subject in front of them a speaker.
SPEECH_VERBS = (
    "said|says|told|tells|added|adds|stated|states|tweeted|tweets|wrote|writes|explained|"
    "explains|warned|warns|noted|notes|asked|asks|argued|argues|continued|continues|announced|"
    "announces|declared|insisted|replied|responded|acknowledged|emphasized|stressed|confirmed|"
    "denied|posted|remarked|suggested|testified|vowed|urged|claimed|maintained|contended|note"
)
UP, LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # letters of names, accented ones included
_NAME_PART = rf"(?:(?:Mc|Mac|De|La|Le|Di|Da|Van|O['’])[{UP}][{LOW}]+|[{UP}][{LOW}]+)"
NAME_TOKEN = rf"(?:{_NAME_PART}(?:-{_NAME_PART})?|[{UP}]\.)"
# A nickname between first name and surname: Jesus "Chuy" Garcia, Wendell ‘Buck’ Harrow.
NICKNAME = rf" [“\"‘'][{UP}][{LOW}]+[”\"’']"
NAME = (
    rf"{NAME_TOKEN}(?:{NICKNAME})?"
    rf"(?: (?:(?:de|del|de la|van|von|da|di|du|bin|al) )?{NAME_TOKEN}){{0,3}}"
)
_NICKNAME = re.compile(NICKNAME)

# Title as written -> role as stored; longest first in the regex so "Police Chief" beats "Chief".
TITLES = {
    "Mayor": "Mayor",
    "Deputy Mayor": "Deputy Mayor",
    "Police Chief": "Police Chief",
    "Chief of Police": "Police Chief",
    "Police Commissioner": "Police Commissioner",
    "Chief": "Chief",
    "County Sheriff": "Sheriff",
    "Sheriff": "Sheriff",
    "U.S. Magistrate Judge": "Magistrate Judge",
    "US Magistrate Judge": "Magistrate Judge",
    "Magistrate Judge": "Magistrate Judge",
    "U.S. District Judge": "District Judge",
    "US District Judge": "District Judge",
    "District Judge": "District Judge",
    "County Judge": "County Judge",
    "Judge": "Judge",
    "Gov.": "Governor",
    "Governor": "Governor",
    "Lt. Gov.": "Lieutenant Governor",
    "Lieutenant Governor": "Lieutenant Governor",
    "Sen.": "Senator",
    "Senator": "Senator",
    "State Sen.": "State Senator",
    "state Sen.": "State Senator",
    "Rep.": "Representative",
    "U.S. Rep.": "Representative",
    "state Rep.": "State Representative",
    "Representative": "Representative",
    "Council member": "Council Member",
    "Councilmember": "Council Member",
    "Council Member": "Council Member",
    "Councilwoman": "Council Member",
    "Councilman": "Council Member",
    "Council President": "Council President",
    "Board President": "Board President",
    "County Board President": "Board President",
    "Attorney General": "Attorney General",
    "President": "President",
    "Vice President": "Vice President",
    "District Attorney": "District Attorney",
    "County Attorney": "County Attorney",
    "City Attorney": "City Attorney",
    "County Commissioner": "Commissioner",
    "Commissioner": "Commissioner",
    "County Executive": "County Executive",
    "Supervisor": "Supervisor",
    "Alderman": "Alderman",
    "Alderwoman": "Alderman",
    "Ald.": "Alderman",
    "Secretary": "Secretary",
    "Homeland Security Secretary": "Secretary of Homeland Security",
    "Attorney": "Attorney",
    "Director": "Director",
    "Deputy Director": "Deputy Director",
    "Acting Director": "Acting Director",
    "Executive Director": "Executive Director",
    "Field Office Director": "Field Office Director",
    "spokesman": "Spokesperson",
    "spokeswoman": "Spokesperson",
    "spokesperson": "Spokesperson",
    "Rev.": "Reverend",
    "Pastor": "Pastor",
    "Bishop": "Bishop",
    "Rabbi": "Rabbi",
    "Imam": "Imam",
    "Secretary of Homeland Security": "Secretary of Homeland Security",
    "U.S. Secretary of Homeland Security": "Secretary of Homeland Security",
    "DHS Secretary": "Secretary of Homeland Security",
    "Border Czar": "Border Czar",
    "border czar": "Border Czar",
    "Press Secretary": "Press Secretary",
    "White House Press Secretary": "Press Secretary",
    "Colonel": "Colonel",
    "Col.": "Colonel",
    "Lt. Col.": "Lieutenant Colonel",
    "Superintendent": "Superintendent",
    "Chairman": "Chairman",
    "Chairwoman": "Chairwoman",
    "Chair": "Chair",
    "Board Chairman": "Board Chairman",
    "Board Chairwoman": "Board Chairwoman",
    "Board Chair": "Board Chair",
    "Commission Chairman": "Commission Chairman",
    "Commission Chair": "Commission Chair",
    "Council Chair": "Council Chair",
    "Council Chairman": "Council Chairman",
    "Council Vice President": "Council Vice President",
    "County Councilman": "Council Member",
    "County Councilwoman": "Council Member",
    "County Council member": "Council Member",
    "County Council Member": "Council Member",
    "City Council member": "Council Member",
    "City Councilman": "Council Member",
    "City Councilwoman": "Council Member",
    "Councilor": "Councilor",
    "City Councilor": "Councilor",
    "City Manager": "City Manager",
    "County Manager": "County Manager",
    "County Administrator": "County Administrator",
    "State Senator": "State Senator",
    "State Rep.": "State Representative",
    "State Representative": "State Representative",
    "state Sen": "State Senator",
    "Assemblyman": "Assembly Member",
    "Assemblywoman": "Assembly Member",
    "Assemblymember": "Assembly Member",
    "Assembly Member": "Assembly Member",
    "Delegate": "Delegate",
    "Del.": "Delegate",
    "Congressman": "Representative",
    "Congresswoman": "Representative",
    "U.S. Sen.": "Senator",
    "U.S. Senator": "Senator",
    "U.S. Representative": "Representative",
    "U.S. Attorney": "U.S. Attorney",
    "US Attorney": "U.S. Attorney",
    "Acting U.S. Attorney": "Acting U.S. Attorney",
    "U.S. Attorney General": "U.S. Attorney General",
    "Solicitor General": "Solicitor General",
    "Secretary of State": "Secretary of State",
    "House Speaker": "House Speaker",
    "Speaker": "Speaker",
    "Majority Leader": "Majority Leader",
    "Minority Leader": "Minority Leader",
    "Public Defender": "Public Defender",
    "Chief Public Defender": "Chief Public Defender",
    "State Attorney": "State Attorney",
    "Undersheriff": "Undersheriff",
    "Chief Deputy": "Chief Deputy",
    "Deputy": "Deputy",
    "Sgt.": "Sergeant",
    "Sergeant": "Sergeant",
    "Lt.": "Lieutenant",
    "Lieutenant": "Lieutenant",
    "Capt.": "Captain",
    "Captain": "Captain",
    "Det.": "Detective",
    "Detective": "Detective",
    "Officer": "Officer",
    "Trooper": "Trooper",
    "Warden": "Warden",
    "Special Agent": "Special Agent",
    "Special Agent in Charge": "Special Agent in Charge",
    "Agent": "Agent",
    "Border Patrol Chief": "Border Patrol Chief",
    "Commander": "Commander",
    "Cmdr.": "Commander",
    "Chief Judge": "Chief Judge",
    "Circuit Judge": "Circuit Judge",
    "Superior Court Judge": "Superior Court Judge",
    "Immigration Judge": "Immigration Judge",
    "Justice": "Justice",
    "Chief Justice": "Chief Justice",
    "Father": "Father",
    "Sister": "Sister",
    "Dr.": "",
    "Mr.": "",
    "Mrs.": "",
    "Ms.": "",
}
# Honorifics and titles that say a person's gender.
GENDERED_WORDS = {
    "Mr.": "m", "Mrs.": "f", "Ms.": "f", "Councilman": "m", "Councilwoman": "f",
    "Alderwoman": "f", "Chairman": "m", "Chairwoman": "f", "Assemblyman": "m",
    "Assemblywoman": "f", "Congressman": "m", "Congresswoman": "f", "spokesman": "m",
    "spokeswoman": "f", "Father": "m", "Sister": "f", "businessman": "m", "businesswoman": "f",
}  # fmt: skip
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
# Capitalised words that end a run of name words: they are not part of a person's name.
_NOT_NAME_WORDS = (
    "The A An In On At This That These Those But And As When While If After Before Since "
    "Under Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Officials Police Federal "
    "City County State Mayor Mayors Post Times Herald Tribune Journal News Press Gazette "
    "Chronicle Globe Reuters Courtesy Credit Photo Department Office Council ICE Here There "
    "It We They He She Related More Also Read Share Follow Later Earlier Meanwhile However "
    "Still Now Then Today Yesterday Instead Last Next Previously Recently Separately Asked "
    "According Both Some Many Several Other Others General Attorney Director Sheriff Governor "
    "Commissioner Commission Board Chairman Chair Supervisor Superintendent Secretary Senator "
    "Representative Judge Court Superior Circuit District Act Law Bill Order Agreement Program "
    "Center Jail Detention Committee Legislature Assembly Senate House Capitol Hall Patrol "
    "Republican Republicans Democrat Democrats Democratic Office's Department's Our Your Their "
    "His Her Its My Under Under When What Why How Who Whose Which Where Not No Yes Is Are Was "
    "Were Will Would Can Could Should Must May Might Do Does Did Has Have Had "
)
NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
# Role nouns in "the mayor said" -> words a speaker's role ends with.
ROLE_NOUNS = {
    "mayor": "mayor",
    "sheriff": "sheriff",
    "chief": "chief",
    "police chief": "police chief",
    "judge": "judge",
    "governor": "governor",
    "senator": "senator",
    "director": "director",
    "commissioner": "commissioner",
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
}
PLACE_KIND_WORDS = {
    "city": "city",
    "county": "county",
    "state": "state",
    "district": "federal_district",
}
ROLE_HEADS = frozenset(
    [
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president",
        "chair",
        "chairman",
        "chairwoman",
        "founder",
        "attorney",
        "lawyer",
        "organizer",
        "coordinator",
        "manager",
        "executive",
        "officer",
        "advocate",
        "member",
        "head",
        "chief",
        "commissioner",
        "secretary",
        "professor",
        "mayor",
        "sheriff",
        "governor",
        "senator",
        "representative",
        "councilman",
        "councilwoman",
        "alderman",
        "judge",
        "leader",
        "pastor",
        "activist",
        "analyst",
        "researcher",
        "fellow",
        "deputy",
        "superintendent",
        "administrator",
        "counsel",
        "partner",
        "owner",
        "minister",
        "resident",
        "agent",
        "volunteer",
        "official",
        "aide",
        "adviser",
        "advisor",
        "spokesperson",
        "staffer",
        "employee",
        "worker",
        "farmer",
        "teacher",
        "principal",
        "student",
        "nurse",
        "doctor",
        "physician",
        "priest",
        "rabbi",
        "imam",
        "bishop",
        "reverend",
        "chaplain",
        "legislator",
        "lawmaker",
        "assemblyman",
        "assemblywoman",
        "delegate",
        "councilor",
        "councilmember",
        "supervisor",
        "marshal",
        "prosecutor",
        "defender",
        "clerk",
        "treasurer",
        "auditor",
        "comptroller",
        "sponsor",
        "author",
        "plaintiff",
        "organiser",
        "trooper",
        "warden",
        "sergeant",
        "lieutenant",
        "captain",
        "detective",
        "commander",
        "economist",
        "professor",
        "scholar",
        "historian",
        "expert",
        "consultant",
        "strategist",
        "specialist",
        "associate",
        "co-founder",
        "cofounder",
        "businessman",
        "businesswoman",
        "mother",
        "father",
        "wife",
        "husband",
        "daughter",
        "son",
        "sister",
        "brother",
        "neighbor",
        "immigrant",
        "chairperson",
        "vice-chair",
        "ceo",
        "cook",
        "landlord",
        "operator",
        "contractor",
        "editor",
        "reporter",
        "columnist",
        "writer",
    ]
)


@dataclass
class _Ref:
    """One reference to a speaker: ``text[start:end]``; ``subject`` if it opens a clause."""

    start: int
    end: int
    speaker: int
    subject: bool


def slugify(value: str) -> str:
    """Lowercase ascii words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def person_key(name: str) -> str:
    """Slug of the name without middle initials: "Paul R. Stone" -> "paul-stone", so one
    person is one record whether or not an article prints the initial."""
    return slugify(" ".join(t for t in name.split() if not _INITIAL.fullmatch(t)))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    titles = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    kinds = "|".join(PLACE_KIND_WORDS)
    agencies = "|".join(f"(?:{p})" for p, _ in AGENCIES)
    return {
        "titled": re.compile(
            rf"(?:\b[Tt]he (?P<kind>{kinds})['’]s )?(?P<agency>{AGENCY_PREFIX})?"
            r"(?:(?P<pre>\b(?:state|county|city|federal|former|acting|interim)) )?"
            rf"(?<![\w.])(?P<title>{titles}) (?P<name>{NAME})(?!\w)"
            rf"(?: of (?:the )?(?P<of>{ORG}))?"
        ),
        "appositive": re.compile(rf"(?<![\w’'.-])(?P<name>{NAME})(?=, )"),
        # "whose spokesman, Adelmo Quiroga, said" / "The group's director, Ana Ruiz, said".
        "role_before": re.compile(
            r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Ww]hose|[Oo]ur|[Mm]y)"
            r"|[\w’']+['’]s) "
            rf"(?P<role>(?:U\.S\. )?(?:[\w-]+ ){{0,3}}?(?:{'|'.join(sorted(ROLE_HEADS))}))"
            r"(?P<where> (?:in|for|at|with|of|from) [\w.’' -]{1,40}?)?, "
            rf"(?P<name>{NAME}),"
        ),
        # Any full name: a person when the text makes them speak by their surname elsewhere.
        "name": re.compile(rf"(?<![\w’'.-])(?P<name>{NAME})(?![\w’'-])"),
        # A surname (or full name) speaking: "Tolliver said", "Ruiz, who ..., told", "said Ruiz".
        "speaking_word": re.compile(
            rf"(?<![\w’'.-])(?P<word>{NAME_TOKEN})(?:,[^,.;“”\"\n]{{1,80}},)? "
            rf"(?:(?:also|later|then) )?(?:{SPEECH_VERBS})\b"
            rf"|(?<=[,”\"] )(?:said|says) (?:(?:{titles}) )?(?P<word2>{NAME_TOKEN})\b"
        ),
        # "Ana Ruiz, 41, who was arrested": news gives a private person's age after the name.
        "aged": re.compile(rf"(?P<name>{NAME}), (?P<age>\d{{1,2}}),"),
        # A full name opening a sentence as the subject of any verb: "Ana Ruiz directs ...".
        "subject": re.compile(rf"(?P<name>{NAME}) (?=[a-z]{{2,}}\b)"),
        "role_first": re.compile(
            rf"\b(?:[Aa]n?|[Tt]he) (?P<role>[a-z][\w-]*(?: [a-z][\w-]*){{0,3}}) (?:for|of|at|with) "
            rf"(?:the )?(?P<org>{ORG}), (?P<name>{NAME}),"
        ),
        "with_org": re.compile(
            rf"(?P<name>{NAME}) (?:with|of|from) (?:the )?(?P<org>{ORG}),? (?:{SPEECH_VERBS})\b"
        ),
        "bare": re.compile(
            rf"(?P<name>{NAME}) (?:(?:also|later|then) )?(?:{SPEECH_VERBS})\b"
            rf"|(?<=[,”\"] )(?:said|says) (?P<name2>{NAME})"
        ),
        "agency": re.compile(rf"(?<![\w-])(?:{agencies})(?![\w-])"),
        "local_org": re.compile(rf"(?<![\w-])(?:[Tt]he )?(?P<org>{LOCAL_ORG})"),
        "speaks": re.compile(
            rf",? (?:{ORG_VOICES})?(?:(?:also|later|then|did|has|had|previously) )?"
            rf"(?:{SPEECH_VERBS}|{ORG_SPEECH_VERBS})\b"
        ),
        # "In a statement, ICE welcomed ...", "a statement from the Tucson Police Department"
        "statement_from": re.compile(
            r"(?:\b[Ii]n an? (?:written |joint )?(?:statement|release|news release|email),"
            r"|\b(?:statement|release|letter|email) (?:from|by)|\baccording to) (?:the )?$"
        ),
        "org_noun": re.compile(
            # "the agency said", or the source of "according to a statement from the agency"
            rf"(?P<source>\b[Aa]ccording to (?:an? |the )?(?:[\w-]+ ){{0,2}}from )?"
            r"\b[Tt]he (?P<noun>police department|sheriff['’]s office|department|office|agency|"
            rf"city|county)(?(source)\b|(?P<verb> (?:(?:also|later|then|did|has|had) )?"
            rf"(?:{SPEECH_VERBS})\b))"
        ),
        # "the mayor said", "the Governor's office said" (a person speaking through staff)
        "role_noun": re.compile(
            rf"\b[Tt]he (?P<noun>(?i:{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))}))\b"
            r"(?!['’]s (?!office|spokes))"
        ),
        "subject_of_speech": re.compile(
            rf"(?: of (?:the )?{ORG})?(?:,[^,.;“”\"\n]{{1,120}},)? (?:(?:also|later|then) )?"
            rf"(?:{SPEECH_VERBS})\b"
        ),
        "belongs": re.compile(r"\b(?:with|of|from|for|at)\s+(?:the\s+)?$"),
        "pronoun": re.compile(r"\b(?:[Hh]e|[Ss]he)\b"),
        "word_verb": re.compile(rf"\b(?P<word>[A-Z][a-z]{{3,}}) (?:{SPEECH_VERBS})\b"),
    }


class _Reader:
    """What the reference rules need to know about one text: quotes, sentences, places."""

    def __init__(self, text: str, places: list[PlaceMention]) -> None:
        self.text = text
        self.index = SpanIndex(places)
        self.places = self.index.items
        self.by_kind = {
            kind: SpanIndex(p for p in self.places if p.place.kind == kind)
            for kind in {p.place.kind for p in self.places}
        }
        self.quotes = [(q.open, q.close) for q in quote_regions(text)]
        self.sentences = sentence_starts(text)
        self._orgs: list[tuple[int, int, str]] | None = None
        self.headlines = [m.span() for m in _LINE.finditer(text) if _is_headline(text, *m.span())]

    def in_headline(self, pos: int) -> bool:
        """Is ``pos`` in a headline (the first line, or a Title Case line with no full stop)?
        A headline is never where a person is introduced: "Kessinger Orders State Patrol"."""
        i = bisect.bisect_right(self.headlines, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.headlines[i][0] <= pos < self.headlines[i][1]

    def orgs(self) -> list[tuple[int, int, str]]:
        """Every named organisation (``_org_mentions``), found once."""
        if self._orgs is None:
            self._orgs = _org_mentions(self)
        return self._orgs

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quotes, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]

    def opens_clause(self, pos: int) -> bool:
        """True when ``pos`` starts a sentence or a clause, where a subject stands."""
        before = self.text[max(0, pos - 40) : pos].rstrip(" \t")
        return (
            not before or before[-1] in '.!?,:;\n”"' or bool(_ENDS_WITH_CONJUNCTION.search(before))
        )

    def place_before(self, start: int) -> PlaceMention | None:
        """The place named right in front of a title: "Tucson Mayor", "Dane County Sheriff"."""
        for p in self.index.starting_in(start - 80, start + 1):  # a gap is a few characters
            gap = self.text[p.end : start]
            if p.end <= start and _TITLE_GAP.fullmatch(gap):
                return p
            if p.start < start < p.end:  # the place takes a word of the title: "Dane County"
                return p
        return None

    def place_inside(self, start: int, end: int) -> Place | None:
        inside = self.index.starting_in(start, end)
        return inside[0].place if inside else None

    def nearest_place(self, pos: int, kind: str) -> Place | None:
        """The latest place of ``kind`` named before ``pos`` ("the city's" -> that city)."""
        index = self.by_kind.get(kind)
        found = index.last_before(pos) if index else None
        return found.place if found else None

    def overlaps_place(self, start: int, end: int) -> bool:
        return bool(self.index.overlapping(start, end))

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentences, pos) - 1


_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"\b[A-Za-z][\w'’]{3,}")
_SMALL_WORDS = frozenset(
    ("with", "from", "into", "onto", "over", "under", "after", "amid", "about", "than")
    + ("that", "this", "near", "upon", "says", "said")
)


def _is_headline(text: str, start: int, end: int) -> bool:
    """The article's first line, or a line in Title Case, when it does not end like a
    sentence: a headline names people in passing, it never introduces one."""
    line = text[start:end].strip()
    if line.endswith((".", "”", '"', ":", ",")) or len(line.split()) > 25:
        return False
    if not text[:start].strip():
        return True
    words = [w for w in _LONG_WORD.findall(line) if w not in _SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@dataclass
class _Intro:
    """A candidate introduction of a person: the name's span and what surrounds it."""

    start: int
    end: int
    name: str
    np_start: int
    role: str = ""
    affiliation: str = ""
    place: Place | None = None
    weak: bool = False  # introduced only by a speech verb: a surname reference if one matches
    gender: str | None = None  # from a gendered title or honorific: "Councilwoman", "Mr."


def _clean_name(name: str) -> str:
    """Drop a nickname ("Jesus 'Chuy' Garcia" is Jesus Garcia), a role word capitalised at
    the start of a sentence ("Partner Kwame Osei") and the capitalised words that end a name
    run but are not name words ("Doe Friday")."""
    tokens = _NICKNAME.sub("", name).split()
    while len(tokens) > 2 and tokens[0].lower() in ROLE_HEADS:
        tokens.pop(0)
    while tokens and (tokens[-1] in NOT_NAME or _INITIAL.fullmatch(tokens[-1])):
        tokens.pop()
    return " ".join(tokens)


def _is_name(name: str) -> bool:
    return bool(name) and not any(t in NOT_NAME for t in name.split())


def _titled_intros(reader: _Reader) -> list[_Intro]:
    """Titled names: "Tucson Mayor Ana Ruiz", "the district's Mayor Ana Ruiz", "Director Ana
    Ruiz of the Department of Corrections", "Colonel Ana Ruiz, superintendent of the State
    Patrol," (the title is the role; the organisation after it the affiliation)."""
    intros = []
    for m in _patterns()["titled"].finditer(reader.text):
        name = _clean_name(m["name"])
        if not name or reader.in_quote(m.start("name")) or reader.in_headline(m.start("name")):
            continue
        if name.split()[0] in TITLES or name.split()[0] in NOT_NAME:
            continue  # "Attorney General's Office": a title, not a name
        before = reader.place_before(m.start("agency") if m["agency"] else m.start("title"))
        place = before.place if before else None
        if m["kind"]:
            place = reader.nearest_place(m.start(), PLACE_KIND_WORDS[m["kind"]])
        role = TITLES[m["title"]]
        pre = m["pre"]
        if pre in ("state", "county", "city", "acting", "interim") and role:
            # "state Representative"
            role = role if role.lower().startswith(pre) else f"{pre.capitalize()} {role}"
        affiliation = ""
        if m["agency"]:
            role = ("Acting " if m["agency"].startswith("Acting") else "") + role
            affiliation = _canonical_org(m["agency"].split()[-1])[0]
        name_end = m.end("name")
        if m["of"]:
            at = reader.place_inside(m.start("of"), m.end("of"))
            if at is not None and at.name == _LEADING_THE.sub("", m["of"]):
                place = place or at  # "Mayor Ana Ruiz of Tucson"
            else:
                affiliation = affiliation or _canonical_org(m["of"])[0]
            name_end = m.end("of")
        found = _appositive(reader, name_end)
        if found is not None:
            apposed_role, org, apposed_place = found
            role = role or apposed_role
            affiliation = affiliation or org
            place = place or apposed_place
        # The noun phrase starts at the place in front of the title: "Tucson Mayor Ana Ruiz".
        np_start = before.start if before and not m["kind"] else m.start()
        end = m.end("name")
        intro = _Intro(m.start("name"), end, name, np_start, role, affiliation, place)
        intro.gender = GENDERED_WORDS.get(m["title"]) or _gender_of_words(
            reader.text[m.end("name") : m.end("name") + 80].split(",")[1:2]
        )
        intros.append(intro)
    return intros


def _gender_of_words(words) -> str | None:
    """The gender a role's words give ("spokeswoman", "businessman"), if any."""
    text = " ".join(words) if isinstance(words, list) else words
    for word in re.findall(r"[\w.]+", text or ""):
        if word in GENDERED_WORDS or word.capitalize() in GENDERED_WORDS:
            return GENDERED_WORDS.get(word) or GENDERED_WORDS[word.capitalize()]
    return None


def _appositive_intros(reader: _Reader) -> list[_Intro]:
    """Appositives: "Ana Ruiz, policy director for Example Org," / "Ana Ruiz, the city's chief,"
    / "Ana Ruiz, the agency's Miami field office director," / "Ana Ruiz, president of the
    Marion County chapter of a national league," (a long title is read to its comma)."""
    intros = []
    for m in _patterns()["appositive"].finditer(reader.text):
        name = _clean_name(m["name"])
        if len(name.split()) < 2 or not _is_name(name) or reader.in_quote(m.start()):
            continue
        if reader.overlaps_place(m.start(), m.end("name")) or reader.in_headline(m.start()):
            continue
        found = _appositive(reader, m.end("name"))
        if found is None:
            continue
        role, org, place = found
        intros.append(_Intro(m.start(), m.end("name"), name, m.start(), role, org, place))
    return intros


# ", the agency's Miami field office director," : an appositive to a name, read to its comma.
_APPOSITIVE = re.compile(
    r", (?P<phrase>(?:[^,.;:“”\"\n]|(?<=\b[A-Z])\.){2,160}?)(?=,|(?<!\b[A-Z])\.(?!\w)|;|$)"
)
_APPOSITIVE_STOP = frozenset(
    ("who", "whose", "which", "that", "was", "is", "were", "are", "has", "had", "have")
    + ("will", "would", "said", "says", "but")
)
_CONNECTORS = frozenset(["of", "and", "for", "on", "the", "de", "del", "la", "&", "at"])


def _appositive(reader: _Reader, pos: int) -> tuple[str, str, Place | None] | None:
    """(role, organisation, place) of the appositive after a name ending at ``pos``, when
    its head (the word before any "of", "for", "with" ...) is a role: "president",
    "director", "attorney" ..."""
    m = _APPOSITIVE.match(reader.text, pos)
    if not m:
        return None
    words = m["phrase"].split()
    place = org = None
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if words and _POSSESSIVE.search(words[0]):
        owner = _POSSESSIVE.sub("", words[0]).lower()
        if owner in PLACE_KIND_WORDS:  # "the city's police chief": the latest city named
            place = reader.nearest_place(m.start(), PLACE_KIND_WORDS[owner])
        elif owner == "agency":  # "the agency's field office director": the latest agency
            agency = _latest_ending_before(
                [o for o in reader.orgs() if _noun_names("agency", o[2])], m.start()
            )
            org = _canonical_org(agency[2])[0] if agency else None
        words = words[1:]
    head = next(
        (i for i, w in enumerate(words[:8]) if w.lower() in ROLE_HEADS or w in _APPOSITIVE_STOP),
        None,
    )
    if head is None or words[head] in _APPOSITIVE_STOP:
        return None
    while head + 1 < len(words) and words[head + 1].lower() in ROLE_HEADS:
        head += 1  # "executive director", "staff attorney", "field office director"
    role_words, rest = words[: head + 1], words[head + 1 :]
    if rest and rest[0] in ("of", "for", "at", "with", "from"):
        obj = rest[1:]
        if obj and obj[0] == "the":
            obj = obj[1:]
        if obj and obj[0][:1].isupper():
            run = []
            for w in obj:
                if w in _APPOSITIVE_STOP or not (w[:1].isupper() or w in _CONNECTORS - {"at"}):
                    break
                run.append(w)
            while run and run[-1] in _CONNECTORS:
                run.pop()
            org_form = " ".join(run)
            start = reader.text.find(org_form, m.start("phrase"), m.end("phrase"))
            at = reader.place_inside(start, start + len(org_form)) if start >= 0 else None
            is_place = at is not None and at.name == _LEADING_THE.sub("", org_form)
            if is_place and place is None:
                place = at  # "Mayor of Tucson"
            else:
                # "ICE's Denver field office", "the DHS press office": the agency itself
                agency = _patterns()["agency"].match(org_form)
                org_form = agency[0] if agency else org_form
                org = org or (_canonical_org(org_form)[0] if org_form else None)
        else:
            tail = []
            for w in rest:
                if w in _APPOSITIVE_STOP:
                    break
                tail.append(w)
            role_words += tail
    role = " ".join(role_words)
    titled = next((v for k, v in TITLES.items() if v and k.lower() == role.lower()), role)
    # "president of the league" is no President of the United States
    role = role if titled in ("President", "Vice President") else titled
    return role, org or "", place


def _aged_intros(reader: _Reader) -> list[_Intro]:
    """A name followed by an age: "Ana Ruiz, 41, who was arrested ..."."""
    intros = []
    for m in _patterns()["aged"].finditer(reader.text):
        name = m["name"]
        if len(name.split()) < 2 or not _is_name(name) or reader.in_quote(m.start()):
            continue
        if reader.overlaps_place(m.start(), m.end("name")):
            continue
        intros.append(_Intro(m.start(), m.end("name"), name, m.start()))
    return intros


def _subject_intros(reader: _Reader) -> list[_Intro]:
    """A full name opening a sentence before any verb ("Ana Ruiz directs the clinic. ...") is a
    person when the text later makes them speak: their surname before a speech verb, or "she
    said" / "he told" within the next few sentences."""
    intros = []
    text = reader.text
    for start in reader.sentences:
        m = _patterns()["subject"].match(text, start)
        if not m:
            continue
        name = _clean_name(m["name"])
        if len(name.split()) < 2 or name != m["name"] or not _is_name(name):
            continue
        if reader.overlaps_place(start, m.end("name")) or reader.in_quote(start):
            continue
        surname = re.escape(name.split()[-1])
        later = text[m.end() : m.end() + 600]
        speaks = re.search(rf"\b{surname} (?:{SPEECH_VERBS})\b", later) or re.search(
            rf"\b(?:he|she) (?:{SPEECH_VERBS})\b", later
        )
        if speaks:
            intros.append(_Intro(start, m.end("name"), name, start))
    return intros


def _role_before_intros(reader: _Reader) -> list[_Intro]:
    """A role, then the name between commas: "whose spokesman, Ana Ruiz, said"."""
    intros = []
    for m in _patterns()["role_before"].finditer(reader.text):
        name = _clean_name(m["name"])
        if len(name.split()) < 2 or not _is_name(name) or reader.in_quote(m.start("name")):
            continue
        if reader.overlaps_place(m.start("name"), m.end("name")):
            continue
        role = m["role"]
        agency = _patterns()["agency"].search(m.group())  # "An ICE spokesman in Boston, ..."
        affiliation = _canonical_org(agency[0])[0] if agency else ""
        role = " ".join(w for w in role.split() if not _patterns()["agency"].fullmatch(w))
        role = next((v for k, v in TITLES.items() if v and k.lower() == role), role)
        intro = _Intro(m.start("name"), m.end("name"), name, m.start("name"), role, affiliation)
        intro.gender = _gender_of_words(role)
        intros.append(intro)
    return intros


def _named_intros(reader: _Reader) -> list[_Intro]:
    """A full name anywhere ("Lupe Carrizales, whose son was held, was there", "Among the
    speakers was Jack Tolliver") is a person when the text elsewhere makes that surname speak
    ("Carrizales said", "said Carrizales"). Weaker than every other introduction."""
    text = reader.text
    speaking: dict[str, int] = {}  # surname -> where it last speaks
    for m in _patterns()["speaking_word"].finditer(text):
        word = m["word"] or m["word2"]
        if word not in NOT_NAME and not reader.in_quote(m.start()):
            speaking[word] = m.start()
    if not speaking:
        return []
    intros = []
    orgs = SpanIndex(_OrgSpan(s, e) for s, e, _ in reader.orgs())
    for m in _patterns()["name"].finditer(text):
        name = _clean_name(m["name"])
        tokens = name.split()
        if len(tokens) < 2 or not _is_name(name) or tokens[-1] not in speaking:
            continue
        if reader.in_quote(m.start()) or reader.in_headline(m.start()):
            continue
        if reader.overlaps_place(m.start(), m.end()) or orgs.overlapping(m.start(), m.end()):
            continue
        if text[max(0, m.start() - 4) : m.start()].lower() == "the ":
            continue  # "the Southern Poverty Law Center": a thing's name
        intros.append(_Intro(m.start(), m.start() + len(m["name"]), name, m.start(), weak=True))
    return intros


@dataclass(frozen=True)
class _OrgSpan:
    start: int
    end: int


def _role_first_intros(reader: _Reader) -> list[_Intro]:
    """Role first: "A spokeswoman for Example Org, Ana Ruiz, said"."""
    intros = []
    for m in _patterns()["role_first"].finditer(reader.text):
        name, role = m["name"], m["role"]
        if len(name.split()) < 2 or not _is_name(name) or role.split()[-1] not in ROLE_HEADS:
            continue
        if reader.in_quote(m.start()):
            continue
        role = next((v for k, v in TITLES.items() if k.lower() == role), role)
        org = _canonical_org(m["org"])[0]
        intros.append(_Intro(m.start("name"), m.end("name"), name, m.start(), role, org))
    return intros


def _org_intros(reader: _Reader) -> list[_Intro]:
    """Name, organisation, speech verb: "Ana Ruiz with Example Org says"."""
    intros = []
    for m in _patterns()["with_org"].finditer(reader.text):
        name = m["name"]
        if len(name.split()) < 2 or not _is_name(name) or not reader.opens_clause(m.start()):
            continue
        if reader.overlaps_place(m.start(), m.end("name")) or reader.in_quote(m.start()):
            continue
        org = _canonical_org(m["org"])[0]
        intros.append(_Intro(m.start(), m.end("name"), name, m.start(), "", org))
    return intros


def _bare_intros(reader: _Reader) -> list[_Intro]:
    """A name before a speech verb opening a clause ("Ana Ruiz said"), or after a quote
    ('"...," said Ana Ruiz')."""
    intros = []
    for m in _patterns()["bare"].finditer(reader.text):
        group = "name" if m["name"] else "name2"
        name, start = m[group], m.start(group)
        while name.split(" ", 1)[0] in NOT_NAME and " " in name:  # "Later Banks said"
            head = name.split(" ", 1)[0]
            name, start = name[len(head) + 1 :], start + len(head) + 1
        if len(name.split()) < 2 or not _is_name(name) or reader.in_quote(start):
            continue
        if reader.overlaps_place(start, start + len(name)):
            continue
        if group == "name" and not reader.opens_clause(start):
            continue
        intros.append(_Intro(start, start + len(name), name, start, weak=True))
    return intros


def _canonical_org(name: str) -> tuple[str, str]:
    """(canonical name, key) of an organisation: federal agencies by their one canonical name
    whatever the form ("ICE", "Immigration and Customs Enforcement"), others as written."""
    name = _LEADING_THE.sub("", name.strip()).rstrip(".")
    for pattern, canonical in _agency_table():
        if pattern.fullmatch(name):
            return canonical
    return name, slugify(name)


@cache
def _agency_table() -> tuple[tuple[re.Pattern[str], tuple[str, str]], ...]:
    return tuple((re.compile(p), c) for p, c in AGENCIES)


class _Cast:
    """The speakers found so far and every reference to them, in text order."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.speakers: list[Speaker] = []
        self.refs: list[_Ref] = []
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
        subject = subject and not _POSSESSIVE.match(text, end)
        # "The law's sponsor, state Rep. Ana Ruiz of Macon, said": the subject of a speech verb.
        subject = subject or bool(_patterns()["subject_of_speech"].match(text, end))
        i = bisect.bisect_right(self.ref_starts, start)
        self.refs.insert(i, _Ref(start, end, index, subject))
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


def _add_people(cast: _Cast) -> None:
    """Introductions in priority order (a title beats an appositive beats a bare verb), then in
    text order so each speaker's first mention is its introduction."""
    reader = cast.reader
    accepted: list[_Intro] = []
    finders = (
        _titled_intros,
        _appositive_intros,
        _role_first_intros,
        _role_before_intros,
        _org_intros,
        _aged_intros,
        _bare_intros,
        _subject_intros,
        _named_intros,
    )
    starts: list[int] = []  # of ``accepted``, kept sorted by start
    for finder in finders:
        for intro in finder(reader):
            if reader.in_headline(intro.start):
                continue
            i = bisect.bisect_left(starts, intro.start)
            if (i and accepted[i - 1].end > intro.start) or (
                i < len(accepted) and accepted[i].start < intro.end
            ):
                continue  # overlaps an introduction found by a stronger rule
            accepted.insert(i, intro)
            starts.insert(i, intro.start)
    for intro in accepted:
        known = cast.person_by_variant(intro.name)
        if known is not None and (intro.weak or len(intro.name.split()) == 1):
            cast.add_ref(intro.start, intro.end, known, intro.np_start)
            continue
        speaker = Speaker(
            person_key(intro.name), intro.name, "person", intro.role, intro.affiliation, intro.place
        )
        index = cast.add(speaker, intro.start, intro.end, intro.np_start)
        gender = intro.gender or _gender_of_words(intro.role)
        if gender:
            cast.gendered.setdefault(index, gender)


def _org_mentions(reader: _Reader) -> list[tuple[int, int, str]]:
    """Every named organisation in the text as (start, end, form), federal agencies first."""
    found: list[tuple[int, int, str]] = []
    for m in _patterns()["agency"].finditer(reader.text):
        found.append((m.start(), m.end(), m[0]))
    agencies = [(s, e) for s, e, _ in found]  # in text order, never overlapping one another
    for m in _patterns()["local_org"].finditer(reader.text):
        i = bisect.bisect_left(agencies, (m.end(), -1))  # the agencies starting before its end
        if not (i and agencies[i - 1][1] > m.start()):
            found.append((m.start(), m.end(), m["org"]))
    return sorted(found)


def _add_organisations(cast: _Cast) -> None:
    """Organisations that speak ("ICE said", "the Tucson Police Department told"), with every
    other mention of them as a reference."""
    reader, text = cast.reader, cast.reader.text
    mentions = [m for m in reader.orgs() if not reader.in_quote(m[0])]
    speaking = set()
    for start, end, form in mentions:
        # "Doe with the Example Org said": the person speaks, not the organisation.
        belongs = _patterns()["belongs"].search(text[max(0, start - 12) : start])
        speaks = _patterns()["speaks"].match(text, end) and not belongs
        speaks = speaks or _patterns()["statement_from"].search(text[max(0, start - 40) : start])
        if speaks and not cast.taken(start, end):
            speaking.add(_canonical_org(form)[1])
    for start, end, form in mentions:
        name, key = _canonical_org(form)
        if key in speaking and not cast.taken(start, end):
            place = reader.place_inside(start, end)
            cast.add(Speaker(key, name, "organisation", place=place), start, end)


def _add_surnames(cast: _Cast) -> None:
    """Later references by surname or any tail of the name ("Lee Banks", "Banks"), only
    after the introduction, never inside quotes, and not where the word names a place unless a
    speech verb follows it ("Mesa said" vs "in Mesa")."""
    reader, text = cast.reader, cast.reader.text
    variants: dict[str, int] = {}
    for i, sp in enumerate(cast.speakers):
        tokens = sp.name.split()
        if sp.kind == "person":
            for k in range(len(tokens)):
                if not _INITIAL.fullmatch(tokens[k]):
                    variants.setdefault(" ".join(tokens[k:]), i)
    if not variants:
        return
    first_of = {index: starts[0] for index, starts in cast.starts_of.items()}
    for start, end in _variant_mentions(text, variants):
        index = variants[text[start:end]]
        if start < first_of[index] or reader.in_quote(start) or cast.taken(start, end):
            continue
        if reader.overlaps_place(start, end) and not _patterns()["speaks"].match(text, end):
            continue
        cast.add_ref(start, end, index)


def _variant_mentions(text: str, variants: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the longest of ``variants`` (tails of names: "Rosa Lee Banks", "Lee Banks",
    "Banks") wherever the text writes one as whole words, found from the name's last word so
    that the work grows with the text, not with the text times the number of names."""
    by_last: dict[str, list[str]] = {}
    for variant in sorted(variants, key=len, reverse=True):
        last = re.findall(r"\w+", variant)
        if last:
            by_last.setdefault(last[-1], []).append(variant)
    found: list[tuple[int, int]] = []
    for m in re.finditer(r"\w+", text):
        for variant in by_last.get(m[0], ()):
            start = m.end() - len(variant)
            if start < 0 or text[start : m.end()] != variant:
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] in "_."):
                continue
            if found and found[-1][1] > start and found[-1][0] <= start:
                break  # inside the previous mention: the leftmost one stands
            while found and found[-1][1] > start:
                found.pop()  # "Lee" of "Ann Lee" inside "Rosa Lee Banks": the longer one
            found.append((start, m.end()))
            break
    return found


def _add_misspelt_surnames(cast: _Cast) -> None:
    """Misspelt surnames ("Ostrowsky said" after "Michaela Ostrowski"): an unknown capitalised
    word before a speech verb, close (difflib ratio >= 0.8) to a known surname, is that person."""
    surnames = {sp.name.split()[-1]: i for i, sp in enumerate(cast.speakers) if sp.kind == "person"}
    for m in _patterns()["word_verb"].finditer(cast.reader.text):
        word = m["word"]
        if word in surnames or word in NOT_NAME or cast.taken(m.start(), m.end("word")):
            continue
        if cast.reader.in_quote(m.start()):
            continue
        # A misspelling repeats a name the reader has just read: compare with the people
        # referred to in the last few paragraphs only.
        recent = cast.refs[cast.before(m.start() - _MISSPELT_WINDOW) : cast.before(m.start())]
        near = {cast.speakers[r.speaker].name.split()[-1]: r.speaker for r in recent}
        near = {name: i for name, i in near.items() if cast.speakers[i].kind == "person"}
        close = difflib.get_close_matches(word, list(near), n=1, cutoff=0.8)
        if close:
            cast.add_ref(m.start(), m.end("word"), near[close[0]])


def _add_role_nouns(cast: _Cast) -> None:
    """Role nouns: "the mayor said" -> the latest speaker whose role ends with that noun."""
    holders: dict[str, list[int]] = {}  # role noun -> the speakers whose role ends with it
    for m in _patterns()["role_noun"].finditer(cast.reader.text):
        if cast.reader.in_quote(m.start()) or cast.taken(*m.span()):
            continue
        noun = ROLE_NOUNS[m["noun"].lower()]
        if noun not in holders:
            holders[noun] = [
                i for i, s in enumerate(cast.speakers) if s.role.lower().endswith(noun)
            ]
        index = cast.latest(m.start(), holders[noun])
        if index is not None:
            cast.add_ref(m.start(), m.end(), index)


def _add_org_nouns(cast: _Cast) -> None:
    """Organisation nouns: "the department said" -> the latest organisation so named; "the
    agency said" -> the latest federal agency; "the city said" -> the latest city's government."""
    reader = cast.reader
    orgs = [o for o in reader.orgs() if not reader.in_quote(o[0])]
    by_noun: dict[str, list[tuple[int, int, str]]] = {}
    for m in _patterns()["org_noun"].finditer(reader.text):
        noun, span = (
            m["noun"].lower().replace("’", "'"),
            (m.start("noun") - 4, m.end("noun")),
        )
        if reader.in_quote(m.start()) or cast.taken(*span):
            continue
        if m["verb"] and not reader.opens_clause(m.start()):
            continue  # "people the agency has asked about": a relative clause, not speech
        if noun in PLACE_KIND_WORDS:
            place = reader.nearest_place(m.start(), PLACE_KIND_WORDS[noun])
            if place is not None:
                name = f"City of {place.name}" if noun == "city" else place.name
                key = slugify(f"{name} {place.state}")
                cast.add(Speaker(key, name, "organisation", place=place), *span)
            continue
        if noun not in by_noun:
            by_noun[noun] = [o for o in orgs if _noun_names(noun, o[2])]
        named = _latest_ending_before(by_noun[noun], m.start())
        if named is not None:
            start, end, form = named
            name, key = _canonical_org(form)
            place = reader.place_inside(start, end)
            index = cast.add(Speaker(key, name, "organisation", place=place), start, end)
            cast.add_ref(*span, index)


def _noun_names(noun: str, form: str) -> bool:
    """Can ``noun`` stand for the organisation named ``form``: "agency" for a federal agency,
    "department" for a name with "Department" in it, and so on."""
    if noun == "agency":
        return _canonical_org(form)[1] in {key for _, (_, key) in AGENCIES}
    return noun in form.lower().replace("’", "'")


def _latest_ending_before(
    orgs: list[tuple[int, int, str]], pos: int
) -> tuple[int, int, str] | None:
    """The latest of ``orgs`` (sorted by start) that ends at or before ``pos``."""
    for i in range(bisect.bisect_left(orgs, (pos,)) - 1, -1, -1):
        if orgs[i][1] <= pos:
            return orgs[i]
    return None


@cache
def first_name_genders() -> dict[str, str]:
    """First name -> "m" or "f" (``data/first_names.csv``): only a default, see ``_genders``."""
    with (Path(__file__).resolve().parent / "data" / "first_names.csv").open(encoding="utf-8") as f:
        return {row["name"]: row["gender"] for row in csv.DictReader(f)}


_PRONOUN_REACH = 3000  # characters before the pronoun's window where an antecedent may stand
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
# "Ana Ruiz, president of the league, said her group ...": the speaker's own pronoun.
_OWN_PRONOUN = re.compile(
    rf"[^.!?“”\"\n]{{0,160}}?\b(?:{SPEECH_VERBS})\s+(?:[\w ]{{1,30}}?\s+)?(?:that\s+)?"
    r"(?P<pronoun>he|she|his|her)\b"
)


def _genders(cast: _Cast) -> dict[int, str]:
    """What the article says about each person's gender: a gendered title or honorific
    ("Councilwoman", "Mr."), the pronoun a person uses of themselves right after being named
    ("Ana Ruiz ... said her group"), else the first name's usual gender."""
    found: dict[int, str] = {}
    names = first_name_genders()
    text = cast.reader.text
    for index, speaker in enumerate(cast.speakers):
        if speaker.kind != "person":
            continue
        gender = cast.gendered.get(index)
        if gender is None:
            first = cast.starts_of.get(index, [None])[0]
            end = cast.refs[cast.before(first)].end if first is not None else None
            own = _OWN_PRONOUN.match(text, end) if end is not None else None
            between = own and cast.before(own.start("pronoun")) - cast.before(end)
            if own and not between:
                gender = _PRONOUN_GENDER[own["pronoun"]]
        if gender is None:
            gender = names.get(speaker.name.split()[0])
        if gender:
            found[index] = gender
    return found


def _add_pronouns(cast: _Cast) -> None:
    """Pronouns: "he"/"she" outside quotes -> the nearest compatible antecedent: the latest
    person named in this or the two sentences before whose gender does not contradict the
    pronoun, a sentence subject first; else the latest compatible person named at all. A
    person's gender is what the article says (``_genders``) or, once a pronoun has been given
    to them, that pronoun's."""
    reader = cast.reader
    genders = _genders(cast)
    for m in _patterns()["pronoun"].finditer(reader.text):
        if reader.in_quote(m.start()) or cast.taken(*m.span()):
            continue
        wanted = _PRONOUN_GENDER[m[0].lower()]

        def fits(ref: _Ref, wanted: str = wanted) -> bool:
            speaker = cast.speakers[ref.speaker]
            return speaker.kind == "person" and genders.get(ref.speaker, wanted) == wanted

        first = reader.sentences[max(0, reader.sentence_index(m.start()) - 2)]
        near = []  # references to compatible people in this and the two sentences before
        chosen = None
        for i in range(cast.before(m.start()) - 1, -1, -1):
            ref = cast.refs[i]
            if ref.start < first:
                if ref.start < first - _PRONOUN_REACH:
                    break
                if chosen is None and fits(ref):
                    chosen = ref.speaker  # the latest compatible person named at all
                if chosen is not None or near:
                    break
                continue
            if fits(ref):
                near.append(ref)
        subjects = [r for r in near if r.subject]
        if subjects or near:
            chosen = (subjects or near)[0].speaker
        # "... drew criticism from Ana Ruiz, a spokeswoman for the union. She said ...": a
        # person introduced in the sentence just before is who the next pronoun is about.
        if near and cast.starts_of[near[0].speaker][0] == near[0].start:
            previous = reader.sentences[max(0, reader.sentence_index(m.start()) - 1)]
            if near[0].start >= previous:
                chosen = near[0].speaker
        if chosen is not None:
            cast.add_ref(m.start(), m.end(), chosen)
            genders.setdefault(chosen, wanted)


def find_speakers(text: str, places: list[PlaceMention]) -> list[Speaker]:
    """The people and organisations that are named or speak in ``text``, each with the spans
    of every reference to it (introduction first), in order of first mention."""
    cast = _Cast(_Reader(text, places))
    _add_people(cast)
    _add_organisations(cast)
    _add_surnames(cast)
    _add_misspelt_surnames(cast)
    _add_role_nouns(cast)
    _add_org_nouns(cast)
    _add_pronouns(cast)
    for ref in cast.refs:
        cast.speakers[ref.speaker].mentions.append((ref.start, ref.end))
    return sorted(cast.speakers, key=lambda s: s.mentions[0])
