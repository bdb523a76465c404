"""The stance of a quotation toward cooperating with ICE, from its words.

A transparent lexicon rule, so an editor can see why a quote was scored as it was.
"""

from __future__ import annotations

import re
from functools import cache

from articles.extraction.types import Speaker

# Words that ask for, or describe, cooperation with immigration enforcement.
COOPERATE = (
    r"cooperat\w*|comply\w*|complie\w*|honou?r\w*|hold\w*|held|detain\w*|assist\w*|"
    r"participat\w*|enforc\w*|work(?:ing)? with|accept\w*|help\w*|complicit|support|turn over|"
    r"ask\w* (?:about|for) (?:\w+ ){0,2}status"
)
# "n't" closes its word ("won't", "don't"): the word before it is part of the negation.
NEGATION = (
    r"not|no longer|never|\w*n['’]t|refus\w* to|stop\w*|end(?:s|ed|ing)?|decline\w* to|cease\w*"
)
# (pattern, weight): cues that a quote argues against cooperation.
AGAINST_CUES = (
    (r"\b(?:sanctuary|welcoming|inclusive)\b", 1),
    (
        r"\b(?:protect\w*|support\w*|stand\w*(?: up)? (?:for|with|by))\b[^.]{0,40}?"
        r"\b(?:immigrant|resident|neighbor|famil|communit)",
        2,
    ),
    (
        r"\b(?:cruel\w*|inhumane|unconscionable|misery|terror\w*|horrif\w*|disturb\w*|"
        r"outrage\w*|shame\w*|disgrace\w*|un-?american|heartless)\b",
        1,
    ),
    (
        r"\bfear\b|\bfamil\w* separat\w*|\bseparat\w* \w* ?famil\w*|\bround-?ups?\b|"
        r"\bsecret raids?\b",
        1,
    ),
    (r"\bdignity\b|\bcivil rights\b|\bdue process\b", 1),
    (
        r"\b(?:denounc\w*|condemn\w*|criticiz\w*|decr(?:y|ied|ies))\b[^.]{0,40}?"
        r"\b(?:raids?|sweeps?|deportations?|round-?ups?|ICE)\b",
        1,
    ),
    (
        r"\bend(?:s|ed|ing)? (?:our|the|its|all) (?:relationship|cooperation|contract|agreement)\b",
        2,
    ),
    (
        r"\b(?:trust|afraid|scared|terrified)\b[^.]{0,60}?\b(?:police|officers|communit\w*|"
        r"immigrant\w*|report\w*|call\w*|911|residents?|families)\b",
        2,
    ),
    (r"\b(?:tear\w*|torn|ripp\w*)\b[^.]{0,20}\bapart\b|\bkeep\w* families together\b", 1),
    # "turns its troopers into immigration agents", "an arm of ICE"
    (
        r"\b(?:turn\w*|mak\w*|convert\w*)\s+(?:\w+\s+){0,4}?into\s+(?:\w+\s+)?(?:immigration"
        r"|deportation|ICE)\s+(?:agents|officers|enforcers)\b|\ban\s+arm\s+of\s+(?:ICE|the\s+federal"
        r"|immigration)",
        2,
    ),
    # "will not do ICE's job", "protect everyone, regardless of where they were born"
    (
        r"\bnot\s+(?:do|doing)\s+(?:ICE['’]s|the\s+federal\s+government['’]s|immigration['’]s"
        r"|federal)\s+(?:job|work)\b"
        # "not doing the work of federal immigration agents"
        r"|\bnot\s+(?:to\s+)?(?:do|doing)\s+the\s+(?:work|job|bidding)\s+of\s+(?:the\s+)?(?:federal\s+)?"
        r"(?:immigration|ICE|deportation|government)",
        2,
    ),
    # detention as a trade: "profit from detention", "the deportation machine", "a price on
    # people's freedom"
    (
        r"\bprofit\w*\s+(?:\w+\s+){0,3}?(?:from|off|on)\s+(?:\w+\s+){0,2}?(?:detention|deportation"
        r"|people|immigrants|families)|\b(?:deportation|detention)\s+(?:machine\w*|pipeline|business"
        r"|industry)\b|\bprice\s+on\s+(?:\w+['’]s?\s+)?(?:freedom|liberty|li(?:fe|ves))\b",
        1,
    ),
    # separation told plainly: "kept away from his kids", "grow up without their parents"
    (
        r"\b(?:away\s+from|without)\s+(?:his|her|their|my|our|your)\s+(?:kids|children|famil\w+"
        r"|parents|mother|father|mom|dad)\b",
        1,
    ),
    (
        r"\bregardless\s+of\s+(?:their\s+|your\s+)?(?:immigration\s+status|status|where\s+(?:they|you)"
        r"\s+(?:were|are|come)\s+(?:born|from))",
        2,
    ),
    # "immigration enforcement is a federal responsibility", "abolish ICE", "ICE out of ..."
    (
        r"\b(?:is|are|remains?)\s+(?:a|the)\s+federal\s+(?:government['’]s\s+)?(?:responsibility|job"
        r"|matter|issue|duty)\b|\babolish(?:ing)?\s+ICE\b|\bICE\s+out\b",
        2,
    ),
    # enforcement described as violence: "masked agents", "kidnapping", "traumatized children"
    (
        r"\b(?:masked|armed)\s+(?:federal\s+)?agents\b|\bkidnap\w*|\btraumati[sz]\w*|\bchaos\b"
        r"|\bmilitari[sz]ed\b",
        1,
    ),
    # held with no judge: "the Fourth Amendment", "without a warrant", "no judge ever reviewed"
    (
        r"\bFourth\s+Amendment\b|\bwithout\s+(?:a\s+|any\s+)?(?:judicial\s+)?warrant\b"
        r"|\bno\s+judge\b|\bnot\s+a\s+warrant\b",
        1,
    ),
    # "people are afraid to drive to work", "too scared to call"
    (r"\b(?:afraid|scared|terrified|frightened)\s+to\b", 2),
    (
        r"\bnot (?:immigration|ICE|Border Patrol) (?:agents|officers)\b|\bcheck(?:ing)? papers\b"
        r"|\bracial(?:ly)? profil\w*|\bnot (?:our|their|my) job\b",
        2,
    ),
    # local police keeping apart from a raid, and saying they will: "our officers were not part
    # of this, and they are not going to be" ("had no role in it" alone reports a fact)
    (
        r"\b(?:(?:were|are|was|is)\s+not|weren['’]t|aren['’]t|wasn['’]t|isn['’]t)\s+(?:\w+\s+)?"
        r"(?:part\s+of|involved\s+in|participating\s+in)\b",
        2,
    ),
    # the trust argument: victims and witnesses who stop coming forward
    (
        r"\b(?:stop(?:s|ped)?|won['’]t|will\s+not|afraid\s+to|reluctant\s+to|hesita\w+\s+to)\s+"
        r"(?:coming\s+forward|come\s+forward|call(?:ing)?\s+(?:the\s+)?police|calling\s+911"
        r"|report(?:ing)?\s+(?:a\s+)?crimes?|testify\w*|cooperat\w*\s+with\s+(?:the\s+)?police)\b",
        2,
    ),
    # the people taken: "no criminal record", "exploited", "taken the fathers"
    (
        r"\bno\s+criminal\s+(?:records?|history|histories|background)\b|\bexploit(?:ed|ation)\b"
        r"|\b(?:took|taken|taking)\s+(?:the\s+|our\s+|their\s+)?(?:fathers|mothers|parents|dads"
        r"|moms)\b",
        1,
    ),
)
# (pattern, weight): cues that a quote argues for cooperation or against sanctuary policies.
FOR_CUES = (
    (r"\bshield\w* (?:criminal|dangerous|illegal)", 2),
    # "Florida will not be a sanctuary state", "is not a sanctuary jurisdiction"
    (
        r"\b(?:not|never|no\s+longer|won['’]t|isn['’]t)\s+(?:be\s+|become\s+)?an?\s+"
        r"(?:so-called\s+)?sanctuary\b",
        3,
    ),
    (r"\bmagnet for illegal", 2),
    # working with the agency as partners: "we will keep working with our federal partners"
    (
        r"\b(?:work\w*|partner\w*|cooperat\w*)\s+(?:closely\s+|hand\s+in\s+hand\s+)?with\s+(?:ICE"
        r"|our\s+federal\s+partners|federal\s+(?:immigration\s+)?(?:authorities|agents|partners))\b",
        2,
    ),
    # removing criminals: "the worst of the worst", "taking violent criminals off our streets"
    (
        r"\bworst\s+of\s+the\s+worst\b|\b(?:remov\w+|tak\w+|took|get\w*|got)\s+(?:\w+\s+){0,2}?criminal"
        r"(?:s|\s+(?:illegal\s+)?aliens?|\s+noncitizens?)?\s+(?:off|out\s+of|from)\b",
        2,
    ),
    # criticising those who limit cooperation: "defying federal law", "harboring criminals"
    (
        r"\b(?:defy\w*|defi(?:es|ed)|obstruct\w*|flout\w*)\s+(?:\w+\s+){0,2}?(?:federal\s+)?"
        r"(?:immigration\s+)?(?:law|authorities|agents|ICE)\b|\bharbou?r\w*\s+(?:illegal|criminal)"
        r"|\blawless\w*\b",
        2,
    ),
    # backing enforcement: "will always back federal law enforcement", "we stand with ICE"
    (
        r"\b(?:back|backs|backing|support|supports|supporting|stand\w*\s+with|thank\w*)\s+(?:our\s+|the\s+)?"
        r"(?:federal\s+)?(?:law\s+enforcement|ICE|immigration\s+(?:agents|officers|enforcement)"
        r"|federal\s+(?:agents|officers|authorities))\b",
        2,
    ),
    # "criminals ... don't deserve protection", "should not be a safe haven"
    (
        r"\b(?:don['’]t|do\s+not|doesn['’]t|does\s+not|shouldn['’]t|should\s+not)\s+(?:\w+\s+)?"
        r"(?:deserve|get|be\s+given|receive)\s+(?:\w+\s+)?(?:protection|sanctuary|a\s+safe\s+haven|a\s+pass)\b",
        2,
    ),
    (
        r"\bthreat\w*\s+to\s+(?:public\s+safety|national\s+security|our\s+(?:communit|neighborhood))"
        r"|\b(?:public\s+safety|national\s+security)\s+threats?\b",
        1,
    ),
    (r"\b(?:politics|ideology)\s+(?:ahead\s+of|over|before)\s+(?:public\s+)?safety\b", 2),
    # praising enforcement: "no place too remote for ICE to find people who have broken our
    # laws", "not beyond the reach of the law", "no safe haven"
    (
        r"\bno\s+(?:place|corner|community)\s+(?:too\s+\w+|to\s+hide)\b|\bbeyond\s+the\s+reach\s+of"
        r"\s+the\s+law\b|\bbroken\s+our\s+(?:immigration\s+)?laws\b|\bno\s+safe\s+havens?\b"
        r"|\bthreat\w*\s+(?:to\s+)?our\s+communit\w+",
        2,
    ),
    # reassuring the law-abiding: "if you're here legally you have nothing to worry about"
    (
        r"\bnothing\s+to\s+(?:worry\s+about|fear|hide)\b|\bhere\s+legally\b|\blaw-abiding\b",
        1,
    ),
    (
        r"\b(?:non-?cooperation|sanctuary)\b[^.]{0,40}?\b(?:undermin\w*|endanger\w*|threat\w*|"
        r"jeopardi\w*)",
        2,
    ),
    (r"\bcriminal aliens?\b|\billegal aliens?\b|\bdangerous criminals?\b", 1),
    (r"\bpublic safety\b|\brule of law\b|\bback (?:on|onto) the streets\b", 1),
    (r"\b287\(g\)", 1),
    (r"\b(?:cooperative|partnership|partners)\b", 1),
    # "a good working relationship with our federal partners"
    (r"\b(?:good|great|strong|close|excellent)\s+(?:working\s+)?relationship\b", 1),
    # criticism of obstructing enforcement: "making it harder for ICE to do its job"
    (
        r"\b(?:harder|difficult|impossible|tougher)\s+for\s+(?:ICE|agents|federal\s+(?:agents"
        r"|officers|authorities)|immigration\s+(?:agents|officers|authorities))\b"
        r"|\b(?:let|letting|allow\w*)\s+(?:ICE|agents|federal\s+agents)\s+do\s+(?:its|their)\s+jobs?\b"
        r"|\b(?:don['’]t|do\s+not|won['’]t|will\s+not|never)\s+look\s+the\s+other\s+way\b",
        2,
    ),
    # "the state ties our hands", "tying the hands of federal officers"
    (r"\bti(?:e|es|ed|ing)\s+(?:our|their|the|his|her|my)\s+hands\b|\btying\s+the\s+hands\b", 2),
    # handing people over to ICE rather than releasing them
    (
        r"\b(?:hand|turn)(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?over\b|,\s+not\s+released\b"
        r"|\breleased\s+(?:back\s+)?(?:into|onto)\s+(?:our\s+|the\s+)?(?:streets?|communit\w+"
        r"|neighborhoods?)",
        1,
    ),
    (r"\billegal\s+(?:labor|workers?|immigrants?|immigration|entry|crossings?)\b", 1),
    (
        r"\bcriminals?\b[^.]{0,60}?\b(?:released|streets|free|walk)\b|\bgang members?\b"
        r"|\bhere illegally\b|\bin (?:this|the) country illegally\b|\bforce multiplier\b",
        1,
    ),
)
ICE_SIDE_KEYS = frozenset({"ice", "dhs", "cbp", "doj", "white-house"})
ADVOCACY_WORDS = re.compile(
    r"advoca|immigrant|rights|aclu|project|coalition|law center|justice|union", re.IGNORECASE
)


@cache
def _compiled() -> dict[str, object]:
    return {
        "against": [(re.compile(p, re.IGNORECASE), w) for p, w in AGAINST_CUES],
        "for": [(re.compile(p, re.IGNORECASE), w) for p, w in FOR_CUES],
        "cooperate": re.compile(rf"\b(?:{COOPERATE})\b", re.IGNORECASE),
        "negated": re.compile(
            rf"\b(?:{NEGATION})\b(?:\s+\w+){{0,2}}?\s+(?:be\s+)?$", re.IGNORECASE
        ),
        # "is endangering Texans by refusing to cooperate": a criticism of not cooperating.
        "criticised": re.compile(
            r"\b(?:endanger\w*|undermin\w*|reckless\w*|irresponsibl\w*|lawless\w*|jeopardi\w*|"
            r"at risk)\b[^.]{0,60}\b(?:by|when|for)\s+$",
            re.IGNORECASE,
        ),
        "plain_for": re.compile(r"cooperat\w*|comply\w*|complie\w*|honou?r\w*", re.IGNORECASE),
        "relative": re.compile(r"\b(?:that|which|who|where)(?:\s+\w+)?\s*$", re.IGNORECASE),
    }


def _cooperation_verbs(quote: str) -> tuple[int, int]:
    """(against, for) points from cooperation words: negated ("will not cooperate", "no longer
    be complicit") is 2 against, unless a criticism leads into it ("endangering people by
    refusing to cooperate") or it is a condition on someone else ("when the city refuses to
    honor a detainer, ..."), which is 2 for; plain ("honor detainers") is 1 for, except
    "complicit", criticism in itself. A negation inside a relative clause ("cities that do not
    honor detainers"), or in a clause after "that" whose subject is someone else ("a message
    that the county is not interested in working with ICE"), describes others: it scores
    nothing, and the speaker's side says whether they approve."""
    patterns = _compiled()
    against = for_ = 0
    for m in patterns["cooperate"].finditer(quote):
        window_start = max(0, m.start() - 40)
        negated = patterns["negated"].search(quote, window_start, m.start())
        if negated and patterns["relative"].search(quote, window_start, negated.start()):
            continue
        if negated and _PAST_FACT.match(negated[0]):
            continue  # "my officers didn't detain anybody": what happened, not a refusal
        subject = _subject(quote, negated.start()) if negated else ""
        criticised = negated and patterns["criticised"].search(quote, 0, negated.start())
        condition = negated and _CONDITION.match(subject) and not _FIRST_PERSON.search(subject)
        if criticised or condition:
            for_ += 2
        elif (
            negated
            and _THAT.match(subject)
            and _THIRD_PERSON.search(subject)
            and not _FIRST_PERSON.search(subject)
        ):
            continue
        elif negated:
            against += 2
        elif m[0].lower() == "complicit":
            against += 1
        elif patterns["plain_for"].fullmatch(m[0]):
            # "we will keep honoring detainers", "I am honoring every one": the speaker's own
            # practice counts double
            own = _OWN_VERB.match(m[0]) and _OWN_PRACTICE.search(
                quote, max(0, m.start() - 40), m.start()
            )
            for_ += 2 if own else 1
    return against, for_


_OWN_VERB = re.compile(r"(?:honou?r|cooperat)(?!ed\b)", re.IGNORECASE)  # not a past practice
_OWN_PRACTICE = re.compile(
    r"\b(?:I|we)(?:['’](?:m|re|ll|ve))?\s+(?:(?:am|are|will|would|do|did|have|always|still|continue"
    r"|keep|fully|to|be)\s+){0,3}$",
    re.IGNORECASE,
)


_PAST_FACT = re.compile(r"did\s+not\b|didn['’]t\b", re.IGNORECASE)
# Where the clause that holds a negation starts, and what its subject says about who refuses.
_CLAUSE_START = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+|\s+(?:but|and|so|because)\s+|\s(?=that\s))", re.IGNORECASE
)
_THAT = re.compile(r"that\s", re.IGNORECASE)
_CONDITION = re.compile(r"\W*(?:when|whenever|if|once|every\s+time)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|we|we['’]re|us|our|my|me)\b", re.IGNORECASE)
_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|it|the\s+\w+|(?-i:[A-Z]\w+)(?:\s+(?-i:[A-Z]\w+))*|this\s+\w+"
    r"|that\s+\w+|cities|counties|jails|sheriffs|mayors|officials)\b",
    re.IGNORECASE,
)


def _subject(quote: str, negation: int) -> str:
    """The words of the negation's clause before it: its subject, and any "when" or "if"."""
    start = 0
    for m in _CLAUSE_START.finditer(quote, max(0, negation - 80), negation):
        start = m.end()
    return quote[start:negation]


def _cue_score(quote: str, cues: list) -> tuple[int, int]:
    """(own side, other side): each cue scores its weight per occurrence, at most twice its
    weight; a cue its clause denies ("sanctuary policies do not protect immigrants", "this is
    not about public safety") scores for the other side instead."""
    own = other = 0
    for pattern, weight in cues:
        plain = denied = 0
        for m in pattern.finditer(quote):
            if _DENIABLE.match(m[0]) and _NEGATION_RIGHT_BEFORE.search(
                quote, max(0, m.start() - 24), m.start()
            ):
                denied += 1
            else:
                plain += 1
        own += min(plain, 2) * weight
        other += min(denied, 2) * weight
    return own, other


# Cues that claim a value can be denied ("do not protect immigrants", "is not about public
# safety"); a criticism cannot ("should not be tying the hands of officers" still criticises).
_DENIABLE = re.compile(
    r"(?:protect|support|stand|trust|public|rule|partner|cooperat|sanctuary|welcoming|inclusive"
    r"|work|back)",
    re.IGNORECASE,
)
# "do not protect", "isn't about", "never made us safer": a denial right before a cue (not a
# contrast: "fighting crime, not checking papers" rejects what the cue names).
_NEGATION_RIGHT_BEFORE = re.compile(
    r"(?<![,;—–-]\s)(?<![,;—–-])\b(?:not|never|no\s+longer|\w+n['’]t)\s+(?:(?:really|just|only|about|be|been|make\w*"
    r"|made|us|any)\s+){0,2}$",
    re.IGNORECASE,
)


def _speaker_lean(speaker: Speaker | None) -> str:
    """ICE, DHS and their leadership lean for cooperation; advocacy groups lean against."""
    if speaker is None:
        return "neutral"
    if speaker.key in ICE_SIDE_KEYS or speaker.affiliation.startswith("U.S. Immigration"):
        return "for_cooperation"
    if ADVOCACY_WORDS.search(f"{speaker.role} {speaker.affiliation}"):
        return "against_cooperation"
    return "neutral"


# Words that take no side: deferring to whoever decides ("that is the sheriff's call", "we'll
# follow whatever the council passes", "we don't get to pick which laws we follow"), procedure
# ("I want to see the final language", "what it costs us before I vote", "we'll take it up in
# the budget hearings"), and saying that nothing changes ("our practice is unchanged").
_PROCEDURAL = re.compile(
    r"\b(?:(?:is|was|remains?)\s+(?:(?:the\s+)?(?:\w+\s+)?\w+['’]s|his|her|their)\s+(?:own\s+)?"
    r"(?:call|decision|business|choice)\b(?!\s+(?:was|is)\b)"
    r"|(?:up\s+to|for)\s+the\s+(?:sheriff|council|board|voters|courts?|legislature|state"
    r"|commission)\s*(?:to\s+decide)?[.,]|between\s+the\s+\w+\s+and\s+the\s+federal"
    r"|follow\s+whatever|(?:don['’]t|do\s+not)\s+get\s+to\s+(?:pick|choose)"
    r"|final\s+language|before\s+I\s+(?:vote|decide|say\s+anything)|what\s+(?:that|it|this)"
    r"\s+costs|public\s+comment|take\s+it\s+up|in\s+front\s+of\s+us|statement\s+of\s+support"
    r"|unchanged|nothing\s+(?:else\s+)?(?:about|in)\b[^.]{0,40}\bchanges?\b"
    r"|(?:only|doesn['’]t|does\s+not|won['’]t|will\s+not)\s+change\s+(?:where|who|what|the\s+number|how"
    r"|anything|much)|did\s+(?:their|our|his|her)\s+jobs?"
    r"|read\s+about\s+it\s+in)",
    re.IGNORECASE,
)


def procedural(quote: str) -> bool:
    """Whether the quotation defers, describes procedure or says nothing changes (see
    ``_PROCEDURAL``): no side, whoever says it, unless its own words take one."""
    return bool(_PROCEDURAL.search(quote))


# "We value our immigrant neighbors, but the law requires us to ...": what follows "but" is the
# position, what comes before it a concession ("but so does", "but also" add, not turn).
_BUT = re.compile(r"(?:[,;.]\s+|\s+)but\s+(?!also\b|not\b|so\b|too\b)", re.IGNORECASE)


def cue_scores(quote: str) -> tuple[int, int]:
    """(against, for) points of a quotation's own words (see ``classify_stance``); after a
    "but", the concession before it loses its points for the side the rest argues against."""
    turns = list(_BUT.finditer(quote))
    if not turns:
        return _cue_points(quote)
    cut = turns[-1]
    against_before, for_before = _cue_points(quote[: cut.start()])
    against_after, for_after = _cue_points(quote[cut.end() :])
    if against_after > for_after:
        for_before = 0
    elif for_after > against_after:
        against_before = 0
    return against_before + against_after, for_before + for_after


def _cue_points(quote: str) -> tuple[int, int]:
    patterns = _compiled()
    against, for_ = _cooperation_verbs(quote)
    against_own, against_denied = _cue_score(quote, patterns["against"])
    for_own, for_denied = _cue_score(quote, patterns["for"])
    return against + against_own + for_denied, for_ + for_own + against_denied


def classify_stance(quote: str, speaker: Speaker | None) -> str:
    """Classify one quotation as against_cooperation, for_cooperation or neutral.

    Rule: score both sides over the quote's words.
    - Against: refusing or ending cooperation ("will not / no longer / refuse to" followed
      within two words by cooperate, comply, honor, hold, detain, participate, be complicit ...:
      2 points), ending a relationship or contract (2), sanctuary/welcoming/inclusive (1),
      protecting or standing with immigrants (1), criticism of raids (cruel, inhumane,
      unconscionable, fear, family separation, round-ups: 1 each group), dignity/rights (1).
    - For: "shielding criminal aliens" (2), "magnet for illegal immigration" (2), sanctuary or
      non-cooperation policies that undermine/endanger (2), criminal aliens, public safety,
      rule of law, 287(g), partnership/cooperative (1 each), un-negated cooperate/comply/honor
      (1). A negation inside a relative clause ("cities that do not honor detainers") describes
      others and scores nothing.
    - A side wins with at least 2 points and more than the other side. A tie with evidence on
      both sides falls back on the speaker (ICE/DHS lean for, advocacy groups lean against);
      anything else (weak evidence, or a tie with nothing) is neutral.
    """
    against, for_ = cue_scores(quote)
    if against >= 2 and against > for_:
        return "against_cooperation"
    if for_ >= 2 and for_ > against:
        return "for_cooperation"
    if against == for_ and against > 0:
        return _speaker_lean(speaker)
    return "neutral"
