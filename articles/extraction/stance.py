"""A statement's stance toward local cooperation with ICE, read in its context.

A quotation rarely says "we will not cooperate" outright: a sheriff ending a 287(g) agreement
says "this program has cost us the trust of victims", an ICE director says "that is more
dangerous for everyone". What makes the stance clear is who speaks and what the article says
they are doing. So a statement's stance adds two kinds of evidence, and an editor can see both:

1. **The quotation's own words** (``quote_stance.cue_scores``): refusing or ending cooperation,
   sanctuary pride, criticism of raids (against); praise of partnerships, criticism of
   sanctuary policies, "criminal aliens" (for).
2. **The speaker's side in this article**, first of these that applies:
   - what the article says they did or said about the article's main action (the decided
     policies; a court ruling that blocks a law is on the other side from the law): "praised
     the decision", "the lone dissenting vote", "vowed to appeal", "rejected that" (defending
     it), "who voted to keep the program", "pushed to work more closely with ICE", "drew
     criticism from"; who signed, wrote or sponsored a law is on its side (their own place's
     decisions first, a blocked law's own side else);
   - what the article reports they said in their own words;
   - who an advocate, organizer or immigrant-rights group is (against), before the sentence
     that introduces them ("Not everyone is convinced", "Advocates welcomed the decision");
   - a policy action they take in the article for their own place ("Sheriff Ana Ruiz ended
     the agreement", "Sheriff Ana Ruiz's application to join");
   - their office: the place's or state's own decided policies for a local or state official;
     ICE, DHS and other federal enforcement are for cooperation where the article is about
     local cooperation (in a report of a raid, their words about the raid are facts: neutral
     unless their words say more); a judge is on the side of their ruling; a member of
     Congress has no side from the office; a private person speaking in an article about a
     local decision is against it when the decision is for cooperation and for it otherwise
     (people who tell what detention did to them).

The speaker's side counts two points, each cue of the quotation its weight; a side wins with at
least two points and more than the other; anything else is neutral. Words that defer, describe
procedure or say nothing changes ("that is the sheriff's call") take no side from the speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from articles.extraction import stance_model
from articles.extraction.dates import article_sentences, sentence_bounds, sentence_index
from articles.extraction.events import quoted_spans
from articles.extraction.quote_stance import ADVOCACY_WORDS, cue_scores, procedural
from articles.extraction.spans import SpanIndex, intervals
from articles.extraction.types import (
    EventCandidate,
    PolicyCandidate,
    Speaker,
    StatementCandidate,
)

AGAINST, FOR, NEUTRAL = "against_cooperation", "for_cooperation", "neutral"
_SIDE_WEIGHT = 2
_LEDE_CHARS = 400  # the headline and the first paragraphs: what the article is about
_SHORT_QUOTE_WORDS = 6

_SUPPORT = (
    r"praised|praises|welcomed|welcomes|applauded|applauds|hailed|hails|celebrated|cheered"
    r"|supported|supports|backed|backs|sponsored|sponsors|championed|defended|defends"
    r"|voted for|pushed for|signed|proposed|introduced|wrote|authored|called (?:it|the \w+) a win"
    r"|(?:is|was|were|are) (?:glad|pleased|happy|proud|relieved)|thanked|thanks|credited|endorsed"
    r"|co-?wrote|co-?sponsored"
)
_OPPOSE = (
    r"criticized|criticised|criticizes|condemned|condemns|denounced|denounces|opposed|opposes"
    r"|objected|objects|blasted|blasts|slammed|slams|decried|decries|questioned|questions"
    r"|vowed to appeal|plans to appeal|will appeal|(?:is|was|were|are) disappointed|voted against"
    r"|(?:cast\s+)?(?:the\s+|a\s+)?(?:lone|only|sole)\s+(?:dissenting\s+|no\s+|opposing\s+)?vote"
    r"|dissented|sued|sues|challenged|protested|fought|fights"
    r"|lamented|warned|attacked|rejected|pushed back|called (?:it|the \w+) (?:a )?mistake"
    r"|spoke against|argued against|testified against|(?:is|was|were|are) (?:worried|concerned)"
    r"|urged (?:\w+ ){0,3}to veto|called for (?:a )?veto|voted no"
)
# "who campaigned on ending the program": working to end cooperation.
_ENDING = re.compile(
    r"\b(?:campaign\w*|push\w*|fought|fight\w*|voted|argued|work\w*|called)\s+(?:on|for|to)\s+"
    r"(?:end(?:s|ed|ing)?|stop\w*|cancel\w*|terminat\w*|repeal\w*|scrap\w*)\b",
    re.IGNORECASE,
)
# "whose office has pushed to work more closely with ICE": working for or against cooperating.
_WORKING_TO = re.compile(
    r"\b(?:push\w*|sought|seek\w*|want\w*|work\w*|ask\w*|lobb\w*|fought|fight\w*|tried|vow\w*)"
    r"\s+(?:for\s+\w+\s+)?to\s+(?:(?P<more>work|cooperate|partner)\s+(?:more\s+)?(?:closely\s+)?with"
    r"|(?P<less>limit|end|cut|stop|reduce|curb)\s+(?:\w+\s+){0,2}?(?:cooperation|ties|work|contact)"
    r"\s+with)\s+(?:ICE|federal|immigration)",
    re.IGNORECASE,
)
# "who voted to keep the program": working to keep what the article's action ends.
_KEEPING = re.compile(
    r"\b(?:vot\w*|fought|fight\w*|argu\w*|push\w*|want\w*|work\w*|campaign\w*|tried)\s+to\s+"
    r"(?:keep|save|preserve|renew|continue|extend|protect)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:\w+\s+){0,2}?(?P<object>agreement|program|contract|partnership|287\s*\(g\)"
    r"|sanctuary\s+\w+)",
    re.IGNORECASE,
)
# The frame verb of which the speaker is the subject: right after their name, an aside
# between commas, or a few words ("Ana Ruiz, who chairs the board, on Friday praised ...").
# "Ana Ruiz of Albuquerque, who ...", "Ana Ruiz of the Immigrant Law Center, ...": where a
# speaker is from comes before any aside.
_FROM = (
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?-i:[A-Z][\w.’'-]*)"
    r"(?:\s+(?-i:[A-Z][\w.’'-]*|of|and|for)){0,6})?"
)
_FRAME = re.compile(
    rf"^{_FROM}(?:,[^,.;“”\"]{{1,120}},)?\s+(?:[\w’']+\s+){{0,3}}?"
    rf"(?:(?P<support>{_SUPPORT})|(?P<oppose>{_OPPOSE}))\b",
    re.IGNORECASE,
)
_BEFORE_NAME = re.compile(
    r"\b(?:(?P<oppose>criticism|objections?|opposition|complaints?|pushback|a lawsuit|"
    r"condemnation)|(?P<support>praise|support|applause))\s+(?:came\s+)?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Ana Ruiz, the lone no vote, said": the frame inside the appositive after the name.
_APPOSED_FRAME = re.compile(
    rf"^{_FROM},\s+[^,.;“”\"]{{0,80}}?\b(?:(?P<support>{_SUPPORT})|(?P<oppose>{_OPPOSE}))\b",
    re.IGNORECASE,
)
# What the frame verb is about: the article's action, or enforcement, or sanctuary itself.
_ENFORCEMENT_OBJECT = re.compile(
    r"^\W*(?:the\s+|this\s+|last\s+\w+['’]s\s+)?(?:\w+\s+){0,2}?(?:raids?|sweeps?|arrests|"
    r"operation|deportations?|ICE|agents|crackdown)\b",
    re.IGNORECASE,
)
_INSTRUMENT_OBJECT = re.compile(
    r"^(?>\s*)(?!that\b)(?:the|a|an|this|its|their)?\s*(?:\w+\s+){0,2}?(?:bill|law|measure|ordinance|order"
    r"|resolution|legislation|act|amendment|directive)\b",
    re.IGNORECASE,
)
_ENACTING = r"(?:signed|introduced|proposed|wrote|authored|co-?wrote|co-?sponsored|sponsored)"
# What a speaker rejects may be a criticism of the action, not the action.
_CRITICISM_OBJECT = re.compile(
    r"^\s*(?:that\s*[.,;]|that\s+(?:criticism|claim|charge|argument|view|characteri[sz]ation)"
    r"|th(?:e|ose|at)\s+(?:\w+\s+)?(?:criticisms?|claims?|charges?|accusations?|arguments?"
    r"|characteri[sz]ations?|suggestions?|concerns?)|(?:the\s+)?(?:criticism|accusations?|claims?)"
    r"\b|(?:him|her|them|it)\s*[.,;])",
    re.IGNORECASE,
)
_SANCTUARY_OBJECT = re.compile(
    r"^\W*(?:the\s+)?(?:\w+\s+){0,2}?(?:sanctuary|welcoming|non-?cooperation)", re.IGNORECASE
)
# A sentence before a speaker is introduced that sets them against, or for, the action.
_CRITICS = re.compile(
    r"\b(?:not everyone|critics?|opponents?|skeptic\w*|detractors|backlash|objections?"
    r"|spoke against|argued against|voted no|voted against|no votes?|dissent\w*|opposition"
    r"|concerns?|worried|pushed back|not convinced|opposed|disagree\w*)\b",
    re.IGNORECASE,
)
_AUTHOR = re.compile(r"\W*(?:I|We)\s+(?:\w+\s+)?(?:disagree|agree|think|believe)\b")
_SUPPORTERS = re.compile(
    r"\b(?:supporters?|proponents?|welcomed|praised|applauded|celebrat\w+|cheered|hailed)\b",
    re.IGNORECASE,
)
# After an actor's name: the verb of what they did ("Sheriff Ana Ruiz ended ...").
_ACTS = re.compile(
    r"['’]s\s+(?:application|decision|order|directive|request|plan|proposal|move|push|bid)\b"
    r"|(?:['’]s\s+(?:office|department|administration)\s+)?(?:,[^,.;“”\"]{1,120},)?\s+"
    r"(?:\w+ly\s+|also\s+|on\s+\w+\s+)?(?:will|would|has|have|had|signed|ordered|voted|ended"
    r"|approved|agreed|decided|announced|issued|adopted|passed|directed|joined|renewed|let"
    r"|terminated|stopped|began|said|says|told|notified|declined|refused|cut|barred|banned"
    r"|canceled|cancelled|withdrew|pulled|opted|rescinded|repealed|restored|reinstated)\b",
    re.IGNORECASE,
)
_OBJECT_WORDS = re.compile(r"\b(?:from|by|with|against|to|for|about|on|of)\s+(?:the\s+)?$")
# Where the article is about local cooperation at all (not only a raid and its arrests).
_COOPERATION_TOPIC = re.compile(
    r"\bdetainers?\b|287\s*\(g\)|\bsanctuary\b|\bcooperat\w*\b|\bjail\b|\bholds?\b|\bwelcoming\b"
    r"|\bpartners?(?:hip)?\b|\blocal (?:police|law enforcement)\b",
    re.IGNORECASE,
)
_POLICE_UNION = re.compile(
    r"\bPolice Officers['’]? Association|Fraternal Order of Police|Police Benevolent"
    r"|Deputies['’]? Association|Sheriffs['’]? Association|police union\b",
    re.IGNORECASE,
)
_ENFORCEMENT_ROLE = re.compile(r"\bJudge|Justice|Magistrate\b")
_LEGISLATOR_ROLE = re.compile(r"\b(?:Senator|Representative|Congress\w*|Rep\.|Sen\.)", re.I)


def _advocate(speaker: Speaker) -> bool:
    """An advocate, organizer or immigrant-rights group: against holding people for ICE."""
    if speaker.level != "other":
        return False
    words = f"{speaker.role} {speaker.affiliation} {speaker.name}"
    return bool(
        ADVOCACY_WORDS.search(words) or re.search(r"\b(?:organi[sz]er|activist|advocate)", words)
    )


def _identity(ctx: _Context, speaker: Speaker) -> str | None:
    """Who an advocate is says more than the sentence that introduces them: "Advocates
    welcomed the decision but said it did not go far enough" is still against."""
    return AGAINST if _advocate(speaker) else None


def flip(side: str | None) -> str | None:
    return {AGAINST: FOR, FOR: AGAINST}.get(side or "")


def policy_side(policy: PolicyCandidate) -> str | None:
    """The side a policy action takes: limits are against cooperation, cooperating for it; a
    policy a court blocked, or that lapsed or was repealed, counts for the other side."""
    directions = Counter(direction for _, direction in policy.indicators)
    if not directions:
        return None
    side = AGAINST if directions["limits"] >= directions["cooperates"] else FOR
    return flip(side) if policy.status in ("blocked", "lapsed", "repealed") else side


def main_side(policies: list[PolicyCandidate], lede_end: int = 0) -> str | None:
    """The side of what the article is about: its policy actions, decided ones counting
    twice as much as proposals and those its headline and lede report (before ``lede_end``)
    three times as much as background ones; None when they do not lean one way."""
    votes: Counter[str] = Counter()
    for policy in policies:
        side = policy_side(policy)
        if side:
            weight = 1 if policy.status == "proposed" else 2
            votes[side] += weight * (3 if policy.start < lede_end else 1)
    if votes[AGAINST] == votes[FOR]:
        return None
    return AGAINST if votes[AGAINST] > votes[FOR] else FOR


class _Context:
    """What the stance rules need to know about one article."""

    def __init__(
        self, body: str, policies: list[PolicyCandidate], events: list[EventCandidate] = ()
    ) -> None:
        self.body = body
        self.policies = policies
        # A raid story opens with enforcement, not with a local decision.
        first_event = min((e.start for e in events if e.kind != "planned_raid"), default=None)
        first_policy = min((p.start for p in policies if p.status != "proposed"), default=None)
        self.raid_story = (
            first_event is not None
            and first_event < _LEDE_CHARS
            and (first_policy is None or first_event < first_policy)
        )
        self.main = main_side(policies, _LEDE_CHARS)
        # The side of what the article is about as it was enacted: a blocked law's own side.
        self.enacted = main_side(
            [replace(p, status="in_force") if p.status == "blocked" else p for p in policies],
            _LEDE_CHARS,
        )
        self.quotes = intervals(quoted_spans(body))
        self.topical = bool(policies) or bool(_COOPERATION_TOPIC.search(body))
        self.policy_spans = SpanIndex(policies)

    def outside_quotes(self, start: int, end: int) -> str:
        """``body[start:end]`` cut at the first quotation mark's span inside it."""
        inside = self.quotes.starting_in(start, end)
        return self.body[start : inside[0].start if inside else end]


def _framed(ctx: _Context, speaker: Speaker) -> str | None:
    """The speaker's side from what the article says they did about its action or about
    enforcement: a verb after one of their references, or the words before their name."""
    body = ctx.body
    for start, end in speaker.mentions:
        if ctx.quotes.containing(start):
            continue
        before = _BEFORE_NAME.search(body, max(0, start - 40), start)
        if before:
            return ctx.main if before["support"] else flip(ctx.main)
        _, sentence_end = sentence_bounds(body, start, end)
        after = ctx.outside_quotes(end, min(sentence_end, end + 140))
        if _ENDING.search(after):
            return AGAINST
        working = _WORKING_TO.search(after)
        if working:
            return FOR if working["more"] else AGAINST
        keeping = _KEEPING.search(after)
        if keeping and _COOPERATION_OBJECT.match(keeping["object"]):
            return FOR  # "who voted to keep the program"
        if keeping and keeping["object"].lower().startswith("sanctuary"):
            return AGAINST
        # The main clause's verb first: "Ana Ruiz, who wrote the bill, criticized the sheriff."
        m = _FRAME.match(after) or _APPOSED_FRAME.match(after)
        if not m:
            continue
        rest = after[m.end() :]
        support = bool(m["support"])
        if not support and _CRITICISM_OBJECT.match(rest):
            support = True  # "rejected that", "dismissed the criticism": defending the action
        enacting = m["support"] and re.match(_ENACTING, m["support"])
        if enacting and re.match(r"(?:co-?)?wrote|authored", m["support"], re.I):
            enacting = _INSTRUMENT_OBJECT.match(rest)  # "wrote the bill", not "wrote that"
        if enacting:
            own = [p for p in ctx.policy_spans.overlapping(start, sentence_end) if policy_side(p)]
            if own:  # "Chief Ana Ruiz signed an order that ...": the order's side
                return policy_side(own[0])
            mine = _own_side(ctx, speaker)
            if mine:  # "Council President Ana Ruiz, who sponsored the resolution": her city's
                return mine
            if ctx.enacted:  # "which Gov. Ana Ruiz signed": the law's side, blocked or not
                return ctx.enacted
        if _ENFORCEMENT_OBJECT.match(rest):
            return FOR if support else AGAINST
        if _SANCTUARY_OBJECT.match(rest):
            return AGAINST if support else FOR
        if ctx.main:
            return ctx.main if support else flip(ctx.main)
    return None


# "a longtime supporter of the agreement", "a critic of the program": what they stand for.
_NOUN_FRAME = re.compile(
    r",\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:(?P<support>supporter|backer|champion|proponent"
    r"|sponsor|architect|author)|(?P<oppose>opponent|critic|foe))\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:\w+\s+){0,2}?(?P<object>agreement|program|contract|partnership|287\s*\(g\)|ordinance|law"
    r"|bill|policy|measure|resolution|order|sanctuary\s+\w+)",
    re.IGNORECASE,
)
_COOPERATION_OBJECT = re.compile(r"agreement|program|contract|partnership|287", re.IGNORECASE)


def _noun_framed(ctx: _Context, speaker: Speaker) -> str | None:
    """ "Ana Ruiz, a longtime supporter of the agreement, ...": a 287(g) agreement, a jail
    contract or a partnership with ICE is cooperation; a law, an ordinance or an order is the
    article's action; a sanctuary policy is a limit."""
    for _, end in speaker.mentions:
        m = _NOUN_FRAME.match(ctx.body, end)
        if not m:
            continue
        support = bool(m["support"])
        obj = m["object"].lower()
        if obj.startswith("sanctuary"):
            return AGAINST if support else FOR
        if _COOPERATION_OBJECT.match(obj):
            return FOR if support else AGAINST
        if ctx.main:
            return ctx.main if support else flip(ctx.main)
    return None


def _introduced_after(ctx: _Context, speaker: Speaker) -> str | None:
    """ "Not everyone in town is convinced the jail needs the program." then the speaker."""
    if not speaker.mentions or ctx.main is None:
        return None
    index = sentence_index(ctx.body, speaker.mentions[0][0])
    if index == 0:
        return None
    lo, hi = article_sentences(ctx.body)[index - 1]
    sentence = ctx.outside_quotes(lo, hi)
    if _AUTHOR.match(sentence):
        return None  # "I disagree.": the writer of an opinion piece, not the speaker
    if _CRITICS.search(sentence):
        return flip(ctx.main)
    if _SUPPORTERS.search(sentence):
        return ctx.main
    return None


def _reported(ctx: _Context, speaker: Speaker) -> str | None:
    """The side of what the article reports the speaker said in its own words: "Ana Ruiz said
    the law would make immigrant families afraid to report crimes" (the quotation lexicon,
    over the reported clause after their speech verb, outside quotation marks)."""
    against = for_ = 0
    for start, end in speaker.mentions:
        if ctx.quotes.containing(start):
            continue
        speech = _REPORTS.match(ctx.body, end)
        if not speech:
            continue
        _, sentence_end = sentence_bounds(ctx.body, start, end)
        a, f = cue_scores(ctx.outside_quotes(speech.end(), sentence_end))
        against, for_ = against + a, for_ + f
    if against >= 2 and against > for_:
        return AGAINST
    if for_ >= 2 and for_ > against:
        return FOR
    return None


_REPORTS = re.compile(
    r"(?:,[^,.;“”\"]{1,120},)?\s+(?:(?:also|later|then|has|had|previously)\s+)?(?:said|says|told"
    r"|argued|argues|warned|warns|added|wrote|contended|insisted|noted|testified)\b"
    r"(?:\s+(?:reporters|the\s+\w+|\w+day))?\s+(?:that\s+)?",
    re.IGNORECASE,
)


def _actor(ctx: _Context, speaker: Speaker) -> str | None:
    """The side of a policy action the speaker takes: a reference to them in the sentence
    that reports it, not as the object of a preposition."""
    votes: Counter[str] = Counter()
    for start, end in speaker.mentions:
        for policy in ctx.policy_spans.overlapping(start, start + 1):
            if _OBJECT_WORDS.search(ctx.body, max(policy.start, start - 12), start):
                continue
            if speaker.place is not None and policy.place not in (None, speaker.place):
                continue  # "In Guilford County, the sheriff ended ...": another place's sheriff
            if not _ACTS.match(ctx.body, end):
                continue  # "stop honoring ICE detainers": named, not acting
            side = policy_side(policy)
            if side:
                votes[side] += 1
    if not votes or votes[AGAINST] == votes[FOR]:
        return None
    return AGAINST if votes[AGAINST] > votes[FOR] else FOR


def _own_side(ctx: _Context, speaker: Speaker) -> str | None:
    """A place's own officials are on the side of its own decisions, and of its own law even
    where a court blocked it."""
    if speaker.place is None or speaker.level not in ("local", "state"):
        return None
    own = [
        replace(p, status="in_force") if p.status == "blocked" else p
        for p in ctx.policies
        if p.place == speaker.place and p.status != "proposed"
    ]
    return main_side(own)


def _office(ctx: _Context, speaker: Speaker) -> str | None:
    """The side an office takes in this article, from who it is."""
    words = f"{speaker.role} {speaker.affiliation} {speaker.name}"
    if speaker.level == "federal":
        if _ENFORCEMENT_ROLE.search(speaker.role):
            return ctx.main  # a judge is on the side of the ruling
        if _LEGISLATOR_ROLE.search(speaker.role):
            return None  # a member of Congress may be on either side
        # In the report of a raid, enforcement's words about it are facts (see assign_stances).
        return FOR if ctx.topical else None
    if _advocate(speaker):
        return AGAINST
    side = _own_side(ctx, speaker)
    if side:
        return side
    if speaker.kind == "person" and speaker.level == "other":
        if _POLICE_UNION.search(words):
            return FOR
        # A resident, a relative, a lawyer for immigrants telling what detention does to
        # people argue against holding them, where the article is about a local decision
        # (in the report of a raid, they tell what happened: neutral).
        return AGAINST if ctx.topical and ctx.policies and not ctx.raid_story else None
    return None


def _enforcement(speaker: Speaker) -> bool:
    """ICE, DHS and other federal enforcement: not a judge, not a member of Congress."""
    return (
        speaker.level == "federal"
        and not _ENFORCEMENT_ROLE.search(speaker.role)
        and not _LEGISLATOR_ROLE.search(speaker.role)
    )


def speaker_side(ctx: _Context, speaker: Speaker) -> str | None:
    """The speaker's side in this article (see the module docstring), or None. What federal
    enforcement is reported to have said is never read as against cooperation: "some jails no
    longer hold inmates for ICE" in an ICE director's words is a complaint about others."""
    return _told_side(ctx, speaker) or _office(ctx, speaker)


def _told_side(ctx: _Context, speaker: Speaker) -> str | None:
    """The speaker's side from what the article tells of them, not presumed from their office."""
    reported = _reported(ctx, speaker)
    if reported == AGAINST and _enforcement(speaker):
        reported = None
    return (
        _noun_framed(ctx, speaker)
        or _framed(ctx, speaker)
        or reported
        or _identity(ctx, speaker)
        or _introduced_after(ctx, speaker)
        or _actor(ctx, speaker)
    )


_RAID_FACTS = "raid_facts"
# What makes enforcement's words in a raid story about local cooperation.
_COOPERATION_WORDS = re.compile(
    r"\bdetainers?\b|287\s*\(g\)|\bsanctuary\b|\bcooperat\w*|\bpartners?(?:hip)?\b"
    r"|\blocal\s+(?:police|law\s+enforcement|officers|jails?)\b|\bjails?\b|\bsheriffs?\b",
    re.IGNORECASE,
)


def _paragraph(body: str, statement: StatementCandidate) -> str:
    start = body.rfind("\n", 0, statement.start) + 1
    end = body.find("\n", statement.end)
    return body[start : end if end >= 0 else len(body)]


def words_read(body: str, statement: StatementCandidate) -> str:
    """The words a stance is read from: the quotation, or for a short partial quote its whole
    sentence, whose reporting verb carries the sense ("called the raids “cruel”")."""
    if len(body[statement.start : statement.end].split()) >= _SHORT_QUOTE_WORDS:
        return body[statement.start : statement.end]
    lo, hi = sentence_bounds(body, statement.start, statement.end)
    return body[lo:hi]


def model_features(body: str, statement: StatementCandidate, speaker: Speaker | None) -> set[str]:
    """What ``stance_model`` reads of a statement: its words, the rest of its paragraph and its
    speaker's role (the same for training and for extraction)."""
    words = words_read(body, statement)
    context = _paragraph(body, statement).replace(body[statement.start : statement.end], " ")
    return stance_model.features(
        words, context, speaker.role if speaker else "", speaker.kind if speaker else ""
    )


def assign_stances(
    body: str,
    statements: list[StatementCandidate],
    speakers: list[Speaker],
    policies: list[PolicyCandidate],
    events: list[EventCandidate] | None = None,
) -> list[StatementCandidate]:
    """Each statement with its stance read from its words and its speaker's side."""
    ctx = _Context(body, policies, events or [])
    by_key = {s.key: s for s in speakers}
    told = {key: _told_side(ctx, speaker) for key, speaker in by_key.items()}
    sides = {key: told[key] or _office(ctx, by_key[key]) for key in by_key}
    for key, speaker in by_key.items():
        enforcement = _enforcement(speaker) and sides[key] == FOR
        if ctx.raid_story and enforcement and not _framed(ctx, speaker):
            sides[key] = _RAID_FACTS  # decided per statement, from its paragraph
    out: list[StatementCandidate] = []
    for statement in statements:
        if statement.continues is not None and statement.continues < len(out):
            out.append(replace(statement, stance=out[statement.continues].stance))
            continue
        words = words_read(body, statement)
        against, for_ = cue_scores(words)
        side = sides.get(statement.speaker_key)
        if procedural(words) and max(against, for_) < 2:
            side = None  # "That is the sheriff's call": deferring takes no side
        if side == _RAID_FACTS:
            side = FOR if _COOPERATION_WORDS.search(_paragraph(body, statement)) else None
        # No strong cue and no side the article tells: a side presumed from the office (or
        # none) decides, and the model may overrule it.
        weak = max(against, for_) < 2 and not told.get(statement.speaker_key)
        against += _SIDE_WEIGHT * (side == AGAINST)
        for_ += _SIDE_WEIGHT * (side == FOR)
        if against >= 2 and against > for_:
            stance = AGAINST
        elif for_ >= 2 and for_ > against:
            stance = FOR
        else:
            stance = NEUTRAL
        if weak:
            feats = model_features(body, statement, by_key.get(statement.speaker_key))
            stance = stance_model.second_opinion(stance, feats)
        out.append(replace(statement, stance=stance))
    return out
