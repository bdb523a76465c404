"""Policy actions in news prose, each mapped to the cooperation indicators it sets.

A sentence reports a policy when it contains a *trigger* (the decision itself: "will not detain
... without a judicial warrant", "end the contract between ICE and the city jail") outside
quotation marks, not in a hypothetical ("could consider", "threatened to"), not a question, and
not a general claim about unnamed "cities" or "jurisdictions". Its kind comes from the instrument
named before the trigger ("executive order", "resolution", "police"); its place from the places
named before the trigger, else the nearest place named shortly before the sentence, else
``default_place``. Triggers of one sentence with the same place and kind make one policy with
several indicators; a restatement (same place, kind and indicators in one paragraph, without
"also") is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from articles.extraction.dates import (
    article_sentences,
    dates_between,
    mention_for_span,
    period,
    sentence_index,
)
from articles.extraction.events import quoted_spans
from articles.extraction.places.gazetteer import state_by_code
from articles.extraction.spans import SpanIndex, intervals
from articles.extraction.types import (
    DeclarationCandidate,
    Place,
    PlaceMention,
    PolicyCandidate,
    Speaker,
)

_NOT = (
    r"(?:not|no\s+longer|never|won['’]t|refus\w*\s+to|declin\w*\s+to|stop\w*|ceas\w*"
    r"|may\s+not|cannot|can['’]t|must\s+not|shall\s+not)"
)
# "bars city employees, including police, from asking": a ban's object, then "from".
_BARRED = r"(?:bar\w*|ban\w*|prohibit\w*|forbid\w*|forbad\w*)\s+(?:[\w,'’]+\s+){0,12}?from"
_ICE = r"(?:ICE|U\.S\.\s+Immigration|Immigration|immigration|federal)"
_SUMMARY_LIMIT = 300
_CARRY_OVER_CHARS = 600  # how far back a place still sets the scene for a sentence without one


@dataclass(frozen=True)
class _Rule:
    """A trigger, the indicator it sets and the policy kind it implies on its own.

    ``strong`` kinds (a contract, a 287(g) agreement, a law) beat a police or sheriff subject;
    only a named legal instrument before the trigger ("executive order") beats them."""

    pattern: str
    indicator: str
    direction: str
    kind: str
    strong: bool = False

    @property
    def indicator_direction(self) -> tuple[str, str]:
        return self.indicator, self.direction


_RULES = (
    # detainers
    _Rule(
        rf"\b(?:{_NOT}|end\w*)\s+(?:to\s+)?(?:\w+\s+){{0,2}}?(?:honor\w*|comply\w*|recogni\w+)\b"
        rf"[^.;]{{0,80}}?\b(?:detainers?|requests?\s+from\s+{_ICE})",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b{_NOT}\s+(?:\w+\s+){{0,2}}?(?:hold|held|holding|detain|detained|jail|jailed)\b"
        r"[^.;]{0,80}?"
        rf"(?:(?:without|unless)\b[^.;]{{0,50}}?\bwarrant|\bfor\s+{_ICE}"
        rf"|\bon\s+(?:{_ICE}\s+)?(?:detainers?|holds?)\b)",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(
        r"\b(?:hold|honor)\w*\b[^.;]{0,60}?\bonly\s+(?:with|when|if)\b[^.;]{0,30}?\bwarrant",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(
        r"\b(?:agree\w*|began|begin\w*|resum\w*|will|start\w*|continu\w*)\s+(?:to\s+)?"
        r"(?:honor\w*|comply\w*)\s+(?:with\s+)?[^.;]{0,40}?\bdetainers?\b",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(
        r"\b(?:ban\w*|outlaw\w*|prohibit\w*)\s+sanctuary\s+(?:cities|city|policies|jurisdictions)",
        "detainers", "cooperates", "law", strong=True,
    ),
    _Rule(  # "requires every county jail to honor requests from ICE to hold people"
        r"\brequir\w*\s+(?:[\w'’]+\s+){0,6}?to\s+(?:honor|comply\s+with|hold)\b[^.;]{0,60}?"
        r"\b(?:detainers?|requests?|holds?)\b",
        "detainers", "cooperates", "law", strong=True,
    ),
    _Rule(  # "forbids cities from adopting any rule that limits what police may tell ICE"
        r"\b(?:forb[ai]d\w*|prohibit\w*|bar\w*|ban\w*|block\w*)\s+[^.;]{0,60}?\b(?:limit|restrict)"
        r"\w*\s+[^.;]{0,40}?\b(?:tell|share|sharing|communicat\w*|information)\b",
        "information_sharing", "cooperates", "law", strong=True,
    ),
    _Rule(
        r"\b(?:ban\w*|outlaw\w*|prohibit\w*)\s+sanctuary\s+(?:cities|city|policies|jurisdictions)",
        "local_resources", "cooperates", "law", strong=True,
    ),
    _Rule(
        r"\banti-sanctuary\s+(?:state\s+|city\s+)?(?:law|bill|legislation|ordinance)\b",
        "detainers", "cooperates", "law", strong=True,
    ),
    # jail_access
    _Rule(
        rf"\b{_NOT}\s+(?:\w+\s+){{0,2}}?(?:accept|house|take|hold)\w*\s+(?:any\s+)?"
        rf"(?:more\s+|new\s+)?(?:{_ICE}\s+)?detainees\b",
        "jail_access", "limits", "jail_contract",
    ),
    _Rule(
        r"\b(?:end\w*|terminat\w*|cancel\w*|cut\w*|not\s+renew\w*|exit\w*|withdr\w+\s+from)\s+"
        r"(?:[\w'’]+\s+){0,3}?(?:(?:jail|detention|ICE|immigration)(?:['’]s)?\s+(?:detention\s+)?"
        r"(?:contract|agreement)|(?:contract|"
        r"agreement|relationship)\b[^.;]{0,60}?\b(?:jail|detainees?|detention)|(?:contract|agreement)"
        r"\s+with\s+(?:ICE|U\.S\.\s+Immigration|Immigration\s+and\s+Customs))",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(
        rf"\bremov\w*\s+(?:all\s+)?(?:{_ICE}\s+)?detainees\s+from\b",
        "jail_access", "limits", "jail_contract",
    ),
    _Rule(
        r"\b(?:den(?:y|ied|ies|ying)\s+ICE\s+(?:agents\s+)?access\s+to|bar\w*\s+ICE\s+(?:agents\s+)?"
        r"from)\s+(?:the\s+|its\s+|county\s+|city\s+)*(?:jails?|inmates|prisons?)",
        "jail_access", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b(?:sign\w*|approv\w*|renew\w*|enter\w*\s+into|agree\w*\s+to|OKs?|OK['’]d|back\w*)\s+"
        rf"(?:a\s+|an\s+|the\s+)?(?:\w+\s+){{0,2}}?(?:contract|agreement|deal)\s+(?:with\s+{_ICE}"
        r"[\w.\s]{0,40}?\s+)?to\s+(?:house|hold|detain|accept|jail)\s+(?:up\s+to\s+\d+\s+)?"
        rf"(?:federal\s+)?(?:{_ICE}|immigration\s+detainees|detainees)",
        "jail_access", "cooperates", "jail_contract", strong=True,
    ),
    _Rule(
        rf"\b(?:agree\w*\s+to|will|began|begin\w*|resum\w*)\s+(?:house|hold|accept)\w*\s+"
        rf"{_ICE}\s+detainees",
        "jail_access", "cooperates", "jail_contract",
    ),
    # information_sharing
    _Rule(
        rf"\blimit\w*\s+communication\s+between\b[^.;]{{0,80}}?\b{_ICE}",
        "information_sharing", "limits", "other",
    ),
    _Rule(
        rf"\b(?:{_NOT}|{_BARRED})\s+(?:\w+\s+){{0,2}}?(?:ask\w*|inquir\w*|disclos\w*|"
        rf"shar\w*|collect\w*)\b[^.;]{{0,60}}?\b(?:immigration\s+status|information\s+with\s+{_ICE})",
        "information_sharing", "limits", "other",
    ),
    _Rule(
        r"\bcut\w*\s+off\s+(?:any\s+|all\s+)?(?:access|ICE)\b[^.;]{0,80}?\bdatabases?\b"
        r"|\b(?:end\w*|block\w*|den\w+|revok\w*|restrict\w*)\s+ICE['’]s\s+access\s+to[^.;]{0,60}?"
        r"\b(?:databases?|records|data)\b",
        "information_sharing", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b{_NOT}\s+(?:\w+\s+){{0,2}}?notify\w*\s+{_ICE}",
        "information_sharing", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b(?:will|agree\w*\s+to|began|begin\w*|to)\s+(?:\w+\s+)?notify\w*\s+{_ICE}[^.;]{{0,40}}?"
        r"\brelease",
        "information_sharing", "cooperates", "law_enforcement_policy",
    ),
    _Rule(
        rf"\bshar\w*\s+(?:release\s+dates|information|data|records)\s+with\s+{_ICE}",
        "information_sharing", "cooperates", "law_enforcement_policy",
    ),
    # local_resources
    _Rule(
        r"\b(?:restrict\w*|prohibit\w*|bar\w*|ban\w*|limit\w*)\s+(?:the\s+)?(?:spending|use)\s+of\s+"
        r"(?:\w+\s+){0,2}?(?:funds|resources|money|personnel)\s+(?:on|for)\s+(?:federal\s+)?"
        r"(?:immigration|deportation)",
        "local_resources", "limits", "other",
    ),
    _Rule(
        rf"\b{_NOT}\s+(?:to\s+)?(?:\w+\s+){{0,2}}?(?:cooperat\w*|assist\w*|participat\w*|help\w*|"
        rf"work\w*)\b[^.;]{{0,30}}?\b(?:{_ICE}|deportation)",
        "local_resources", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b(?:{_NOT}|{_BARRED})\s+(?:\w+\s+){{0,5}}?enforc\w*\s+(?:federal\s+)?immigration\s+laws?",
        "local_resources", "limits", "law_enforcement_policy",
    ),
    _Rule(
        r"(?<!anti-)\bsanctuary\s+(?:state\s+|city\s+)?(?:law|bill|legislation|ordinance)\b",
        "local_resources", "limits", "law", strong=True,
    ),
    _Rule(
        rf"\blimit\w*\s+(?:[\w'’]+\s+){{0,2}}?cooperation\s+(?:between|with)\b[^.;]{{0,60}}?{_ICE}",
        "local_resources", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b(?:agree\w*\s+to|will|began|begin\w*)\s+(?:\w+\s+)?(?:cooperat\w*|assist\w*|help\w*|"
        rf"work)\s+with\s+{_ICE}",
        "local_resources", "cooperates", "law_enforcement_policy",
    ),
    # agreement_287g
    _Rule(
        r"\b(?:end\w*|terminat\w*|cancel\w*|withdr\w*|pull\w*\s+out|exit\w*|scrap\w*|drop\w*"
        r"|not\s+renew\w*)\b"
        r"[^.;]{0,40}?287\s*\(g\)",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(
        r"\b(?:sign\w*|renew\w*|enter\w*\s+into|join\w*|approv\w*|expand\w*|extend\w*)\b"
        r"[^.;]{0,40}?287\s*\(g\)",
        "agreement_287g", "cooperates", "agreement_287g", strong=True,
    ),
    # More ways news reports a decision or a standing policy.
    _Rule(  # 287(g)'s other names: "Warrant Service Officer program", "task force model", MOA
        r"\b(?:sign\w*|join\w*|enter\w*\s+into|renew\w*|approv\w*|appl\w+\s+(?:to|for)|take\w*\s+part"
        r"\s+in|participat\w*\s+in)\b[^.;]{0,50}?\b(?:Warrant\s+Service\s+Officer|task\s+force\s+model"
        r"|jail\s+enforcement\s+model|memorandum\s+of\s+agreement\s+with\s+(?:ICE|U\.S\.\s+Immigration"
        r"|Immigration))",
        "agreement_287g", "cooperates", "agreement_287g", strong=True,
    ),
    _Rule(  # "pulled out of the program", "withdrew from its agreement with ICE"
        r"\b(?:pull\w*\s+out\s+of|withdr\w+\s+from|opt\w*\s+out\s+of|dropp\w*\s+out\s+of|quit)\s+"
        r"(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}?(?:program|agreement|partnership)\b"
        r"[^.;]{0,40}?(?:ICE|287|immigration)",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # an intergovernmental service agreement to rent jail beds to ICE
        r"\b(?:intergovernmental\s+(?:service\s+)?agreement|IGSA)\b"
        r"|\b(?:rent\w*|leas\w*)\s+(?:\w+\s+){0,2}?(?:beds|cells|space)\s+to\s+(?:ICE|the\s+federal"
        r"|U\.S\.\s+Immigration)",
        "jail_access", "cooperates", "jail_contract", strong=True,
    ),
    _Rule(  # "resumed honoring detainers", "began holding people for ICE again"
        r"\b(?:resum\w*|began|begin\w*|start\w*|restor\w*)\s+(?:honou?ring|holding|complying)\b"
        r"[^.;]{0,60}?\b(?:detainers?|ICE|immigration)",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(  # "no longer holds inmates past their release date", "refuses to hold people past"
        rf"\b{_NOT}\s+(?:\w+\s+){{0,2}}?(?:hold|holds|keep|keeps)\s+(?:\w+\s+){{0,2}}?(?:inmates|"
        r"people|anyone|prisoners)\s+(?:\w+\s+){0,2}?(?:past|beyond|after)\s+(?:their|his|her|the)",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "requires local police to cooperate with ICE", "mandates cooperation with ICE"
        rf"\b(?:requir\w*|mandat\w*|forc\w*|compel\w*|obligat\w*)\s+(?:[\w'’,]+\s+){{0,6}}?"
        rf"(?:to\s+)?(?:cooperat\w*|comply|complying|assist\w*|work\w*)\s+(?:fully\s+)?with\s+"
        rf"(?:{_ICE}|federal)",
        "local_resources", "cooperates", "law", strong=True,
    ),
    _Rule(  # "penalizes cities that adopt sanctuary policies", "punishes sanctuary cities"
        r"\b(?:penaliz\w*|punish\w*|fin\w+|withhold\w*\s+(?:state\s+)?(?:funds|money|grants)\s+from)"
        r"\s+(?:[\w'’]+\s+){0,4}?(?:sanctuary|that\s+(?:limit|refuse|do\s+not\s+cooperate))",
        "local_resources", "cooperates", "law", strong=True,
    ),
    _Rule(  # "tells officers not to call Border Patrol or ICE to check someone's status"
        rf"\b{_NOT}\s+(?:to\s+)?(?:call|contact|alert|summon)\w*\s+(?:U\.S\.\s+)?(?:Border\s+Patrol"
        r"|ICE|immigration|federal\s+(?:agents|immigration))",
        "information_sharing", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "officers may not extend a stop to wait for Border Patrol"
        rf"\b{_NOT}\s+(?:to\s+)?extend\w*\s+(?:a\s+|the\s+)?(?:traffic\s+)?stops?\b",
        "local_resources", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "ended the jail's practice of holding people on ICE detainers"
        r"\b(?:end\w*|stopp?\w*|abandon\w*|scrap\w*)\s+(?:[\w'’]+\s+){0,3}?(?:practice|policy)\s+of\s+"
        r"(?:holding|honou?ring|detaining|jailing)\b[^.;]{0,60}?\b(?:detainers?|ICE|immigration)",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "bars law enforcement from holding anyone on a detainer ... unless"
        rf"\b{_BARRED}\s+(?:hold|keep|detain)\w*\s+[^.;]{{0,60}}?\b(?:on\s+(?:an?\s+)?(?:ICE\s+"
        rf"|immigration\s+)?detainers?|for\s+{_ICE}|past\s+(?:his|her|their)\s+release)"
        rf"|\brefus\w*\s+(?:\w+\s+){{0,2}}?requests?\s+from\s+(?:federal\s+)?(?:{_ICE}|immigration)"
        r"|\blimit\w*\s+when\s+[^.;]{0,80}?\bmay\s+hold\b",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "would have let state and local police arrest people suspected of ..."
        r"\b(?:let|lets|allow\w*|authoriz\w*|empower\w*|requir\w*)\s+(?:state\s+and\s+local\s+"
        r"|local\s+|state\s+)?(?:police|officers|law\s+enforcement|deputies|troopers)\s+(?:to\s+)?"
        r"(?:arrest|detain|question|enforce|check)\b",
        "local_resources", "cooperates", "law",
    ),
    _Rule(  # "bars California counties from signing new detention contracts with ICE"
        rf"\b{_BARRED}\s+(?:sign\w*|enter\w*\s+into|expand\w*|renew\w*)\s+(?:\w+\s+){{0,2}}?"
        r"(?:detention\s+)?contracts?",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "the county jail lets ICE officers interview inmates"
        rf"(?<!not\s)\b(?:lets?|allow\w*|gives?|grant\w*)\s+{_ICE}\s+(?:agents\s+|officers\s+)?"
        r"(?:to\s+)?(?:interview|question|access|into)\b",
        "jail_access", "cooperates", "law_enforcement_policy",
    ),
    _Rule(  # "barring every agency in the state from entering into a new one" (a 287(g))
        rf"\b{_BARRED}\s+(?:entering\s+into|signing|joining)\s+(?:a\s+)?new\s+(?:one|agreements?)",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # "Gwinnett County has had its own 287(g) agreement since 2009", "under a 287(g) ..."
        r"\b(?:ha[sd]|have|keeps?|kept|keep\w*|still\s+(?:has|have)|under)\s+(?:had\s+)?"
        r"(?:its|their|an?|the)?\s*(?:own\s+)?287\s*\(g\)\s+(?:agreements?|program|partnership)",
        "agreement_287g", "cooperates", "agreement_287g", strong=True,
    ),
    _Rule(  # "also take part in the federal program, known as 287(g)"
        r"\b(?:take|takes|took|taking|participat\w+|enroll\w*)\s+(?:part\s+)?in\s+(?:the\s+)?"
        r"(?:federal\s+)?(?:program|287\s*\(g\))[^.;]{0,40}?(?:287\s*\(g\))?",
        "agreement_287g", "cooperates", "agreement_287g", strong=True,
    ),
    _Rule(  # "let the 287(g) agreement lapse", "voted not to renew it", "the agreement expired"
        r"\blet\s+(?:its|their|the|an?)?\s*(?:[\w()]+\s+){0,3}?(?:agreement|contract|program)\b[^.;]{0,60}?"
        r"\b(?:lapse|expire|end)\b|\b(?:287\s*\(g\)|agreement)[^.;]{0,80}?\bexpired\b"
        r"|\bvot\w+\s+(?:\d+-\d+\s+)?(?:last\s+\w+\s+)?not\s+to\s+renew",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # "bars ... from joining 287(g) agreements", "bars any 287(g) agreement"
        r"\b(?:bar\w*|ban\w*|prohibit\w*|forbid\w*)\s+(?:[\w,'’]+\s+){0,10}?(?:from\s+)?"
        r"(?:join\w*|enter\w*\s+into|sign\w*|any|new)\s+(?:\w+\s+)?287\s*\(g\)"
        r"|\bterminate\s+their\s+agreements\b",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # "honors most ICE detainers", "will still honor ICE detainers", "hold inmates for ICE"
        r"(?<!not\s)(?<!n['’]t\s)\b(?:honou?r(?:s|ed|ing)?|compl(?:y|ies|ied)\s+with)\s+"
        r"(?:every|all|most|any|the)?\s*(?:\w+\s+){0,2}?(?:ICE\s+)?(?:detainers?|detainer\s+requests?"
        r"|holds?)\b(?!\s+(?:only|without|unless))"
        r"|(?<=\bstill\s)honou?r\s+them\b",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b(?:hold|holds|held|holding)\s+(?:\w+\s+){{0,2}}?(?:inmates|people|detainees|anyone"
        rf"|them)\s+for\s+{_ICE}\b(?![^.;]{{0,90}}\b(?:only|unless|without|solely)\b)",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(  # "held people on detainers only if ...", "hold a person on a detainer only when ..."
        r"\b(?:hold|holds|held|holding|honou?r\w*)\b[^.;]{0,50}?\bdetainers?\b[^.;]{0,10}?"
        r"\bonly\s+(?:if|when|with|for)\b"
        r"|\b(?:hold|keep)\w*\s+[^.;]{0,40}?\bonly\s+if\s+(?:the\s+agency|ICE)\s+produces",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(
        r"\blimit\w*\s+(?:\w+\s+){0,2}?(?:compliance|cooperation)\s+with\s+(?:ICE\s+)?detainers"
        r"|\blimits?\s+on\s+(?:ICE\s+)?detainers|\blimit\s+detainers\b"
        r"|\b(?:stopped|stop|end\w*)\s+honou?ring\s+(?:\w+\s+){0,3}?(?:detainers|requests)"
        r"|\blimits?\s+on\s+honou?ring\b",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "holds ICE detainees under a contract", "rents jail beds to ICE"
        rf"(?<!not\s)\b(?:hold|holds|house|houses|housed|held|holding|housing)\s+(?:\w+\s+){{0,2}}?"
        rf"(?:{_ICE}\s+)?detainees\s+(?:under|through)\s+(?:a\s+|an\s+|its\s+)?(?:\w+\s+)?contract"
        r"|\brents?\s+(?:\w+\s+){0,2}?beds\s+to\s+ICE"
        rf"|\bcontract\s+(?:with\s+{_ICE}\s+)?to\s+(?:house|hold|detain)\s+(?:{_ICE}\s+)?detainees",
        "jail_access", "cooperates", "jail_contract", strong=True,
    ),
    _Rule(  # "may not hold people for ICE under a contract", "must end those contracts"
        r"\b(?:may\s+not|cannot|must\s+not|no\s+longer)\s+(?:\w+\s+){0,2}?(?:hold|house|detain)\b"
        r"[^.;]{0,60}?\bcontract|\bmust\s+end\s+(?:those|their|its|the)\s+contracts?",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "agents will no longer be allowed to interview inmates", "barring ICE from its jail"
        r"\b(?:no\s+longer|not)\s+(?:be\s+)?(?:allowed|permitted)\s+to\s+(?:interview|question"
        r"|enter|meet)\b|\bbar\w*\s+ICE\s+(?:agents\s+)?from\s+(?:interviewing|entering|its"
        r"|the)\b|\bclose\s+the\s+office\s+it\s+has\s+kept\b|\bmay\s+not\s+allow\s+ICE\s+to\s+use",
        "jail_access", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "will still notify ICE before releasing", "notify ICE before their release"
        rf"(?<!not\s)(?<!stop\s)\b(?:notify|notifies|notified|notifying|tell|tells|alert\w*)\s+"
        rf"(?:{_ICE}|the\s+agency)\s+(?:\w+\s+){{0,3}}?(?:before|of|about|when)\s+(?:\w+\s+){{0,3}}?"
        r"releas",
        "information_sharing", "cooperates", "law_enforcement_policy",
    ),
    _Rule(  # "checks the immigration status of everyone booked", "requires jails to check"
        r"(?<!not\s)\b(?:check|checks|checked|checking|screen|screens|screened|verif\w+)\s+"
        r"(?:(?:the\s+)?(?:immigration|citizenship)\s+status\s+of\s+(?:some\s+|all\s+)?(?:everyone"
        r"|every|all|anyone|inmates|foreign|people|suspects)|(?:that|the|a|each)\s+person['’]s\s+"
        r"(?:immigration|citizenship)\s+status)"
        r"|\bquestion\w*\s+(?:suspects|people|anyone|inmates)\s+[^.;]{0,60}?\babout\s+(?:their|his"
        r"|her)\s+immigration\s+status",
        "information_sharing", "cooperates", "law_enforcement_policy",
    ),
    _Rule(  # "may not tell ICE when a client is due", "may not share information about ..."
        rf"\b{_NOT}\s+(?:\w+\s+){{0,2}}?(?:tell|give|share|release|provide)\w*\s+(?:{_ICE}|"
        r"information|data|records|nonpublic)",
        "information_sharing", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "stops probation officers from sharing information ... with ICE"
        r"\bstops?\s+(?:[\w'’]+\s+){0,4}?from\s+(?:sharing|telling|giving)\b",
        "information_sharing", "limits", "law",
    ),
    _Rule(  # "ordering every state agency to cooperate with federal immigration authorities"
        rf"\b(?:order\w*|direct\w*|requir\w*|instruct\w*)\s+(?:[\w'’,]+\s+){{0,6}}?to\s+"
        rf"(?:cooperate|work|partner|assist)\s+(?:fully\s+)?with\s+(?:{_ICE}|federal)",
        "local_resources", "cooperates", "executive_order",
    ),
    _Rule(  # "limits how state and local law enforcement can help federal immigration authorities"
        r"\blimit\w*\s+(?:how|what|when|the\s+(?:assistance|help|ways))\b[^.;]{0,80}?"
        r"\b(?:help|assist\w*|cooperat\w*|give)\b"
        r"|\bmay\s+not\s+(?:stop|question|arrest|search|detain)\b[^.;]{0,60}?"
        r"\bimmigration\s+status",
        "local_resources", "limits", "law",
    ),
)  # fmt: skip

# Named legal instruments; the nearest one before a trigger decides the kind.
_INSTRUMENTS = (
    (r"\bexecutive\s+orders?\b", "executive_order"),
    (r"\bresolutions?\b", "resolution"),
    (r"\bordinances?\b", "ordinance"),
    (r"\b(?:[SAH]\.?B\.?\s*\d+|bills?|legislation|statutes?|laws?(?!\s+enforcement))\b", "law"),
)
_SHERIFF_AFTER = re.compile(r"(?:['’]s)?\s+(?:county\s+)?sheriff", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while)\s+")
_POLICE = r"\b(?:police|sheriff\w*|law\s+enforcement|officers|deputies|jails?)\b"
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|no\s+longer|never|refus\w*|declin\w*|stop\w*|end\w*|won['’]t|\w+n['’]t)\b[^.;]*$",
    re.IGNORECASE,
)
# "bars employees from asking ... and from sharing information with ICE": a barred act.
_BARRED_BEFORE = re.compile(
    r"\b(?:bar|bars|barred|barring|ban\w*|prohibit\w*|forbid\w*|forbad\w*|stop\w*|keep\w*)\b"
    r"[^.;]{0,120}\bfrom\s+$|\blimits?\s+on\s+$",
    re.IGNORECASE,
)
_GERUND = re.compile(r"[A-Z]\w*ing\b")
# After a dateline's place: ", Tenn." / " (AP)" and a dash.
_DATELINE_TAIL = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s+\([\w. ]+\))?\s*[—–-]")
# Words that make a decision hypothetical or a threat: no policy at all ("could", "if").
_HYPOTHETICAL = re.compile(
    r"\b(?i:could|might|threaten\w*|if|whether|want\w*\s+to|hop\w*\s+to|wish\w*|urg\w+"
    r"|call\w*\s+on|asked|push\w*\s+for)\b|\bmay\b(?!\s+not)"
    # "Ohio has no statewide law ...": the absence of a policy
    r"|\b(?i:has\s+no|have\s+no|there\s+is\s+no|lacks?|does\s+not\s+have|never\s+had)\b"
)
# Words that make it a proposal: reported so editors see it, never counted for a stance.
_PROPOSED = re.compile(
    r"\b(?:propos\w*|pending|introduc\w+|consider\w*|plans?\s+to|planning\s+to"
    r"|expected\s+to|expects?\s+to|will\s+vote|set\s+to\s+vote|soon|call\w*\s+for"
    r"|seek\w*|draft\w*|weigh\w*|debat\w+|died|failed|vetoed|advance"
    r"|aims?\s+to|intends?\s+to|is\s+to\s+vote|measure\s+that|not\s+come\s+up"
    r"|(?:bill|measure|proposal|ordinance)\s+(?:that|which)\s+would|would\s+have)\b"
    # "would" in the clause, unless it reports what someone said they decided ("said the
    # jail would no longer hold ...")
    r"|^(?:(?!\b(?:said|says|announced|told|stated|added|confirmed|ordered)\b).)*\bwould\b",
    re.IGNORECASE,
)
# A court stopping a law or an order.
_BLOCKED_BEFORE = re.compile(
    r"\b(?:judge|court|justices?|injunction)\b[^.;]{0,120}?\b(?:block\w*|enjoin\w*|halt\w*"
    r"|struck|strike|suspend\w*|injunction|put\s+on\s+hold)\b|\bblocked\b",
    re.IGNORECASE,
)
_BLOCKED_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:blocked|enjoined|struck\s+down|halted|put\s+on\s+hold|suspended)\s+by\s+"
    r"(?:a|the)\s+(?:federal\s+|state\s+)?(?:judge|court)",
    re.IGNORECASE,
)
# A policy that an action ended: "voted to repeal the resolution that limited ...".
_REPEALED_BEFORE = re.compile(
    r"\b(?:repeal\w*|rescind\w*|revok\w*|revers\w*|overturn\w*|undo\w*|undid|void\w*|scrap\w*"
    r"|abolish\w*|ended\s+(?:a|the)\s+(?:\d{4}\s+)?(?:policy|resolution|order|ordinance|practice))"
    r"\b[^.;]{0,100}$",
    re.IGNORECASE,
)
# Another actor's claim: "Trump threatened", "ICE says sanctuary jurisdictions ...".
_OTHER_ACTOR = re.compile(
    r"\b(?:Trump|White\s+House|administration|Justice\s+Department|Department\s+of\s+Justice"
    r"|DOJ|DHS|Attorney\s+General|ICE|federal\s+officials)\s+(?:\w+\s+){0,2}?(?:said|says|"
    r"threaten\w*|claim\w*|argu\w*|want\w*|told|criticiz\w*|attack\w*|warn\w*|demand\w*|su\w*)\b"
)
# A general remark about unnamed places ("dozens of cities", "jurisdictions that ...").
_GENERIC_SUBJECT = re.compile(
    r"\b(?:cities|jurisdictions|municipalities|counties|localities|states|agencies|departments"
    r"|mayors|officials|sheriffs|jails)\b",
    re.IGNORECASE,
)


# "She also issued an executive order ..." reports a second decision, not a restatement.
_ANOTHER = re.compile(r"\b(?:also|additionally|in\s+addition|separately)\b", re.IGNORECASE)


# Cheap gates before the triggers' regular expressions: a sentence about none of these is no
# policy action, and each indicator's triggers need one of its words (lower case).
_DOMAIN_WORDS = (
    "ice", "immigra", "detain", "287", "sanctuar", "deport", "border", "federal", "migrant",
    "alien", "undocumented", "citizenship", "agency", "agents", "warrant", "jail", "contract",
    "detention", "status",
)  # fmt: skip
_INDICATOR_WORDS = {
    "detainers": ("detain", "hold", "held", "honor", "honour", "sanctuar", "warrant", "request",
                  "comply", "compli", "keep", "jail"),
    "jail_access": ("detainee", "contract", "interview", "jail", "inmate", "prison", "access",
                    "office", "facilit", "allow", "permit", "let", "give", "grant", "bar",
                    "agreement", "igsa", "beds", "cells", "space"),
    "information_sharing": ("status", "notif", "shar", "tell", "database", "communicat",
                            "information", "data", "record", "releas", "ask", "inquir",
                            "disclos", "call", "contact", "alert", "limit", "check", "screen",
                            "verif", "question", "summon"),
    "local_resources": ("cooperat", "assist", "particip", "help", "work", "enforc", "sanctuar",
                        "fund", "resource", "money", "personnel", "arrest", "question", "stop",
                        "extend", "partner", "limit", "detain", "check"),
    "agreement_287g": ("287", "agreement", "program", "new one", "renew", "contract",
                       "task force", "memorandum", "model", "partnership"),
}  # fmt: skip


@cache
def _compiled_rules() -> tuple[tuple[re.Pattern[str], _Rule], ...]:
    return tuple((re.compile(rule.pattern, re.IGNORECASE), rule) for rule in _RULES)


@cache
def _compiled_instruments() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p, re.IGNORECASE), kind) for p, kind in _INSTRUMENTS)


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    rule: _Rule
    kind_start: int  # where the instrument naming it starts (for dating), else ``start``
    status: str = "in_force"


@dataclass(frozen=True)
class _Actor:
    """A reference to a speaker who acts for a place: ``text[start:end]``."""

    start: int
    end: int
    place: Place


class _Article:
    """What placing a policy needs to know about the whole article."""

    def __init__(
        self,
        text: str,
        places: list[PlaceMention],
        default_place: Place | None,
        speakers: list[Speaker],
    ) -> None:
        self.text = text
        self.places = SpanIndex(places)
        self.default_place = default_place
        self.counts = Counter(p.place for p in places)
        self.actors = SpanIndex(
            _Actor(s, e, sp.place)
            for sp in speakers
            if sp.place is not None and sp.level in ("local", "state")
            for s, e in sp.mentions
        )
        states = [p for p in self.counts if p.kind == "state"]
        self.state = max(states, key=lambda p: self.counts[p]) if states else None
        if self.state is None and default_place is not None:
            self.state = state_by_code(default_place.state)
        self.last_place: Place | None = None  # of the latest policy: "Under the law, ..."


def find_policies(
    text: str,
    places: list[PlaceMention],
    published: dt.date | None,
    *,
    default_place: Place | None = None,
    declarations: list[DeclarationCandidate] | None = None,
    speakers: list[Speaker] | None = None,
) -> list[PolicyCandidate]:
    """Every policy action reported in ``text`` (see the module docstring for the rules).
    Words that follow a declaration in its sentence ("reiterated her city's status as a
    sanctuary city, where police vow to refuse ...") describe the label, not a decision.
    ``speakers`` (with their places) place what an official says their office will do."""
    quotes = intervals(quoted_spans(text))
    declared = SpanIndex(declarations or [])
    article = _Article(text, places, default_place, speakers or [])
    policies: list[PolicyCandidate] = []
    seen: set[tuple] = set()
    for start, end in article_sentences(text):
        if text[start:end].rstrip("”\"' ").endswith("?"):
            continue  # a question reports no decision
        said = declared.starting_in(start, end)
        declared_at = said[0].start if said else -1
        for policy in _sentence_policies(article, start, end, published, quotes, declared_at):
            article.last_place = policy.place
            key = (
                _paragraph_start(text, start),
                policy.place,
                policy.kind,
                policy.indicators,
                policy.status,
            )
            if key not in seen or _ANOTHER.search(text, start, end):
                seen.add(key)
                policies.append(policy)
    return _headline_placed(text, policies)


def _headline_placed(text: str, policies: list[PolicyCandidate]) -> list[PolicyCandidate]:
    """A headline rarely names who decided ("Board OKs deal to hold ICE detainees"): a policy
    read from the first line takes the place of the first policy of the body that sets one of
    its indicators the same way, when there is one."""
    first_line = text.find("\n")
    if first_line < 0:
        return policies
    body = [p for p in policies if p.start > first_line and p.status != "proposed"]
    placed = []
    for policy in policies:
        if policy.start < first_line:
            same = next((p for p in body if set(p.indicators) & set(policy.indicators)), None)
            if same is not None and same.place != policy.place:
                policy = replace(policy, place=same.place)
        placed.append(policy)
    return placed


def _sentence_policies(
    article: _Article,
    start: int,
    end: int,
    published: dt.date | None,
    quotes: SpanIndex,
    declared_at: int = -1,
) -> list[PolicyCandidate]:
    """Group the sentence's triggers by (place, kind): one policy per group."""
    text = article.text
    groups: dict[tuple[Place, str, str], list[_Trigger]] = {}
    for trigger in _triggers(text, start, end, quotes):
        if 0 <= declared_at < trigger.start:
            continue  # words about a declared label, not a decision
        for place in _places_for(article, start, end, trigger):
            kind = _kind(text, start, trigger, place)
            groups.setdefault((place, kind, trigger.status), []).append(trigger)
    return [
        _policy(text, start, end, place, kind, triggers, published, status)
        for (place, kind, status), triggers in groups.items()
    ]


def _policy(
    text: str,
    start: int,
    end: int,
    place: Place,
    kind: str,
    triggers: list[_Trigger],
    published: dt.date | None,
    status: str = "in_force",
) -> PolicyCandidate:
    """One policy; dated by the first day of the period its sentence names ("in June": June 1,
    with month precision)."""
    when = mention_for_span(text, triggers[0].kind_start, triggers[0].end, published)
    first, _, precision = period(when)
    takes_effect, ends_on = _effect_dates(text, start, end, published)
    directions = {direction for _, direction in (t.rule.indicator_direction for t in triggers)}
    if takes_effect is None and ends_on is not None and directions == {"limits"}:
        # "will not renew the agreement when it expires June 30": the limit starts that day
        takes_effect, ends_on = ends_on, None
    if takes_effect is not None and status == "in_force":
        first, precision = takes_effect, "day"
        if published is not None and takes_effect > published:
            status = "enacted"  # decided, in force from that day
    return PolicyCandidate(
        kind=kind,
        start=start,
        end=end,
        summary=_summary(text, start, end),
        indicators=tuple(dict.fromkeys((t.rule.indicator, t.rule.direction) for t in triggers)),
        place=place,
        effective_on=first,
        date_precision=precision,
        status=status,
        ends_on=ends_on,
    )


_TAKES_EFFECT = re.compile(
    r"\b(?:takes?|took|will\s+take|goes|went|will\s+go)\s+(?:into\s+)?effect\b|\beffective\b",
    re.IGNORECASE,
)
_ENDS = re.compile(
    r"\b(?:expires?|expired|will\s+expire|ends?|ended|will\s+end|sunsets?|lapses?|runs?\s+"
    r"(?:through|until)|terminate\s+(?:\w+\s+){0,3}?by|by)\b",
    re.IGNORECASE,
)
# The sentence after a policy that goes on about it: "The agreement takes effect April 1."
_GOES_ON = re.compile(
    r"\W*(?:The|That|This|Its|It)\b(?:\s+(?:new\s+)?(?:agreement|law|order|contract|directive"
    r"|ordinance|resolution|policy|measure|program|rules?))?",
    re.IGNORECASE,
)


def _effect_dates(
    text: str, start: int, end: int, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """(takes effect, ends) from the policy's sentence and the next one when it goes on about
    the policy: "takes effect April 1", "expires June 30", "must terminate them by Nov. 1"."""
    spans = article_sentences(text)
    index = sentence_index(text, start)
    windows = [(start, end)]
    if index + 1 < len(spans) and _GOES_ON.match(text, spans[index + 1][0]):
        windows.append(spans[index + 1])
    effective = ends = None
    for lo, hi in windows:
        dates = [d for d in dates_between(text, lo, hi, published) if d.precision == "day"]
        for cue, found in ((_TAKES_EFFECT, "effective"), (_ENDS, "ends")):
            for m in cue.finditer(text, lo, hi):
                after = [d for d in dates if 0 <= lo + d.start - m.end() <= 20 and d.value]
                if not after:
                    continue
                value = _ahead(text, lo, after[0], published)
                if found == "effective" and effective is None:
                    effective = value
                elif found == "ends" and ends is None:
                    ends = value
    return effective, ends


def _ahead(text: str, lo: int, mention, published: dt.date | None) -> dt.date:
    """A date a policy takes effect or ends on, written without a year ("Oct. 1"), lies ahead
    of publication, not in the year before."""
    value = mention.value
    words = text[lo + mention.start : lo + mention.end]
    if published is not None and value < published and not re.search(r"\d{4}", words):
        try:
            return value.replace(year=value.year + 1)
        except ValueError:  # February 29th
            return value
    return value


def _triggers(text: str, start: int, end: int, quotes: SpanIndex) -> list[_Trigger]:
    """The sentence's triggers that survive the quote, hypothetical, other-actor and negation
    checks (a "cooperates" trigger right after "not"/"refused" is the opposite decision), each
    with the status its sentence gives it (``_status``)."""
    found: list[_Trigger] = []
    lowered = text[start:end].lower()
    if not any(word in lowered for word in _DOMAIN_WORDS):
        return found  # nothing about immigration enforcement in this sentence
    possible = {i for i, words in _INDICATOR_WORDS.items() if any(w in lowered for w in words)}
    for pattern, rule in _compiled_rules():
        if rule.indicator not in possible:
            continue  # none of the words any trigger of this indicator needs
        for m in pattern.finditer(text, start, end):
            before = text[start : m.start()]
            if quotes.containing(m.start()):
                continue  # quoted words are statements, handled by the quotes step
            if _HYPOTHETICAL.search(before) or _OTHER_ACTOR.search(before):
                continue
            if not before.strip(' “"') and _GERUND.match(m.group()):
                continue  # "Honoring detainers wastes resources": an opinion about a practice
            if rule.direction == "cooperates" and (
                _NEGATION_BEFORE.search(before[-40:]) or _BARRED_BEFORE.search(before)
            ):
                continue
            status = _status(text, start, end, m)
            found.append(
                _Trigger(m.start(), m.end(), rule, _instrument_start(text, start, m), status)
            )
    # "terminate its contract to house detainees": the ending wins over what it ends.
    kept = [
        t
        for t in found
        if not any(
            o.rule.indicator == t.rule.indicator
            and o.rule.direction != t.rule.direction
            and o.start < t.start < o.end
            for o in found
        )
    ]
    return sorted(kept, key=lambda t: t.start)


def _status(text: str, start: int, end: int, m: re.Match[str]) -> str:
    """proposed, blocked, repealed or in_force, from the words of the trigger's clause."""
    clause = text[_clause_start(text, start, m.start()) : m.start()]
    after = text[m.end() : end]
    if _BLOCKED_BEFORE.search(clause) or _BLOCKED_AFTER.search(after):
        return "blocked"
    if _REPEALED_BEFORE.search(clause):
        return "repealed"
    if _PROPOSED.search(clause) or _PROPOSED.search(m.group()):
        return "proposed"
    return "in_force"


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last ", and" / ", but" that
    joins a new clause (an instrument named before it does not govern what follows)."""
    breaks = list(_CLAUSE_BREAK.finditer(text, sentence_start, position))
    return breaks[-1].end() if breaks else sentence_start


def _instrument_start(text: str, sentence_start: int, m: re.Match[str]) -> int:
    found = _nearest_instrument(text, _clause_start(text, sentence_start, m.start()), m.start())
    return found[0] if found else m.start()


def _nearest_instrument(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(position, kind) of the last named legal instrument in ``text[start:end]``."""
    best: tuple[int, str] | None = None
    for pattern, kind in _compiled_instruments():
        for m in pattern.finditer(text, start, end):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best


def _kind(text: str, sentence_start: int, trigger: _Trigger, place: Place) -> str:
    """Named instrument before the trigger > strong rule kind > police subject > rule kind;
    a "law" is a state law when the place is a state, else a local ordinance."""
    clause_start = _clause_start(text, sentence_start, trigger.start)
    instrument = _nearest_instrument(text, clause_start, trigger.start)
    if instrument:
        kind = instrument[1]
    elif trigger.rule.strong:
        kind = trigger.rule.kind
    elif re.search(_POLICE, text[clause_start : trigger.start], re.IGNORECASE):
        kind = "law_enforcement_policy"
    else:
        kind = trigger.rule.kind
    if kind == "law":
        return "state_law" if place.kind == "state" else "ordinance"
    return kind


def _places_for(article: _Article, start: int, end: int, trigger: _Trigger) -> list[Place]:
    """The deciders of a trigger, in this order:

    - the distinct places named in the trigger's clause (else sentence) before the trigger,
      except those named after an official who speaks: "Sheriff Ana Ruiz said her office
      would stop ..." is the sheriff's county, "State Rep. Ana Ruiz, a Republican from Bucks
      County, said he would introduce a bill" the state;
    - any place in the sentence;
    - for a sentence naming none: the place of an official acting in it; the state for a
      governor or legislature; the policy just reported ("Under the law, ..."); the place
      named shortly before that the article is most about (a county for "the county jail");
    - ``default_place``.
    A general remark about unnamed "cities" with no place in the sentence yields none; towns
    named only as where a jail or a court is, or as a reference point, never decide."""
    text, places = article.text, article.places
    in_sentence = _own_places(text, list(places.starting_in(start, end)))
    # "NASHVILLE, Tenn. (AP) — The governor signed ...": the dateline is where the story was
    # filed, not who decided, when the sentence names another place.
    undated = [p for p in in_sentence if not _is_dateline(text, p)]
    in_sentence = [p for p in undated or in_sentence if not _bystander(text, p)]
    # "Nassau County still honors them, and a bill in Albany would ...": the trigger's clause.
    clause = _clause_start(text, start, trigger.start)
    in_clause = [p for p in in_sentence if clause <= p.start]
    # "... and barring every agency in New Jersey from entering into a new one": a place
    # inside the trigger's own words, when its clause names none before it.
    before = (
        [p for p in in_clause if p.start < trigger.start]
        or [p for p in in_clause if p.start < trigger.end]
        or [p for p in in_sentence if p.start < trigger.start]
    )
    # The latest official in the sentence who speaks before the trigger.
    actor, speech = None, None
    for candidate in reversed(article.actors.starting_in(start, trigger.start)):
        speech = _SPEECH.search(text, candidate.end, trigger.start)
        if speech:
            actor = candidate
            break
    if actor and speech:
        before = [p for p in before if p.start >= speech.end()]
        if not before:
            return [actor.place]
    clause_end = _CLAUSE_BREAK.search(text, trigger.end, end)
    if _STATEWIDE.search(text, clause, clause_end.start() if clause_end else end) and before:
        # "a bill in Albany that would limit detainers statewide": the state's
        state = before[-1].place
        state = state if state.kind == "state" else state_by_code(state.state)
        return [state] if state else []
    chosen = _fit_for_sheriff(text, trigger, before or in_sentence[:1])
    if before or in_sentence:
        return list(dict.fromkeys(p.place for p in chosen))
    acting = article.actors.last_before(trigger.start, limit=trigger.start - start)
    if acting is not None:
        return [acting.place]
    lead = text[start : trigger.start]
    if _STATE_ACTOR.search(lead) and article.state is not None:
        return [article.state]  # "Gov. Ana Ruiz orders ...", "the Legislature passed ..."
    if _GENERIC_SUBJECT.search(text, start, trigger.start):
        return []
    if _ANAPHORA.match(text, start) and article.last_place is not None:
        return [article.last_place]  # "Under the new law, police may not ..."
    earlier = list(places.starting_in(start - _CARRY_OVER_CHARS, start))
    earlier = [p for p in earlier if not _bystander(text, p)] or earlier
    kind = _KIND_WORD.search(lead)
    if kind:  # "The county jail lets ICE ...": the county just named
        wanted = "county" if kind[0].lower() in ("county", "sheriff") else "city"
        earlier = [p for p in earlier if p.place.kind == wanted] or earlier
    if earlier:
        # The place the article is most about among those just named, else the latest.
        return [max(reversed(earlier), key=lambda p: article.counts[p.place]).place]
    return [article.default_place] if article.default_place else []


_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|stated|added|confirmed|wrote|explained)\b", re.IGNORECASE
)
_STATEWIDE = re.compile(r"\bstatewide\b|\bacross\s+the\s+state\b", re.IGNORECASE)
_STATE_ACTOR = re.compile(
    r"\b(?:Gov\.|Governor|governor|Legislature|legislature|lawmakers|General\s+Assembly"
    r"|Attorney\s+General|state\s+(?:law|agencies|agency|police|patrol))\b"
)
_ANAPHORA = re.compile(
    r"\W*(?:Under\s+(?:the|this|that|its)\s+(?:new\s+)?(?:law|act|order|directive|ordinance"
    r"|resolution|bill|policy|measure|rules?)|Under\s+it\b|(?:The|That|This|Its)\s+(?:new\s+)?"
    r"(?:law|act|order|directive|ordinance|resolution|policy|measure)\s+(?:also\s+)?\w+s\b"
    r"|It\s+also\b)",
    re.IGNORECASE,
)
_KIND_WORD = re.compile(r"\b(?:county|sheriff|city|mayor)\b", re.IGNORECASE)


_JAIL_IN = re.compile(
    r"\b(?:jail|prison|center|facility|office|headquarters|plant|hangar|judge|court"
    r"|courthouse|hearing)\s+(?:in|at|near)\s+$"
    r"|\b(?:County|county)(?:['’]s)?\s+[^.;,]{0,40}\b(?:in|at)\s+$"
)


def _bystander(text: str, mention: PlaceMention) -> bool:
    """ "the Seneca County jail in Tiffin", "a federal judge in Austin", "Yuba County, north
    of Sacramento": a town named as where a building or a court is, or as a reference point;
    the county, state or whoever runs it decides."""
    window = max(0, mention.start - 80)
    if mention.place.kind == "city" and _JAIL_IN.search(text, window, mention.start):
        return True
    return bool(_REFERENCE.search(text, window, mention.start))


_REFERENCE = re.compile(
    r"\b(?:near|outside(?:\s+of)?|(?:north|south|east|west)(?:east|west)?\s+of|miles\s+from)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _fit_for_sheriff(
    text: str, trigger: _Trigger, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """A sheriff decides for a county: when one acts right before the trigger and no county
    is named, a city in the sentence is only where things happened ("a raid in Austin followed
    a local sheriff's decision"), unless it names the sheriff ("the Tulsa sheriff")."""
    acting = re.search(r"sheriff", text[max(0, trigger.start - 60) : trigger.start], re.I)
    if not acting or any(m.place.kind == "county" for m in mentions):
        return mentions
    return [m for m in mentions if m.place.kind != "city" or _SHERIFF_AFTER.match(text, m.end)]


def _is_dateline(text: str, mention: PlaceMention) -> bool:
    return _paragraph_start(text, mention.start) == mention.start and bool(
        _DATELINE_TAIL.match(text, mention.end)
    )


def _own_places(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Drop a state that only qualifies the place before it ("Portland, Oregon")."""
    kept: list[PlaceMention] = []
    for mention in mentions:
        qualifies = (
            kept
            and mention.place.kind == "state"
            and not text[kept[-1].end : mention.start].strip(" ,")
        )
        if not qualifies:
            kept.append(mention)
    return kept


def _paragraph_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _summary(text: str, start: int, end: int) -> str:
    words = " ".join(text[start:end].split())
    return words if len(words) <= _SUMMARY_LIMIT else words[: _SUMMARY_LIMIT - 1] + "…"
