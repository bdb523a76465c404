"""Places: jurisdictions, and the precomputed summary of each one's stance and evidence."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .choices import IndicatorValue, JurisdictionKind, Stance, choices_sql


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
    # The layers above a city: the county whose jail holds its arrestees (the county it lies
    # in), set from the gazetteer; a county's and a state's are empty. The state is by code.
    county = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cities",
        limit_choices_to={"kind": "county"},
        help_text="For a city: the county whose jail holds its arrestees.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Every article that names the place, with facts from it or not (filled by the ingestion).
    # The table is the one ``articles`` first made (``articles_article_jurisdictions``): sources
    # sit below the facts derived from them, so the relation is declared on this side.
    articles = models.ManyToManyField(
        "articles.Article",
        blank=True,
        related_name="jurisdictions",
        db_table="articles_article_jurisdictions",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "state"]
        indexes = [
            models.Index(fields=["state", "kind"], name="jurisdiction_state_kind_idx"),
            models.Index(fields=["kind"], name="jurisdiction_kind_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=choices_sql(JurisdictionKind)), name="jurisdiction_kind_valid"
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


class DerivedStance(models.Model):
    """What ``stances.rules.stance.derive`` gives: a stance, its five indicators, and each known
    indicator's date since and evidence ids. Stored, never edited by hand."""

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

    class Meta:
        abstract = True


class JurisdictionSummary(DerivedStance):
    """A jurisdiction's current derived stance and its counts, precomputed.

    Never edited by hand: ``stances.summaries`` recomputes it (with ``stances.stance.derive``)
    whenever a write touches the jurisdiction, so lists and the map read one row per place
    instead of deriving every stance and counting every fact on each request. Stances "as of"
    a past date are read from ``StancePeriod``."""

    jurisdiction = models.OneToOneField(
        Jurisdiction, primary_key=True, on_delete=models.CASCADE, related_name="summary"
    )
    statement_count = models.PositiveIntegerField(default=0)
    policy_count = models.PositiveIntegerField(default=0)
    event_count = models.PositiveIntegerField(default=0)
    arrests = models.PositiveBigIntegerField(default=0)
    # A digest of the evidence the stance periods were derived from: a write that changes none
    # of the place's policies leaves its periods as they are.
    evidence_digest = models.CharField(max_length=32, blank=True, default="")
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["jurisdiction"]
        indexes = [models.Index(fields=["stance"], name="summary_stance_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__in=choices_sql(Stance)), name="summary_stance_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction}: {self.get_stance_display()}"


class StancePeriod(DerivedStance):
    """A jurisdiction's derived stance over an interval of days: ``derive``'s answer for every
    date from ``starts_on`` up to, not including, ``ends_on`` (``stances.rules.periods``).

    Kept current on every write with the summary, so a stance "as of" any date is an index
    lookup. Two series per place: ``counts_undated`` false answers for dates before today (dated
    evidence only); true, for today and later (undated evidence counts from the start). Dates
    with no period: every indicator unknown. ``starts_on`` 0001-01-01 is "from the start" and
    ``ends_on`` 9999-12-31 "not ended"."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.CASCADE, related_name="stance_periods"
    )
    counts_undated = models.BooleanField()
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["jurisdiction", "counts_undated", "starts_on"]
        indexes = [
            models.Index(
                fields=["counts_undated", "ends_on", "starts_on"], name="period_on_day_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "counts_undated", "starts_on"], name="period_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="period_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(stance__in=choices_sql(Stance)) & ~Q(stance=Stance.UNKNOWN),
                name="period_stance_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction}: {self.get_stance_display()} {self.starts_on}-{self.ends_on}"
