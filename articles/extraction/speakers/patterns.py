"""The regular expressions the rules read the text with, built once from the names,
titles and organisations vocabularies."""

from __future__ import annotations

import re
from functools import cache

from articles.extraction.speakers.names import NAME, NAME_TOKEN
from articles.extraction.speakers.organisations import (
    AGENCIES,
    AGENCY_PREFIX,
    LOCAL_ORG,
    ORG,
    ORG_SPEECH_VERBS,
    ORG_VOICES,
)
from articles.extraction.speakers.titles import PLACE_KIND_WORDS, ROLE_HEADS, ROLE_NOUNS, TITLES

# Verbs that make the subject in front of them a speaker.
SPEECH_VERBS = (
    "said|says|told|tells|added|adds|stated|states|tweeted|tweets|wrote|writes|explained|"
    "explains|warned|warns|noted|notes|asked|asks|argued|argues|continued|continues|announced|"
    "announces|declared|insisted|replied|responded|acknowledged|emphasized|stressed|confirmed|"
    "denied|posted|remarked|suggested|testified|vowed|urged|claimed|maintained|contended|note"
)


@cache
def patterns() -> dict[str, re.Pattern[str]]:
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
