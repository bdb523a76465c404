"""The vocabularies of the domain, each a ``TextChoices`` the database also checks."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JurisdictionKind(models.TextChoices):
    CITY = "city", _("City")
    COUNTY = "county", _("County")
    STATE = "state", _("State")
    FEDERAL_DISTRICT = "federal_district", _("Federal district")


class SpeakerKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted (not yet reviewed)")
    REVIEWED = "reviewed", _("Reviewed")
    REJECTED = "rejected", _("Rejected")


class StatementStance(models.TextChoices):
    AGAINST = "against_cooperation", _("Against cooperation")
    FOR = "for_cooperation", _("For cooperation")
    NEUTRAL = "neutral", _("Neutral")


class EventKind(models.TextChoices):
    OPERATION = "operation", _("Operation")
    RAID = "raid", _("Raid")
    PLANNED_RAID = "planned_raid", _("Planned raid")
    ARRESTS = "arrests", _("Arrests")
    DETENTION = "detention", _("Detention")


class PolicyKind(models.TextChoices):
    EXECUTIVE_ORDER = "executive_order", _("Executive order")
    ORDINANCE = "ordinance", _("Ordinance")
    RESOLUTION = "resolution", _("Council resolution")
    STATE_LAW = "state_law", _("State law")
    LAW_ENFORCEMENT_POLICY = "law_enforcement_policy", _("Sheriff's or police policy")
    JAIL_CONTRACT = "jail_contract", _("Jail contract")
    AGREEMENT_287G = "agreement_287g", _("287(g) agreement")
    OTHER = "other", _("Other")


class PolicyStatus(models.TextChoices):
    """Where a policy action stands. Only enacted and in-force policies count toward a stance,
    from the day they took effect to the day they ended; an ended one (lapsed, repealed,
    blocked) ends the policies it records the end of (``stances.rules.stance``)."""

    PROPOSED = "proposed", _("Proposed")
    ENACTED = "enacted", _("Enacted")
    IN_FORCE = "in_force", _("In force")
    BLOCKED = "blocked", _("Blocked by a court")
    LAPSED = "lapsed", _("Lapsed")
    REPEALED = "repealed", _("Repealed or ended")


class SpeakerLevel(models.TextChoices):
    """The level of government a speaker speaks for. Federal officials (ICE, DHS, federal
    judges, US attorneys) have no local jurisdiction: their words are never a place's."""

    LOCAL = "local", _("Local")
    STATE = "state", _("State")
    FEDERAL = "federal", _("Federal")
    OTHER = "other", _("Not a government (advocates, lawyers, residents)")


class Indicator(models.TextChoices):
    DETAINERS = "detainers", _("Detainers")
    JAIL_ACCESS = "jail_access", _("Jail access")
    INFORMATION_SHARING = "information_sharing", _("Information sharing")
    LOCAL_RESOURCES = "local_resources", _("Local resources")
    AGREEMENT_287G = "agreement_287g", _("287(g) agreement")


class Direction(models.TextChoices):
    LIMITS = "limits", _("Limits cooperation")
    COOPERATES = "cooperates", _("Cooperates")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class DateSource(models.TextChoices):
    TEXT = "text", _("Said on (the article's words)")
    PUBLISHED = "published", _("Reported on (the publication date)")


class Stance(models.TextChoices):
    NON_COOPERATION = "non_cooperation", _("Non-cooperation")
    LIMITED_COOPERATION = "limited_cooperation", _("Limited cooperation")
    COOPERATION = "cooperation", _("Cooperation")
    UNKNOWN = "unknown", _("Unknown")


def choices_sql(choices: type[models.TextChoices]) -> list[str]:
    return [value for value, _ in choices.choices]


class IndicatorValue(models.TextChoices):
    LIMITS = "limits", _("Limits cooperation")
    COOPERATES = "cooperates", _("Cooperates")
    UNKNOWN = "unknown", _("Unknown")


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
