"""The words the demo data is made of: invented names, roles, phrases, outlets. No real people."""

import calendar

FIRST_NAMES = (
    "Avery", "Blake", "Camila", "Dana", "Elena", "Farid", "Grace", "Hector", "Imani", "Jonah",
    "Keisha", "Luis", "Marisol", "Nathan", "Olivia", "Priya", "Quentin", "Rosa", "Samuel",
    "Tamara", "Ulises", "Valeria", "Wesley", "Ximena", "Yusuf", "Zoe", "Andre", "Beatriz",
    "Carter", "Delia", "Emmett", "Fiona", "Gabriel", "Hana", "Isaac", "Jolene", "Kwame",
    "Lorena", "Marcus", "Nadia", "Omar", "Paulina", "Reuben", "Sofia", "Tobias", "Uma",
    "Vincent", "Wanda", "Xavier", "Yolanda", "Zachary",
)  # fmt: skip
LAST_NAMES = (
    "Abernathy", "Baptiste", "Castellanos", "Delgado", "Ekwueme", "Fairbanks", "Galloway",
    "Halvorsen", "Ibarra", "Jablonski", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura",
    "Okonkwo", "Pemberton", "Quintero", "Rasmussen", "Sandoval", "Thibodeaux", "Underhill",
    "Valdivia", "Whitcomb", "Yarbrough", "Zamora", "Ashby", "Bellweather", "Cordero", "Dunleavy",
    "Esparza", "Fitzgerald", "Guerrero", "Hollister", "Iverson", "Jaramillo", "Kensington",
    "Lockhart", "Montalvo", "Novak", "Ortega", "Prescott", "Renfroe", "Sorensen", "Trujillo",
    "Vasquez", "Whitfield",
)  # fmt: skip
INITIALS = "ABCDEFGHJKLMNPRSTW"

# Roles by jurisdiction kind: the first is who speaks most, the rest fill the long tail.
ROLES = {
    "city": ("Mayor", "Police Chief", "City Attorney", "Deputy Mayor", "Council member"),
    "federal_district": ("Mayor", "Police Chief", "Attorney General", "Council member"),
    "county": ("Sheriff", "County Executive", "District Attorney", "County Commissioner"),
    "state": ("Governor", "Attorney General", "Lieutenant Governor", "State Senator"),
}
ORGANISATIONS = {
    "city": "{name} Police Department",
    "federal_district": "Metropolitan Police Department",
    "county": "{name} Sheriff's Office",
    "state": "{name} Department of Public Safety",
}
UNAFFILIATED = (
    ("ICE Field Office Director", "U.S. Immigration and Customs Enforcement"),
    ("ICE spokesperson", "U.S. Immigration and Customs Enforcement"),
    ("Immigration attorney", "Community Legal Aid Collective"),
    ("Executive director", "Neighbors United Immigrant Coalition"),
    ("Policy analyst", "Center for Public Safety Research"),
    ("Organizer", "Families Together Network"),
)

SUBJECTS = {
    "against_cooperation": (
        "our officers", "this city", "our deputies", "the county", "our jail", "my office",
        "city employees", "our police department", "this community", "we",
    ),
    "for_cooperation": (
        "our deputies", "the sheriff's office", "this county", "our jail", "we", "my office",
        "local law enforcement", "the state", "our officers",
    ),
    "neutral": ("we", "council members", "our attorneys", "county officials", "city staff"),
}  # fmt: skip
PREDICATES = {
    "against_cooperation": (
        "will not honor detainer requests without a judicial warrant",
        "will not do the federal government's job for it",
        "will not ask anyone about their immigration status",
        "will not hold people past their release date for ICE",
        "cannot let these raids tear families apart",
        "will not share our residents' information with federal agents",
        "must protect the trust between officers and immigrant neighbors",
        "will keep local money for local priorities",
        "will not let ICE agents walk into our jail without a warrant",
        "should not be afraid to call the police or send their kids to school",
        "will end the 287(g) agreement at the end of this term",
        "will stand with the families who were detained last week",
    ),
    "for_cooperation": (
        "will honor every detainer ICE sends us",
        "will keep working with our federal partners",
        "will hand people who commit crimes here to federal authorities",
        "will renew the 287(g) agreement because it keeps neighborhoods safe",
        "cannot release dangerous people back onto the street",
        "will give ICE officers access to the jail as the law requires",
        "must follow state law on immigration detainers",
        "will notify ICE before we release anyone they have asked about",
        "will support the operation with local deputies",
        "should not be a sanctuary for people who break the law",
    ),
    "neutral": (
        "are reviewing the new federal guidance with our lawyers",
        "will take up the question at the next public meeting",
        "have not received any detainer requests this month",
        "are waiting for the court to rule on the ordinance",
        "will publish the numbers once they are confirmed",
        "need more time to study the contract before anyone votes",
        "have asked ICE for a list of the people it detained",
        "will hold a town hall on immigration enforcement next week",
    ),
}
OPENERS = ("", "", "", "", "Let me be clear: ", "Frankly, ", "As I said last week, ", "Today ")
TAILS = (
    "", "", "", "", " and that is not going to change", " no matter what Washington says",
    " for as long as I hold this office", " and the numbers back that up",
    " because public safety depends on it", " and residents deserve to know that",
)  # fmt: skip

EVENT_SITES = (
    "food processing plant", "construction site", "car wash", "apartment complex",
    "restaurant", "farm", "warehouse", "flea market", "courthouse parking lot",
)  # fmt: skip
FACILITIES = ("county jail", "regional processing center", "federal detention center")
OPERATION_WORDS = (
    ("Silent", "Cross", "Harbor", "Granite", "Desert", "Northern", "Iron", "Blue", "Clear"),
    ("Sweep", "Horizon", "Shield", "Tide", "Falcon", "Gate", "Compass", "Lantern", "River"),
)
# (indicator, direction) -> what a policy does.
EFFECT_PHRASES = {
    ("detainers", "limits"): "bars local jails from holding people on ICE detainers "
    "without a judicial warrant",
    ("detainers", "cooperates"): "requires local jails to honor ICE detainer requests",
    ("jail_access", "limits"): "keeps ICE agents out of the jail without a warrant",
    ("jail_access", "cooperates"): "gives ICE officers access to the jail to interview inmates",
    ("information_sharing", "limits"): "forbids employees from sharing residents' immigration "
    "status with federal agents",
    ("information_sharing", "cooperates"): "requires release dates to be reported to ICE",
    ("local_resources", "limits"): "prohibits the use of local funds and staff for federal "
    "immigration enforcement",
    ("local_resources", "cooperates"): "directs local police to assist federal immigration "
    "operations",
    ("agreement_287g", "limits"): "ends the 287(g) agreement with ICE",
    ("agreement_287g", "cooperates"): "enters a 287(g) agreement that lets deputies act as "
    "immigration officers",
}
POLICY_INDICATORS = {
    "executive_order": ("local_resources", "information_sharing", "detainers"),
    "ordinance": ("local_resources", "information_sharing", "detainers"),
    "resolution": ("local_resources", "information_sharing"),
    "state_law": ("detainers", "information_sharing", "local_resources", "agreement_287g"),
    "law_enforcement_policy": ("detainers", "jail_access", "information_sharing"),
    "jail_contract": ("jail_access", "detainers"),
    "agreement_287g": ("agreement_287g", "jail_access"),
    "other": ("local_resources", "information_sharing"),
}
# Kinds of policy action by jurisdiction kind, with weights.
POLICY_KINDS = {
    "state": (("state_law", 60), ("executive_order", 25), ("agreement_287g", 5), ("other", 10)),
    "county": (
        ("law_enforcement_policy", 30),
        ("jail_contract", 20),
        ("agreement_287g", 20),
        ("ordinance", 10),
        ("resolution", 10),
        ("executive_order", 5),
        ("other", 5),
    ),
    "city": (
        ("ordinance", 30),
        ("resolution", 25),
        ("executive_order", 20),
        ("law_enforcement_policy", 20),
        ("other", 5),
    ),
}
POLICY_KINDS["federal_district"] = POLICY_KINDS["city"]
POLICY_ACTORS = {
    "executive_order": "{head} signed an executive order that",
    "ordinance": "the {council} passed an ordinance that",
    "resolution": "the {council} adopted a resolution that",
    "state_law": "{name} lawmakers passed a law that",
    "law_enforcement_policy": "the {agency} adopted a policy that",
    "jail_contract": "officials in {name} approved a jail contract with ICE that",
    "agreement_287g": "officials in {name} voted on an agreement with ICE that",
    "other": "officials in {name} announced a change that",
}
HEADS = {
    "city": "the mayor",
    "federal_district": "the mayor",
    "county": "the county executive",
    "state": "{name}'s governor",
}
COUNCILS = {
    "city": "{name} City Council",
    "federal_district": "D.C. Council",
    "county": "{name} Board of Commissioners",
    "state": "{name} legislature",
}
AGENCIES = {
    "city": "{name} police department",
    "federal_district": "Metropolitan Police Department",
    "county": "{name} sheriff's office",
    "state": "{name} state police",
}

FILLERS = (
    "The debate over cooperation with federal immigration authorities has divided {place}.",
    "Immigrant rights groups have pressed officials in {place} for answers for months.",
    "The sheriff's office did not respond to a request for comment.",
    "ICE said it does not comment on ongoing operations.",
    "About a dozen residents spoke during the public comment period.",
    "Attorneys for several of the people detained said they had not been allowed to call "
    "their families.",
    "The vote came after a three-hour meeting that stretched past midnight.",
    "Local officials said they had learned of the operation from news reports.",
    "Federal officials have threatened to cut grants to jurisdictions that limit cooperation.",
    "The number of detainer requests sent to the jail has risen every year since 2019.",
)
HEADLINES = (
    "{place} weighs limits on cooperation with ICE",
    "Sheriff defends jail's work with immigration agents in {place}",
    "Immigration arrests in {place} draw protests",
    "{place} officials split over detainer policy",
    "What the new ICE agreement means for {place}",
    "Families in {place} describe a week of raids",
    "{place} council votes on sanctuary measure",
)
OUTLETS = (
    ("Metro Ledger", "metroledger"),
    ("Valley Courier", "valleycourier"),
    ("Capitol Report", "capitolreport"),
    ("Harbor Times", "harbortimes"),
    ("Prairie Dispatch", "prairiedispatch"),
    ("Public Radio Newsroom", "publicradionews"),
    ("The Daily Sentinel", "dailysentinel"),
    ("Northern Gazette", "northerngazette"),
)
MONTHS = tuple(calendar.month_name)[1:]

# Rough populations for the places the gazetteer gives none: they only order the skew.
GUESSED_POPULATION = {"state": 2_500_000, "county": 150_000, "federal_district": 700_000}
