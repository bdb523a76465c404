"""Jurisdictions, the people who speak for them, and the evidence of what they do.

Every fact (statement, enforcement event, policy action) comes from an article and keeps the
character span of the words it came from: ``article.body[span_start:span_end]``. A jurisdiction's
stance is never stored: ``stances.stance`` derives it from its policy actions as of a date.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


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


class Stance(models.TextChoices):
    NON_COOPERATION = "non_cooperation", "Non-cooperation"
    LIMITED_COOPERATION = "limited_cooperation", "Limited cooperation"
    COOPERATION = "cooperation", "Cooperation"
    UNKNOWN = "unknown", "Unknown"


def _choices_sql(choices: type[models.TextChoices]) -> list[str]:
    return [value for value, _ in choices.choices]


class Jurisdiction(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=JurisdictionKind.choices)
    state = models.CharField(max_length=2, help_text="USPS code; DC for the federal district.")
    slug = models.SlugField(max_length=120, unique=True)
    external_id = models.CharField(
        max_length=40,
        blank=True,
        help_text='Stable id: "geonames:<id>" for cities, "fips:<code>" for counties and states.',
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    population = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "state"]
        indexes = [
            models.Index(fields=["state", "kind"], name="jurisdiction_state_kind_idx"),
            models.Index(fields=["kind"], name="jurisdiction_kind_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=_choices_sql(JurisdictionKind)), name="jurisdiction_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__regex=r"^[A-Z]{2}$"), name="jurisdiction_state_usps"
            ),
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~Q(external_id=""),
                name="jurisdiction_external_id_unique",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="jurisdiction_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="jurisdiction_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population__gte=0),
                name="jurisdiction_population_not_negative",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == JurisdictionKind.STATE:
            return self.name
        return f"{self.name}, {self.state}"  # "Atlanta, GA"; "Washington, DC"


class Official(models.Model):
    """A speaker: a person, or an organisation speaking as one (a police department, ICE)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=SpeakerKind.choices, default=SpeakerKind.PERSON)
    role = models.CharField(max_length=200, blank=True, help_text='"Mayor", "Police Chief".')
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officials",
        help_text="Empty for ICE leadership, advocates and others who serve no jurisdiction.",
    )
    affiliation = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind"], name="official_kind_idx"),
            models.Index(fields=["updated_at", "id"], name="official_updated_id_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=_choices_sql(SpeakerKind)), name="official_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


class EvidenceQuerySet(models.QuerySet):
    def visible(self):
        """Everything but what an editor rejected: what readers see."""
        return self.exclude(review_status=ReviewStatus.REJECTED)

    def reviewed(self):
        return self.filter(review_status=ReviewStatus.REVIEWED)

    def for_jurisdiction(self, jurisdiction):
        return self.filter(jurisdiction=jurisdiction)


class Evidence(models.Model):
    """What every fact has: its article, the span of its words there, and its review status."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="%(class)ss"
    )
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.EXTRACTED
    )
    # How much of the fact's date the article gives: "in June" is month precision, stored as
    # June 1 (events also get the month's last day as ends_on), never as an invented day.
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set by the ingestion so re-ingesting an article finds the fact it made before; empty for
    # facts an editor added by hand.
    extraction_key = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(span_end__gt=F("span_start")), name="%(class)s_span_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(review_status__in=_choices_sql(ReviewStatus)),
                name="%(class)s_review_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(date_precision__in=_choices_sql(DatePrecision)),
                name="%(class)s_date_precision_valid",
            ),
            models.UniqueConstraint(
                fields=["article", "extraction_key"],
                condition=~Q(extraction_key=""),
                name="%(class)s_extraction_key_unique",
            ),
        ]

    @property
    def words(self) -> str:
        """The words this fact came from."""
        return self.article.body[self.span_start : self.span_end]

    def clean(self) -> None:
        super().clean()
        body = self.article.body if self.article_id else None
        if body is not None and self.span_end is not None and self.span_end > len(body):
            raise ValidationError(
                {
                    "span_end": f"The span ends at {self.span_end}, past the article's "
                    f"{len(body)} characters."
                }
            )


class Statement(Evidence):
    speaker = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="statements")
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text="The jurisdiction the statement concerns.",
    )
    quote = models.TextField(help_text="Verbatim: the article's body[span_start:span_end].")
    said_on = models.DateField(null=True, blank=True)
    stance = models.CharField(max_length=20, choices=StatementStance.choices)

    history = HistoricalRecords()

    class Meta(Evidence.Meta):
        ordering = ["-said_on", "-id"]
        indexes = [
            models.Index(fields=["jurisdiction", "said_on"], name="statement_jur_date_idx"),
            models.Index(fields=["speaker", "said_on"], name="statement_speaker_date_idx"),
            models.Index(fields=["stance"], name="statement_stance_idx"),
            models.Index(fields=["review_status"], name="statement_review_idx"),
            models.Index(fields=["said_on", "id"], name="statement_date_id_idx"),
            models.Index(fields=["updated_at", "id"], name="statement_updated_id_idx"),
        ]
        constraints = [
            *Evidence.Meta.constraints,
            models.CheckConstraint(
                condition=Q(stance__in=_choices_sql(StatementStance)), name="statement_stance_valid"
            ),
        ]

    def __str__(self) -> str:
        short = self.quote if len(self.quote) <= 60 else self.quote[:57] + "..."
        return f"{self.speaker.name}: “{short}”"

    def clean(self) -> None:
        super().clean()
        if self.article_id and self.words != self.quote:
            raise ValidationError({"quote": "The quote is not the article's words at its span."})


class EnforcementEvent(Evidence):
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    name = models.CharField(max_length=200, blank=True, help_text='"Operation Safe City".')
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    count = models.PositiveIntegerField(
        null=True, blank=True, help_text="People arrested or held; empty when not stated."
    )
    summary = models.TextField()
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parts",
        help_text="The operation this is part of.",
    )

    history = HistoricalRecords()

    class Meta(Evidence.Meta):
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["jurisdiction", "starts_on"], name="event_jur_date_idx"),
            models.Index(fields=["kind"], name="event_kind_idx"),
            models.Index(fields=["review_status"], name="event_review_idx"),
            models.Index(fields=["updated_at", "id"], name="event_updated_id_idx"),
        ]
        constraints = [
            *Evidence.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=_choices_sql(EventKind)), name="event_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(count__isnull=True) | Q(count__gte=0), name="event_count_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="event_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        label = self.name or self.get_kind_display()
        where = f" in {self.jurisdiction}" if self.jurisdiction_id else ""
        count = f" ({self.count})" if self.count is not None else ""
        return f"{label}{where}{count}"


class PolicyAction(Evidence):
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="policies"
    )
    kind = models.CharField(max_length=30, choices=PolicyKind.choices)
    summary = models.TextField()
    effective_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta(Evidence.Meta):
        ordering = ["-effective_on", "-id"]
        indexes = [
            models.Index(fields=["jurisdiction", "effective_on"], name="policy_jur_date_idx"),
            models.Index(fields=["kind"], name="policy_kind_idx"),
            models.Index(fields=["review_status"], name="policy_review_idx"),
            models.Index(fields=["updated_at", "id"], name="policy_updated_id_idx"),
        ]
        constraints = [
            *Evidence.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=_choices_sql(PolicyKind)), name="policy_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.jurisdiction}"


class PolicyEffect(models.Model):
    """One cooperation indicator a policy action sets, and in which direction."""

    policy = models.ForeignKey(PolicyAction, on_delete=models.CASCADE, related_name="effects")
    indicator = models.CharField(max_length=30, choices=Indicator.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "indicator"]
        indexes = [models.Index(fields=["indicator", "direction"], name="effect_ind_dir_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "indicator"], name="effect_one_per_indicator"
            ),
            models.CheckConstraint(
                condition=Q(indicator__in=_choices_sql(Indicator)), name="effect_indicator_valid"
            ),
            models.CheckConstraint(
                condition=Q(direction__in=_choices_sql(Direction)), name="effect_direction_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {self.get_direction_display()}"


class CorrectionStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class CorrectionRequest(models.Model):
    """A reader's report that a public fact is wrong, for editors to check and close."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    message = models.TextField(max_length=5000)
    contact = models.CharField(max_length=200, blank=True, help_text="Optional: email or name.")
    status = models.CharField(
        max_length=10, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    editor_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="correction_status_idx"),
            models.Index(fields=["content_type", "object_id"], name="correction_fact_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=_choices_sql(CorrectionStatus)),
                name="correction_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=CorrectionStatus.OPEN) | Q(closed_at__isnull=False),
                name="correction_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Correction #{self.pk} ({self.get_status_display()}) on {self.content_type.model}"


class IndicatorValue(models.TextChoices):
    LIMITS = "limits", "Limits cooperation"
    COOPERATES = "cooperates", "Cooperates"
    UNKNOWN = "unknown", "Unknown"


class JurisdictionSummary(models.Model):
    """A jurisdiction's current derived stance and its counts, precomputed.

    Never edited by hand: ``stances.summaries`` recomputes it (with ``stances.stance.derive``)
    whenever a write touches the jurisdiction, so lists and the map read one row per place
    instead of deriving every stance and counting every fact on each request. Stances "as of"
    a past date are still derived on the fly."""

    jurisdiction = models.OneToOneField(
        Jurisdiction, primary_key=True, on_delete=models.CASCADE, related_name="summary"
    )
    stance = models.CharField(max_length=20, choices=Stance.choices, default=Stance.UNKNOWN)
    detainers = models.CharField(max_length=10, choices=IndicatorValue.choices, default="unknown")
    jail_access = models.CharField(max_length=10, choices=IndicatorValue.choices, default="unknown")
    information_sharing = models.CharField(
        max_length=10, choices=IndicatorValue.choices, default="unknown"
    )
    local_resources = models.CharField(
        max_length=10, choices=IndicatorValue.choices, default="unknown"
    )
    agreement_287g = models.CharField(
        max_length=10, choices=IndicatorValue.choices, default="unknown"
    )
    # {indicator: {"effective_on": "YYYY-MM-DD" | null, "policy_ids": [..]}}
    evidence = models.JSONField(default=dict)
    statement_count = models.PositiveIntegerField(default=0)
    policy_count = models.PositiveIntegerField(default=0)
    event_count = models.PositiveIntegerField(default=0)
    arrests = models.PositiveBigIntegerField(default=0)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["jurisdiction"]
        indexes = [models.Index(fields=["stance"], name="summary_stance_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__in=_choices_sql(Stance)), name="summary_stance_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction}: {self.get_stance_display()}"
