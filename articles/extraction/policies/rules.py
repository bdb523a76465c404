"""The triggers a policy is read from: each rule is a pattern for the decision itself,
the indicator and direction it sets and the kind of policy it implies; a ``Trigger`` is
a rule matched in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_NOT = (
    r"(?:not|no\s+longer|never|won['’]t|refus\w*\s+to|declin\w*\s+to|stop\w*|ceas\w*"
    r"|may\s+not|cannot|can['’]t|must\s+not|shall\s+not)"
)
# "bars city employees, including police, from asking": a ban's object, then "from".
_BARRED = (
    r"(?:bar(?:s|red|ring)?|ban(?:s|ned|ning)?|prohibit\w*|forbid\w*|forbad\w*)\s+"
    r"(?:[\w,'’]+\s+){0,12}?from"
)
_ICE = (
    r"(?:ICE|(?:U[.\s]S[.\s]\s*)?Immigration(?:\s+and\s+Customs\s+Enforcement(?:\s+\(ICE\))?)?"
    r"|immigration|federal)"
)
_BARS_LIMITS = (
    rf"\b{_BARRED}\s+(?:adopt\w*|enact\w*|pass\w*|hav\w*|keep\w*|creat\w*)\s+(?:any\s+|a\s+)?"
    r"(?:policy|policies|rules?|ordinances?|laws?|measures?)\s+(?:that|which)\s+(?:discourag"
    r"|limit|restrict|prohibit|bar|prevent|block)\w*\s+(?:[\w'’]+\s+){0,4}?(?:cooperat|assist|help|enforc"
    r"|comply|complie|honou?r)\w*"
)
# "ban" right after "sanctuary city" (quoted or not): the ban's own word starts the trigger.
_SANCTUARY_BAN = (
    "(?:"
    + "|".join(
        rf"(?<={lead}{quote} )"
        for lead in ("sanctuary", "sanctuary city", "sanctuary cities", "sanctuary-city")
        for quote in ("", '"', "”", "’")
    )
    + r")(?:ban|crackdown)\b"
)


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
        rf"\b(?:{_NOT}|end(?:s|ed|ing)?)\s+(?:to\s+)?(?:\w+\s+){{0,2}}?(?:honor\w*|comply\w*|recogni\w+)\b"
        rf"[^.;]{{0,80}}?\b(?:detainers?|requests?\s+from\s+{_ICE})",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b{_NOT}\s+(?:\w+\s+){{0,2}}?(?:hold|held|holding|detain|detained|detaining|jail|jailed"
        r"|jailing)\b"
        r"[^.;]{0,80}?"
        rf"(?:(?:without|unless)\b[^.;]{{0,50}}?\bwarrant|\bfor\s+{_ICE}"
        rf"|\bon\s+(?:{_ICE}\s+)?(?:detainers?|holds?)\b"
        rf"|\b(?:at\s+the\s+request|on\s+(?:the\s+)?(?:word|request))\s+of\s+(?:federal\s+)?{_ICE})",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(
        r"\b(?:hold|honor)\w*\b[^.;]{0,60}?\bonly\s+(?:with|when|if)\b[^.;]{0,30}?\bwarrant",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(
        r"\b(?:agree\w*|began|begin\w*|resum\w*|will|start\w*|continu\w*)\s+(?:to\s+)?"
        r"(?:honor\w*|comply\w*)\s+(?:with\s+)?[^.;]{0,40}?\bdetainers?\b(?!\s+only\b)",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(
        r"\b(?:ban(?:s|ned|ning)?|outlaw\w*|prohibit\w*)\s+sanctuary\s+(?:cities|city|policies|jurisdictions)",
        "detainers", "cooperates", "law", strong=True,
    ),
    _Rule(  # "requires every county jail to honor requests from ICE to hold people"
        r"\brequir\w*\s+(?:[\w'’]+\s+){0,6}?to\s+(?:honor|comply\s+with|hold)\b[^.;]{0,60}?"
        r"\b(?:detainers?|requests?|holds?)\b",
        "detainers", "cooperates", "law", strong=True,
    ),
    _Rule(  # "forbids cities from adopting any rule that limits what police may tell ICE"
        r"\b(?:forb[ai]d\w*|prohibit\w*|bar(?:s|red|ring)?|ban(?:s|ned|ning)?|block\w*)\s+[^.;]{0,60}?\b(?:limit|restrict)"
        r"\w*\s+[^.;]{0,40}?\b(?:tell|share|sharing|communicat\w*|information)\b",
        "information_sharing", "cooperates", "law", strong=True,
    ),
    _Rule(
        r"\b(?:ban(?:s|ned|ning)?|outlaw\w*|prohibit\w*)\s+sanctuary\s+(?:cities|city|policies|jurisdictions)",
        "local_resources", "cooperates", "law", strong=True,
    ),
    # A sanctuary ban, like "bans sanctuary cities" above, sets detainers and local resources.
    _Rule(  # "Iowa's new 'sanctuary city' ban", "the state's sanctuary ban" (a noun phrase)
        _SANCTUARY_BAN, "detainers", "cooperates", "law", strong=True,
    ),
    _Rule(_SANCTUARY_BAN, "local_resources", "cooperates", "law", strong=True),
    _Rule(  # "bars cities from adopting any policy that discourages police from cooperating"
        _BARS_LIMITS, "detainers", "cooperates", "law", strong=True,
    ),
    _Rule(_BARS_LIMITS, "local_resources", "cooperates", "law", strong=True),
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
        r"\b(?:end(?:s|ed|ing)?|terminat\w*|cancel\w*|cut\w*|not\s+renew\w*|exit\w*|withdr\w+\s+from)\s+"
        r"(?:[\w'’]+\s+){0,3}?(?:(?:jail|detention|ICE|immigration)(?:['’]s)?\s+(?:detention\s+)?"
        r"(?:contract|agreement)|(?:contract|"
        r"agreement|relationship)\b[^.;]{0,60}?\b(?:jail|detainees?|detention)|(?:contract|agreement)"
        r"\s+with\s+(?:the\s+)?(?:ICE|U[.\s]S[.\s]\s*Immigration|Immigration\s+and\s+Customs"
        r"|(?:U[.\s]S[.\s]\s*)?Department\s+of\s+Homeland\s+Security|DHS))",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(
        rf"\bremov\w*\s+(?:all\s+)?(?:{_ICE}\s+)?detainees\s+from\b",
        "jail_access", "limits", "jail_contract",
    ),
    _Rule(
        r"\b(?:den(?:y|ied|ies|ying)\s+ICE\s+(?:agents\s+)?access\s+to|bar(?:s|red|ring)?\s+ICE\s+(?:agents\s+)?"
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
        rf"\b(?:agree\w*\s+to|will|began|begin\w*|resum\w*)\s+(?:hous|hold|accept)\w*\s+"
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
        rf"shar\w*|collect\w*)\b[^.;]{{0,100}}?\b(?:immigration\s+status|(?:information|data|records)"
        rf"\s+with\s+(?:{_ICE}|(?:any|other|outside)\s+(?:\w+\s+){{0,2}}?(?:agenc\w+|authorities)"
        r"\s+(?:\w+\s+){0,3}?immigration))",
        "information_sharing", "limits", "other",
    ),
    _Rule(
        r"\bcut\w*\s+off\s+(?:any\s+|all\s+)?(?:access|ICE)\b[^.;]{0,80}?\bdatabases?\b"
        r"|\b(?:end(?:s|ed|ing)?|block\w*|den\w+|revok\w*|restrict\w*|limit\w*|cut\w*\s+off)\s+ICE['’]s\s+access\s+to"
        r"[^.;]{0,60}?"
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
        r"\b(?:restrict\w*|prohibit\w*|bar(?:s|red|ring)?|ban(?:s|ned|ning)?|limit\w*)\s+(?:the\s+)?(?:spending|use)\s+of\s+"
        r"(?:\w+\s+){0,2}?(?:funds|resources|money|personnel)\s+(?:on|for|to\s+(?:help|assist|aid"
        r"|support))\s+(?:federal\s+)?(?:immigration|deportation|ICE)",
        "local_resources", "limits", "other",
    ),
    _Rule(
        rf"\b{_NOT}\s+(?:to\s+)?(?:\w+\s+){{0,2}}?(?:cooperat\w*|assist\w*|participat\w*|help\w*|"
        rf"work\w*)\b[^.;]{{0,30}}?\b(?:{_ICE}|deportation)",
        "local_resources", "limits", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b(?:{_NOT}|{_BARRED})\s+(?:\w+\s+){{0,5}}?enforc\w*\s+(?:\w+\s+){{0,2}}?immigration\s+laws?",
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
        r"\b(?:end(?:s|ed|ing)?|terminat\w*|cancel\w*|withdr\w*|pull\w*\s+(?:\w+\s+){0,2}?out|exit\w*|scrap\w*"
        r"|drop\w*|not\s+renew\w*)\b"
        r"[^.;]{0,40}?287\s*\(g\)",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(
        r"\b(?:sign\w*|renew\w*|enter\w*\s+into|join\w*|approv\w*|expand\w*|extend(?:s|ed|ing)?)\b"
        # not across a ban ("signed a bill that bars counties from joining 287(g)") or an ending
        # ("a warrant signed by a judge, and that ends the only 287(g) agreement")
        r"(?:(?!\b(?:bar|bars|barred|barring|ban|bans|banned|banning|prohibit\w*|forb[ai]d\w*"
        r"|end|ends|ended|ending|terminat\w*|cancel\w*|rescind\w*|revok\w*)\b)"
        r"[^.;]){0,40}?287\s*\(g\)",
        "agreement_287g", "cooperates", "agreement_287g", strong=True,
    ),
    # More ways news reports a decision or a standing policy.
    _Rule(  # 287(g)'s other names: "Warrant Service Officer program", "task force model", MOA
        r"\b(?:sign\w*|join\w*|enter\w*\s+into|renew\w*|approv\w*|appl\w+\s+(?:to|for)|take\w*\s+part"
        r"\s+in|participat\w*\s+in)\b[^.;]{0,50}?\b(?:Warrant\s+Service\s+Officer|task\s+force\s+(?:model|agreement)"
        r"|jail\s+enforcement\s+model|memorandum\s+of\s+agreement\s+with\s+(?:ICE|U[.\s]S[.\s]\s*Immigration"
        r"|Immigration))",
        "agreement_287g", "cooperates", "agreement_287g", strong=True,
    ),
    _Rule(  # "ends jail program that screened inmates for ICE": ending a program with ICE
        r"\b(?:end(?:s|ed|ing)?|terminat\w*|cancel\w*|scrap\w*|drop\w*|quit\w*|abandon\w*)\s+"
        r"(?:[\w'’]+\s+){0,3}?(?:program|partnership)\b[^.;]{0,60}?\b(?:ICE|287|immigration)",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # "pulled out of the program", "withdrew from its agreement with ICE"
        r"\b(?:pull\w*\s+(?:[\w'’]+\s+){0,3}?out\s+of|withdr\w+\s+(?:[\w'’]+\s+){0,3}?from"
        r"|opt\w*\s+out\s+of|dropp\w*\s+out\s+of|quit)\s+"
        r"(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}?(?:program|agreement|partnership)\b"
        r"[^.;]{0,40}?(?:ICE|287|immigration)",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # an intergovernmental service agreement to rent jail beds to ICE
        r"\b(?:intergovernmental\s+(?:service\s+)?agreement|IGSA)\b"
        r"|\b(?:rent\w*|leas\w*)\s+(?:\w+\s+){0,2}?(?:beds|cells|space)\s+to\s+(?:ICE|the\s+federal"
        r"|U[.\s]S[.\s]\s*Immigration)",
        "jail_access", "cooperates", "jail_contract", strong=True,
    ),
    _Rule(  # "resumed honoring detainers", "began holding people for ICE again"
        r"\b(?:resum\w*|began|begin\w*|start\w*|restor\w*)\s+(?:honou?ring|holding|complying)\b"
        # "began holding ICE detainees": people in ICE's custody, a jail contract's business
        r"(?!\s+(?:ICE\s+|immigration\s+|federal\s+)?detainees)"
        r"[^.;]{0,60}?\b(?:detainers?|ICE|immigration)",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(  # "would release people who are free to go, even when ICE has lodged a detainer"
        r"\b(?:will|would|to|must|shall)\s+(?:\w+\s+)?releas\w*\s+(?:[\w,'’]+\s+){0,8}?(?:even\s+(?:when|if)"
        r"|regardless\s+of\s+whether|despite)\b[^.;]{0,60}?\bdetainers?\b",
        "detainers", "limits", "law_enforcement_policy",
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
    _Rule(  # "requires every sheriff to seek a 287(g) agreement"
        r"\brequir\w*\s+(?:[\w'’,]+\s+){0,8}?to\s+(?:seek|join|sign|enter\s+into|apply\s+for|obtain"
        r"|have)\s+(?:an?\s+)?287\s*\(g\)",
        "agreement_287g", "cooperates", "law", strong=True,
    ),
    _Rule(  # "bars jails from releasing anyone subject to an ICE detainer"
        rf"\b{_BARRED}\s+releas\w*\s+[^.;]{{0,50}}?\b(?:detainers?|immigration\s+holds?|ICE\s+holds?)",
        "detainers", "cooperates", "law", strong=True,
    ),
    _Rule(  # "lets the attorney general sue any county that adopts a sanctuary policy"
        r"\bsu(?:e|es|ing)\s+(?:any\s+|every\s+)?(?:\w+\s+){0,2}?(?:that|which)\s+(?:adopts?|pass\w*"
        r"|enact\w*|ha[sv]e?)\s+(?:an?\s+)?sanctuary",
        "local_resources", "cooperates", "law", strong=True,
    ),
    _Rule(  # "penalizes cities that adopt sanctuary policies", "punishes sanctuary cities"
        r"\b(?:penaliz\w*|punish\w*|fin\w+|withhold\w*\s+(?:state\s+)?(?:funds|money|grants)\s+from)"
        r"\s+(?:[\w'’]+\s+){0,4}?(?:sanctuary|that\s+(?:limit|refuse|do\s+not\s+cooperate))",
        "local_resources", "cooperates", "law", strong=True,
    ),
    _Rule(  # "tells officers not to call Border Patrol or ICE to check someone's status"
        rf"\b{_NOT}\s+(?:to\s+)?(?:call|contact|alert|summon)\w*\s+(?:U[.\s]S[.\s]\s*)?(?:Border\s+Patrol"
        r"|ICE|immigration|federal\s+(?:agents|immigration))",
        "information_sharing", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "officers may not extend a stop to wait for Border Patrol"
        rf"\b{_NOT}\s+(?:to\s+)?extend(?:s|ed|ing)?\s+(?:a\s+|the\s+)?(?:traffic\s+)?stops?\b",
        "local_resources", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "ending more than a decade in which the facility held people for ICE"
        r"\bend(?:s|ed|ing)?\s+(?:more\s+than\s+|nearly\s+|almost\s+)?(?:a|an|its|the|\d+)?\s*"
        r"(?:[\w-]+\s+){0,2}?(?:decades?|years?|era|arrangement|partnership)\s+(?:in|during)\s+which\s+"
        r"[^.;]{0,80}?\b(?:held|holding|housed|housing|detained|detaining|jailed)\b[^.;]{0,40}?"
        r"\b(?:ICE|immigra\w*|detainees)",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "ended the jail's practice of holding people on ICE detainers"
        r"\b(?:end(?:s|ed|ing)?|stopp?\w*|abandon\w*|scrap\w*)\s+(?:[\w'’]+\s+){0,3}?(?:practice|policy)\s+of\s+"
        r"(?:holding|honou?ring|detaining|jailing)\b[^.;]{0,60}?\b(?:detainers?|ICE|immigration)",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "bars law enforcement from holding anyone on a detainer ... unless"
        rf"\b{_BARRED}\s+(?:hold|keep|detain)\w*\s+[^.;]{{0,60}}?\b(?:on\s+(?:an?\s+)?(?:ICE\s+"
        rf"|immigration\s+)?detainers?|for\s+{_ICE}|past\s+(?:his|her|their)\s+release)"
        rf"|\brefus\w*\s+(?:\w+\s+){{0,2}}?requests?\s+from\s+(?:federal\s+)?(?:{_ICE}|immigration)"
        r"|\b(?:refus\w*|declin\w*|reject\w*)\s+(?:to\s+(?:honor|accept)\s+)?(?:all\s+|most\s+)?"
        r"(?:ICE\s+|immigration\s+)?detainers?\b"
        r"|\blimit\w*\s+when\s+[^.;]{0,80}?\bmay\s+hold\b",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "a law that makes it a state crime to be in Iowa without legal status"
        r"\b(?:make|makes|made|making)\s+(?:it\s+)?(?:a\s+)?(?:state\s+)?crime\s+(?:to\s+be|for\s+"
        r"(?:\w+\s+){1,3}?to\s+(?:be|enter|remain))\b[^.;]{0,60}?\b(?:without\s+(?:legal\s+)?"
        r"(?:immigration\s+)?(?:status|permission|authoriz\w+)|illegally|unlawfully)"
        r"|\b(?:illegal|unlawful)\s+(?:entry|re-?entry|presence)\s+(?:into\s+the\s+state\s+)?a\s+state"
        r"\s+crime\b",
        "local_resources", "cooperates", "law", strong=True,
    ),
    _Rule(  # "would have let state and local police arrest people suspected of ..."
        r"\b(?:let|lets|allow\w*|authoriz\w*|empower\w*|requir\w*)\s+(?:state\s+and\s+local\s+"
        r"|local\s+|state\s+)?(?:police|officers|law\s+enforcement|deputies|troopers)\s+(?:to\s+)?"
        r"(?:arrest|detain|question|enforce|check|ask\s+(?:about|for)\s+(?:\w+\s+){0,2}?status"
        r"|inquire\s+about)\b",
        "local_resources", "cooperates", "law",
    ),
    _Rule(  # "bars California counties from signing new detention contracts with ICE"
        rf"\b{_BARRED}\s+(?:sign\w*|enter\w*\s+into|expand\w*|renew\w*)(?:\s+or\s+\w+)?\s+"
        r"(?:\w+\s+){0,2}?(?:(?:detention\s+)?contracts?|(?:agreements?|contracts?|deals?)\s+to\s+"
        r"(?:detain|hold|house|jail))",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "the county jail lets ICE officers interview inmates"
        rf"(?<!not\s)\b(?:lets?|letting|allow\w*|gives?|giving|grant\w*)\s+"
        rf"(?:{_ICE}|(?:its|their|the\s+agency['’]s|ICE['’]s)(?=\s+(?:agents|officers)))\s+"
        r"(?:agents\s+|officers\s+)?"
        r"(?:to\s+)?(?:interview|question|access|into|pick\s+(?:\w+\s+){0,2}?up|take\s+custody"
        r"|use|work\s+(?:inside|in)\s+(?:the|its|their)\s+jails?|office\s+space|an?\s+office)\b"
        # "ICE officers will keep their office inside the county jail"
        rf"|\b{_ICE}\s+(?:officers\s+|agents\s+)?(?:will\s+)?(?:still\s+)?(?:keep|have|has|maintain)\w*"
        r"\s+(?:their|its|an)\s+office\s+(?:inside|in|at)\s+(?:the\s+)?(?:\w+\s+){0,2}?jails?\b",
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
    _Rule(  # "entered into an agreement with ICE to enforce immigration law": a 287(g)
        rf"\b(?:sign\w*|enter\w*\s+into|join\w*|renew\w*)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?agreements?"
        rf"\s+with\s+(?:the\s+)?(?:federal\s+government|{_ICE})\s+to\s+(?:help\s+)?enforce\s+"
        r"(?:civil\s+|federal\s+)?immigration\s+laws?",
        "agreement_287g", "cooperates", "agreement_287g", strong=True,
    ),
    _Rule(  # "also take part in the federal program, known as 287(g)"
        r"\b(?:take|takes|took|taken|taking|participat\w+|enroll\w*)\s+(?:part\s+)?in\s+(?:the\s+)?"
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
        r"\b(?:bar(?:s|red|ring)?|ban(?:s|ned|ning)?|prohibit\w*|forbid\w*)\s+(?:[\w,'’]+\s+){0,10}?(?:from\s+)?"
        r"(?:join\w*|enter\w*\s+into|sign\w*|any|new)\s+(?:\w+\s+)?287\s*\(g\)"
        r"|\bterminate\s+their\s+agreements\b",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # "honors most ICE detainers", "will still honor ICE detainers", "hold inmates for ICE"
        r"(?<!not\s)(?<!n['’]t\s)\b(?:honou?r(?:s|ed|ing)?|compl(?:y|ies|ied)\s+with)\s+"
        r"(?:every|all|most|any|the)?\s*(?:\w+\s+){0,2}?(?:ICE\s+)?(?:detainers?|detainer\s+requests?"
        r"|holds?)\b(?!\s+(?:only|without|unless))"
        r"|(?<=\bstill\s)honou?r\s+them\b|\b(?:keep|kept|keeps|continu\w*\s+to|resum\w*|restart\w*)\s+"
        r"honou?r\w*\s+them\b",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(
        rf"\b(?:hold|holds|held|holding)\s+(?!(?:an?\s+average\s+of\s+)?\d|(?:about|nearly|more\s+than"
        r"|some|over)\s)(?:\w+\s+){0,2}?(?:inmates|people|detainees|anyone"
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
        r"|\b(?:stopped|stop|end(?:s|ed|ing)?)\s+honou?ring\s+(?:\w+\s+){0,3}?(?:detainers|requests)"
        r"|\blimits?\s+on\s+honou?ring\b",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "holds ICE detainees under a contract", "rents jail beds to ICE", "houses people
        # held by ICE under a contract", "houses detainees under an agreement with the agency",
        # "has rented beds to the agency since 2008"
        rf"(?<!not\s)\b(?:hold|holds|house|houses|housed|held|holding|housing)\s+(?:\w+\s+){{0,4}}?"
        rf"(?:(?:{_ICE}\s+)?detainees|(?:people|inmates|immigrants)\s+held\s+(?:by|for)\s+{_ICE})\b"
        r"[^.;]{0,30}?\b(?:under|through)\s+(?:a\s+|an\s+|its\s+|their\s+)?"
        rf"(?:[\w-]+\s+)?(?:contract|agreement\s+with\s+(?:{_ICE}|the\s+agency))"
        rf"|\brent(?:s|ed|ing)?\s+(?:\w+\s+){{0,2}}?beds\s+to\s+(?:{_ICE}|the\s+agency)\b"
        rf"|\bcontract\s+(?:with\s+{_ICE}\s+)?to\s+(?:house|hold|detain)\s+(?:{_ICE}\s+)?detainees",
        "jail_access", "cooperates", "jail_contract", strong=True,
    ),
    _Rule(  # "holds people for ICE under an agreement with the agency"
        rf"(?<!not\s)\b(?:hold|holds|held|holding|house|houses|housed|housing)\s+"
        r"(?!(?:an?\s+average\s+of\s+)?\d|(?:about|nearly|more\s+than|some|over)\s)(?:\w+\s+){0,2}?"
        rf"(?:people|inmates|detainees|immigrants)\s+for\s+{_ICE}\s+under\s+(?:a|an|its|their|the)\s+"
        r"(?:[\w-]+\s+)?(?:agreement|contract)",
        "jail_access", "cooperates", "jail_contract", strong=True,
    ),
    _Rule(  # "may not hold people for ICE under a contract", "must end those contracts"
        r"\b(?:may\s+not|cannot|must\s+not|no\s+longer)\s+(?:\w+\s+){0,2}?(?:hold|house|detain)\b"
        r"[^.;]{0,60}?\bcontract|\bmust\s+end\s+(?:those|their|its|the)\s+contracts?",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "agents will no longer be allowed to interview inmates", "barring ICE from its jail"
        r"\b(?:no\s+longer|not)\s+(?:be\s+)?(?:allowed|permitted)\s+to\s+(?:interview|question"
        r"|enter|meet)\b|\bbar(?:s|red|ring)?\s+ICE\s+(?:agents\s+)?from\s+(?:interviewing|entering|its"
        r"|the)\b|\bclose\s+the\s+office\s+it\s+has\s+kept\b|\bmay\s+not\s+allow\s+ICE\s+to\s+use",
        "jail_access", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "will still notify ICE before releasing", "notify ICE before their release"
        rf"(?<!not\s)(?<!stop\s)\b(?:notify|notifies|notified|notifying|tell|tells|telling|alert\w*)\s+"
        rf"(?:{_ICE}|the\s+agency)\s+(?:\w+\s+){{0,3}}?(?:before|of|about|when)\s+(?:\w+\s+){{0,3}}?"
        r"(?:releas|book)"
        # "keep telling ICE when an inmate it is interested in is about to be released"
        rf"|(?<!not\s)(?<!stop\s)\b(?:notify\w*|notified|tell\w*|alert\w*)\s+{_ICE}\s+when\s+"
        r"(?:an?\s+|the\s+)(?:inmate|prisoner|person|detainee)\b[^.;]{0,50}?\b(?:released|releases|freed)\b",
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
        rf"|\b(?:may\s+not|{_BARRED})\s+(?:stop|question|arrest|search|detain)\w*\b[^.;]{{0,60}}?"
        r"\bimmigration\s+status",
        "local_resources", "limits", "law",
    ),
    # Phrasings met in real reporting of decisions, written as families.
    _Rule(  # "bars counties from entering into or renewing agreements under Section 287(g)"
        rf"\b{_BARRED}\s+(?:enter\w*\s+into|sign\w*|join\w*|renew\w*|seek\w*)"
        r"(?:\s+or\s+\w+(?:\s+into)?)?\s+[^.;]{0,40}?287\s*\(g\)",
        "agreement_287g", "limits", "agreement_287g", strong=True,
    ),
    _Rule(  # "will stop renting jail beds to ICE", "no longer rent cells to the federal ..."
        rf"\b{_NOT}\s+(?:\w+\s+)?(?:rent|leas)\w*\s+(?:\w+\s+){{0,2}}?(?:beds|cells|space)\s+to\s+"
        rf"(?:{_ICE}|the\s+federal)",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "the contract will be terminated", "the county's ICE contract was canceled"
        r"\b(?:ICE|detention|jail|immigration)?\s*contract\s+(?:with\s+ICE\s+)?(?:will\s+be|was|has\s+been"
        r"|is\s+being|would\s+be)\s+(?:\w+ly\s+)?(?:terminated|canceled|cancelled|ended|scrapped)\b",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "voted 3-2 to end a contract that ...", "chose not to renew the county's contract"
        r"\b(?:vot\w+|decid\w+|chose|opted|moved)\s+(?:\d+-\d+\s+)?(?:\w+\s+){0,3}?"
        r"(?:to\s+(?:end|terminate|cancel|scrap)|not\s+to\s+renew)\s+(?:a|the|its|their|the\s+county['’]s)\s+"
        r"(?:\w+\s+)?contract\b(?=[^.]{0,400}\b(?:ICE|detainees|Immigration))",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "an executive order barring city agencies from cooperating with ICE"
        rf"\b{_BARRED}\s+(?:cooperat\w*|assist\w*|participat\w*|help\w*|work\w*)\b[^.;]{{0,30}}?"
        rf"\b(?:{_ICE}|deportation)",
        "local_resources", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "ended its practice of notifying ICE of inmates' release dates"
        r"\b(?:end(?:s|ed|ing)?|stopp?\w*|abandon\w*|scrap\w*)\s+(?:[\w'’]+\s+){0,3}?(?:practice|policy)\s+of\s+"
        r"(?:notifying|telling|alerting|sharing|giving)\b[^.;]{0,60}?\b(?:ICE|immigration|release)",
        "information_sharing", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "a law that bans detention contracts between counties and ICE"
        r"\b(?:ban(?:s|ned|ning)?|prohibit\w*|outlaw\w*|bar(?:s|red|ring)?|forbid\w*)\s+(?:new\s+|any\s+|all\s+|future\s+)?"
        r"(?:immigration\s+|ICE\s+)?detention\s+(?:contracts|agreements)\b",
        "jail_access", "limits", "jail_contract", strong=True,
    ),
    _Rule(  # "bars the jail from giving ICE access to inmates"
        rf"\b{_BARRED}\s+(?:giv\w+|grant\w*|allow\w*|lett\w+|provid\w+)\s+(?:{_ICE})\s+"
        r"(?:agents\s+|officers\s+)?(?:access|entry|space)\b",
        "jail_access", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "will no longer be housed in the county jail for ICE"
        rf"\b{_NOT}\s+(?:be\s+)?housed\b[^.;]{{0,60}}?\bfor\s+{_ICE}",
        "jail_access", "limits", "jail_contract",
    ),
    _Rule(  # "no inmate will be held on an immigration detainer", "being held solely on a
        # detainer will be released", "detaining an individual solely on the basis of a detainer"
        r"\b(?:no\s+(?:one|inmate|person|detainee|prisoner|individual)s?|nobody)\s+(?:will|shall|may|can)"
        r"\s+(?:\w+\s+)?be\s+(?:held|detained|kept)\b[^.;]{0,30}?\b(?:on|for)\s+(?:an?\s+)?"
        r"(?:immigration\s+|ICE\s+)?(?:detainers?|holds?|ICE)\b"
        r"|\bheld\s+(?:solely|only)\s+on\s+(?:an?\s+)?(?:immigration\s+|ICE\s+)?detainers?\b[^.;]{0,40}?"
        r"\bwill\s+be\s+released"
        rf"|\b{_BARRED}\s+(?:hold|keep|detain)\w*\s+[^.;]{{0,40}}?\b(?:solely\s+|only\s+)?on\s+the\s+basis"
        r"\s+of\s+(?:an?\s+)?(?:ICE\s+|immigration\s+)?detainers?",
        "detainers", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "will continue to hold inmates on ICE detainers"
        r"\b(?:continu\w*\s+to|will|agree\w*\s+to|resum\w*|began)\s+(?:hold|holding|detain\w*)\s+"
        r"(?:\w+\s+){0,2}?on\s+(?:ICE\s+|immigration\s+)?detainers?\b(?!\s+only\b)",
        "detainers", "cooperates", "law_enforcement_policy",
    ),
    _Rule(  # "would no longer let ICE agents interview inmates"
        rf"\b{_NOT}\s+(?:\w+\s+)?(?:let|allow|permit)\w*\s+{_ICE}\s+(?:agents\s+|officers\s+)?(?:to\s+)?"
        r"(?:interview|question|access|into|enter|use|work)\b",
        "jail_access", "limits", "law_enforcement_policy",
    ),
    _Rule(  # "refused to renew its agreement giving ICE access to a police database"
        r"\b(?:refus\w*\s+to|declin\w*\s+to|not\s+to|will\s+not|won['’]t)\s+renew\s+(?:its|the|an?|their)\s+"
        r"(?:\w+\s+)?(?:agreement|contract)\b[^.;]{0,60}?\b(?:databases?|data|records)\b",
        "information_sharing", "limits", "law_enforcement_policy",
    ),
)  # fmt: skip


@cache
def compiled_rules() -> tuple[tuple[re.Pattern[str], _Rule], ...]:
    return tuple((re.compile(rule.pattern, re.IGNORECASE), rule) for rule in _RULES)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    rule: _Rule
    kind_start: int  # where the instrument naming it starts (for dating), else ``start``
    status: str = "in_force"
