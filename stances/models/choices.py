"""The vocabularies of the domain, each a ``TextChoices`` the database also checks."""

from django.db import models


class JurisdictionKind(models.TextChoices):
    CITY = "city", "City"
    COUNTY = "county", "County"
    STATE = "state", "State"
    FEDERAL_DISTRICT = "federal_district", "Federal district"


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", "Extracted (not yet reviewed)"
    REVIEWED = "reviewed", "Reviewed"
    REJECTED = "rejected", "Rejected"


class StatementStance(models.TextChoices):
    AGAINST = "against_cooperation", "Against cooperation"
    FOR = "for_cooperation", "For cooperation"
    NEUTRAL = "neutral", "Neutral"


class EventKind(models.TextChoices):
    OPERATION = "operation", "Operation"
    RAID = "raid", "Raid"
    PLANNED_RAID = "planned_raid", "Planned raid"
    ARRESTS = "arrests", "Arrests"
    DETENTION = "detention", "Detention"


class PolicyKind(models.TextChoices):
    EXECUTIVE_ORDER = "executive_order", "Executive order"
    ORDINANCE = "ordinance", "Ordinance"
    RESOLUTION = "resolution", "Council resolution"
    STATE_LAW = "state_law", "State law"
    LAW_ENFORCEMENT_POLICY = "law_enforcement_policy", "Sheriff's or police policy"
    JAIL_CONTRACT = "jail_contract", "Jail contract"
    AGREEMENT_287G = "agreement_287g", "287(g) agreement"
    OTHER = "other", "Other"


class PolicyStatus(models.TextChoices):
    """Where a policy action stands. Only enacted and in-force policies count toward a stance,
    from the day they took effect to the day they ended; an ended one (lapsed, repealed,
    blocked) ends the policies it records the end of (``stances.rules.stance``)."""

    PROPOSED = "proposed", "Proposed"
    ENACTED = "enacted", "Enacted"
    IN_FORCE = "in_force", "In force"
    BLOCKED = "blocked", "Blocked by a court"
    LAPSED = "lapsed", "Lapsed"
    REPEALED = "repealed", "Repealed or ended"


class SpeakerLevel(models.TextChoices):
    """The level of government a speaker speaks for. Federal officials (ICE, DHS, federal
    judges, US attorneys) have no local jurisdiction: their words are never a place's."""

    LOCAL = "local", "Local"
    STATE = "state", "State"
    FEDERAL = "federal", "Federal"
    OTHER = "other", "Not a government (advocates, lawyers, residents)"


class Indicator(models.TextChoices):
    DETAINERS = "detainers", "Detainers"
    JAIL_ACCESS = "jail_access", "Jail access"
    INFORMATION_SHARING = "information_sharing", "Information sharing"
    LOCAL_RESOURCES = "local_resources", "Local resources"
    AGREEMENT_287G = "agreement_287g", "287(g) agreement"


class Direction(models.TextChoices):
    LIMITS = "limits", "Limits cooperation"
    COOPERATES = "cooperates", "Cooperates"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class DateSource(models.TextChoices):
    TEXT = "text", "Said on (the article's words)"
    PUBLISHED = "published", "Reported on (the publication date)"


class Stance(models.TextChoices):
    NON_COOPERATION = "non_cooperation", "Non-cooperation"
    LIMITED_COOPERATION = "limited_cooperation", "Limited cooperation"
    COOPERATION = "cooperation", "Cooperation"
    UNKNOWN = "unknown", "Unknown"


def choices_sql(choices: type[models.TextChoices]) -> list[str]:
    return [value for value, _ in choices.choices]


class IndicatorValue(models.TextChoices):
    LIMITS = "limits", "Limits cooperation"
    COOPERATES = "cooperates", "Cooperates"
    UNKNOWN = "unknown", "Unknown"


class CorrectionStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
