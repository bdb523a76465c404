"""Word lists that tell a place's name from the same word in another use: the words
next to it that make it an outlet, a team, a person, an institution or a common word."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


# Words that, right after a place, make it part of a news outlet's name.
OUTLET_WORDS = _words(
    "Post Times Herald Tribune Journal Chronicle Globe News Gazette Sun Star Inquirer Examiner "
    "Register Record Review Magazine Daily Press Bulletin Dispatch Courier Observer Telegraph "
    "Constitution Citizen Reporter Report Free Standard Statesman Sentinel Enquirer Picayune "
    "Advocate Independent Leader Mercury Republic Democrat Republican Plain Morning Evening "
    "Weekly Monthly Voice Reader Patch Business Eagle Bee Oregonian Beacon Argus Ledger"
)
PARTY_WORDS = _words("Republican Democrat Democratic Independent Libertarian")
OUTLET_PHRASES = ("Public Radio", "Public Media", "Public Television", "Public Broadcasting")
BROADCASTERS = _words(
    "CBS NBC ABC FOX Fox CNN NPR PBS MSNBC CW KTLA WXIA WSB Telemundo Univision Spectrum"
)
TEAM_WORDS = _words(
    "Braves Falcons Hawks Bears Bulls Cubs Sox Blackhawks Fire Broncos Nuggets Rockies Avalanche "
    "Texans Rockets Astros Dynamo Rams Chargers Lakers Clippers Dodgers Angels Kings Galaxy "
    "Dolphins Heat Marlins Panthers Saints Pelicans Giants Jets Knicks Nets Yankees Mets Rangers "
    "Islanders 49ers Warriors Cardinals Suns Diamondbacks Coyotes Ravens Orioles Patriots Celtics "
    "Bruins Seahawks Mariners Sounders Kraken Trail Timberwolves Twins Vikings Wild Packers Bucks "
    "Brewers Lions Pistons Tigers Colts Pacers Steelers Penguins Pirates Eagles Phillies Flyers "
    "Sixers Cowboys Mavericks Stars Chiefs Royals Titans Predators Grizzlies Jaguars Buccaneers "
    "Rays Lightning Magic Spurs Jazz Thunder Browns Cavaliers Guardians Bengals Reds Commanders "
    "Nationals Capitals Wizards Raiders Knights Padres Hornets Hurricanes Sabres Bills Blues"
)
# Right before a name, these make it a person's: "Mayor Phoenix Lane", "Judge Jane Austin".
TITLES = _words(
    "Mayor Judge Sheriff Gov. Governor Sen. Senator Rep. Representative President Chief Officer "
    "Director Commissioner Mr. Mrs. Ms. Dr. Secretary Attorney Councilman Councilwoman "
    "Councilmember Alderman Deputy Agent Sgt. Lt. Capt. Det. Sgt Lt Capt Det Rev. Father "
    "Pastor Professor Prof. Justice Magistrate Superintendent Lawyer Trustee Supervisor"
)
# Capitalised words that are not first names: a place right after one is not a surname.
NOT_FIRST_NAMES = _words(
    "The A An In At On For From To Of By With Near Outside Inside Across Throughout Around Like "
    "Unlike And But Or Nor As Since After Before While When Where Whether Despite During Under "
    "Over Into Than Both Including Especially Even Only Also Then Now Here There This That These "
    "Those Every Each All Some Many Most Via Per Beyond Within Between Against About "
    "North South East West Northern Southern Eastern Western Central Northeast Northwest "
    "Southeast Southwest Upstate Downstate Metro Greater Downtown Suburban Rural Urban Inner "
    "Outer Coastal Midtown Uptown Neighboring Nearby Sanctuary Welcoming Federal Local State "
    "Why How What Which Who If Although Though Because Once Until Unless Meanwhile However "
    "Yet So Still Just Not No Its It Our Their His Her My Your We They He She I You "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Related RELATED "
    "Besides Beside Among Amid Toward Towards Except Elsewhere Along Upon Onto Past Behind "
    "Below Above Beneath Alongside Aside Plus Unlike Following Excluding Ahead Closer"
)
# Cities that share their name with a common given name or surname: a capitalised word after
# them must be an institution ("Austin Police"), else it is a person ("Austin Smith").
NAME_LIKE_CITIES = _words(
    "Austin Madison Aurora Tyler Eugene Norman Lawrence Warren Jackson Lincoln Allen Irving "
    "Frederick Florence Charlotte Victoria Kent Quincy Raleigh Troy Chester Camden Carson Gary "
    "Marion Chandler Douglas Franklin Hamilton Logan Murray Orlando Sherman Taylor Tracy Vernon "
    "Wayne Clinton Henderson Houston Dallas Denver Phoenix Savannah Everett Sterling Milton "
    "Mitchell Nelson Newton Preston Shelby Spencer Burke Bryan Harrison Morgan Murphy Parker "
    "Perry Riley Ross Temple Tucker Webster Wilson Jordan Sydney Dayton Kingston Lafayette "
    "Bristol Columbus Cleveland Santa Monroe Beverly Georgia Virginia Carolina Augusta Jasmine "
    "McKinney Denton Lowell Edison Hayward Downey Fullerton Davis Anderson Campbell Moore"
)
INSTITUTION_WORDS = _words(
    "Mayor Mayor's Police City County Council Sheriff Sheriff's Department Public Detention Jail "
    "Board Chief Schools School Field Office Area Metro Region Immigrant Immigrants Immigration "
    "Common District Superior Municipal Court Courts Circuit Housing Health Correctional "
    "Corrections Fire Division Commission Commissioners Airport International Attorney "
    "Prosecutor Unified Independent Bay Township Village Alderman Aldermen Councilman "
    "Councilwoman Councilmember Manager Hall Legislature Gov. Governor Senate Assembly State "
    "Democrats Republicans Residents Metropolitan Regional Community Catholic Archdiocese "
    "Diocese Federal ICE Transit Jail's Police's Sanctuary Rapid Response Legal Workers Union"
)
LOCATIVE_WORDS = _words(
    "in In at At near Near from From outside Outside into to across around toward towards "
    "through throughout between and or including like Like metro suburban downtown"
)
PLACE_NOUNS_AFTER = _words(
    "police mayor officials residents city council sheriff leaders schools jail authorities "
    "officers area metro county department detention immigrants community resident native "
    "man woman family families restaurant business businesses attorney lawyer pastor teacher "
    "owner mother father neighborhood neighborhoods plant church school hospital workers"
)
SPEECH_VERBS = _words(
    "said says told added wrote argued explained testified ruled noted stated asked replied "
    "tweeted posted"
)
# English words (and foreign cities) that are also US town names: bare, they are not places.
COMMON_WORDS = _words(
    "Police Justice Mobile Ocean Enterprise Commerce Independence Liberty Union Industry "
    "Freedom Hope Unity Harmony Victory Paradise Surprise Sunrise Spring Orange Garden Center "
    "Central Republic Democrat Federal Home Friendship Opportunity Progress Truth "
    "Reform Mission Energy Security Transfer Chance Rescue Welcome Cross "
    "Normal Plain Royal Sandy Mercy Faith Grace Joy Charity Patience Trinity Eagle Star Sun "
    "Globe Post Lake Beach River Hill Hills Valley Park Bay Forest Green Wood Worth Rock "
    "Story Early Media Marshall Reading Wayne Weston Nation Nationwide Alliance "
    "Ontario Victoria Columbia Homestead Pleasant Sanctuary Eureka Concord Delta Ramsey "
    "Sharon Sheridan Lee Chase Garland Mexico Canada Lebanon Jordan Cuba Peru Poland "
    "Panama Paris London Dublin Athens Rome Berlin Moscow Cairo Vienna Florence Troy Sparta "
    "Venice Naples Milan Geneva Vancouver Manchester Oxford Cambridge Hanover Bethlehem "
    "Jerusalem Havana Lima Belfast Brunswick Holland Wales Scotland Ireland Norway "
    "Denmark Sweden Guatemala Honduras Nicaragua Chile Bolivia Colombia Sequoyah "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Airport College Council Congress "
    "Christmas English Homeland Midway Harbor Centennial Westminster Odessa Hollywood Capitol "
    "Senate Supreme Marshal Sheriff Mayor Governor Border Customs Enforcement Operation"
)
# Foreign cities' names that are also US towns (of COMMON_WORDS): in an article about the state
# that has one, "in Manchester" is that town; countries' names never are
# (Not the famous capitals, nor Vancouver across the border: "in London" is London.)
FOREIGN_CITIES = _words(
    "Athens Florence Troy Sparta Venice Naples Milan Manchester Oxford Cambridge Hanover "
    "Bethlehem Brunswick Odessa"
)
STATE_WORDS_AFTER_NEW_YORK = _words(
    "State state Gov Governor Legislature Assembly Senate lawmakers legislators legislature "
    "governor"
)
