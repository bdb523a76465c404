"""Facts: statements, enforcement events and policy actions, each tied to the words of its source.

Every fact comes from a source (``articles.Article``) and keeps the character span of the words
it came from: ``article.body[span_start:span_end]``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .choices import (
    DatePrecision,
    DateSource,
    Direction,
    EventKind,
    Indicator,
    PolicyKind,
    PolicyStatus,
    ReviewStatus,
    StatementStance,
    choices_sql,
)
from .officials import Official
from .places import Jurisdiction

# What readers see of the facts: everything but what an editor rejected.
VISIBLE = ~Q(review_status=ReviewStatus.REJECTED)


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
                condition=Q(review_status__in=choices_sql(ReviewStatus)),
                name="%(class)s_review_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(date_precision__in=choices_sql(DatePrecision)),
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
    # Where said_on comes from: the article's words about the saying ("said Thursday"), or the
    # publication date, the day the words were reported; empty when neither is known.
    date_source = models.CharField(max_length=10, choices=DateSource.choices, blank=True)
    stance = models.CharField(max_length=20, choices=StatementStance.choices)
    continues = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_by",
        help_text="The first half of a quotation split by its attribution.",
    )

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
            # a place's counts in its summary, read from the index alone (summaries._counts)
            models.Index(
                fields=["jurisdiction"], condition=VISIBLE, name="statement_jur_visible_idx"
            ),
        ]
        constraints = [
            *Evidence.Meta.constraints,
            models.CheckConstraint(
                condition=Q(stance__in=choices_sql(StatementStance)), name="statement_stance_valid"
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
            models.Index(
                fields=["jurisdiction", "kind", "count"],  # a key column: SQLite has no INCLUDE
                condition=VISIBLE,
                name="event_jur_visible_idx",
            ),
        ]
        constraints = [
            *Evidence.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=choices_sql(EventKind)), name="event_kind_valid"
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
    status = models.CharField(
        max_length=10,
        choices=PolicyStatus.choices,
        default=PolicyStatus.IN_FORCE,
        help_text="Only enacted and in-force policies count toward a stance.",
    )
    effective_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(
        null=True, blank=True, help_text="The day it stopped applying (lapsed, repealed, ended)."
    )

    history = HistoricalRecords()

    class Meta(Evidence.Meta):
        ordering = ["-effective_on", "-id"]
        indexes = [
            models.Index(fields=["jurisdiction", "effective_on"], name="policy_jur_date_idx"),
            models.Index(fields=["kind"], name="policy_kind_idx"),
            models.Index(fields=["review_status"], name="policy_review_idx"),
            models.Index(fields=["updated_at", "id"], name="policy_updated_id_idx"),
            models.Index(fields=["jurisdiction"], condition=VISIBLE, name="policy_jur_visible_idx"),
        ]
        constraints = [
            *Evidence.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=choices_sql(PolicyKind)), name="policy_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=choices_sql(PolicyStatus)), name="policy_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(effective_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("effective_on")),
                name="policy_dates_ordered",
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
                condition=Q(indicator__in=choices_sql(Indicator)), name="effect_indicator_valid"
            ),
            models.CheckConstraint(
                condition=Q(direction__in=choices_sql(Direction)), name="effect_direction_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {self.get_direction_display()}"


class Declaration(Evidence):
    """What a place calls itself ("we are a sanctuary city", "not a sanctuary county"): shown
    beside its policies and kept apart from them. Words never make policy: a declaration never
    sets an indicator."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    speaker = models.ForeignKey(
        Official,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declarations",
        help_text="Who said it, when the words are a quotation.",
    )
    text = models.TextField(help_text="Verbatim: the source's body[span_start:span_end].")
    label = models.CharField(max_length=100, help_text='"sanctuary city", "welcoming county".')
    negated = models.BooleanField(default=False, help_text="A denial: not a sanctuary city.")
    declared_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta(Evidence.Meta):
        ordering = ["-declared_on", "-id"]
        indexes = [
            models.Index(fields=["jurisdiction", "declared_on"], name="declaration_jur_date_idx"),
            models.Index(fields=["updated_at", "id"], name="declaration_updated_id_idx"),
        ]
        constraints = [*Evidence.Meta.constraints]

    def __str__(self) -> str:
        claim = f"not a {self.label}" if self.negated else f"a {self.label}"
        return f"{self.jurisdiction or 'Somewhere'}: {claim}"

    def clean(self) -> None:
        super().clean()
        if self.article_id and self.words != self.text:
            raise ValidationError({"text": "The text is not the source's words at its span."})
