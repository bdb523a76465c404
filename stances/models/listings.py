"""ICE's 287(g) lists followed over time: each imported snapshot, and each agreement (or request)
from the first snapshot that listed it to the last.

ICE replaces its two spreadsheets in place and keeps no history, so the history is ours: the
importer (``stances.services.importers.ice_287g``) records when each agreement was first and last
listed. An agreement missing from a later snapshot is not declared ended: it is flagged "no longer
listed since" for an editor to resolve (ended, renamed, or a corrected typo). The agreement itself,
as evidence, is the listing's ``policy``: a ``PolicyAction`` whose span is the row's line in a
snapshot's stored text.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import PolicyStatus, ReviewStatus, choices_sql
from .facts import PolicyAction
from .officials import Official
from .places import Jurisdiction


class ListKind(models.TextChoices):
    PARTICIPATING = "participating", _("Participating agencies (signed agreements)")
    PENDING = "pending", _("Pending agencies (requests for an agreement)")


class AgreementModel(models.TextChoices):
    """ICE's three 287(g) models, as its SUPPORT TYPE column names them."""

    JAIL_ENFORCEMENT = "jail_enforcement", _("Jail Enforcement Model")
    WARRANT_SERVICE_OFFICER = "warrant_service_officer", _("Warrant Service Officer")
    TASK_FORCE = "task_force", _("Task Force Model")


class ListingResolution(models.TextChoices):
    """What an editor found a listing that ICE stopped listing to be."""

    ENDED = "ended", _("Ended: the agreement (or request) is over")
    RENAMED = "renamed", _("Renamed: the same agreement, listed under another name")
    CORRECTED = "corrected", _("A typo ICE corrected: the same agreement as another listing")


class ListSnapshot(models.Model):
    """One imported file of one of ICE's lists. Its rows are the text of ``article`` (a source of
    kind dataset); two files with the same rows share that source, each keeping its own date."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="list_snapshots"
    )
    list_kind = models.CharField(max_length=15, choices=ListKind.choices)
    file_name = models.CharField(max_length=300)
    as_of = models.DateField(help_text="The day the snapshot stands for: when it was retrieved.")
    seen_at = models.DateTimeField(
        null=True, blank=True, help_text="When the archive downloaded the file (UTC), if known."
    )
    counts = models.JSONField(
        default=dict, blank=True, help_text="The import report's counts per outcome."
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-as_of", "-seen_at", "-id"]
        indexes = [models.Index(fields=["list_kind", "as_of"], name="snapshot_list_date_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(list_kind__in=choices_sql(ListKind)), name="snapshot_list_kind_valid"
            ),
            models.UniqueConstraint(
                fields=["article", "as_of", "list_kind"], name="snapshot_one_per_text_and_day"
            ),
        ]

    def __str__(self) -> str:
        return f"ICE 287(g) {self.list_kind} list of {self.as_of.isoformat()}"


IN_FORCE_STATUSES = (PolicyStatus.ENACTED, PolicyStatus.IN_FORCE)
# An agreement an editor confirmed ended still counted until its end date.
ONCE_IN_FORCE_STATUSES = (*IN_FORCE_STATUSES, PolicyStatus.LAPSED, PolicyStatus.REPEALED)


class AgreementListingQuerySet(models.QuerySet):
    def visible(self):
        """Listings whose agreement no editor rejected (a listing with no place has none)."""
        return self.exclude(policy__review_status=ReviewStatus.REJECTED)

    def open(self):
        """Listings no editor closed: those the importer still follows."""
        return self.filter(resolution="")

    def in_force(self, on: dt.date):
        """Signed agreements that counted on ``on``, as the stance rule counts them: from their
        signed date (else their source snapshot's date) until the end an editor confirmed."""
        started = Q(policy__effective_on__lte=on) | Q(
            policy__effective_on__isnull=True, policy__article__published_on__lte=on
        )
        return self.visible().filter(
            started,
            Q(policy__ends_on__isnull=True) | Q(policy__ends_on__gt=on),
            list_kind=ListKind.PARTICIPATING,
            policy__status__in=ONCE_IN_FORCE_STATUSES,
        )

    def pending_on(self, on: dt.date):
        """Requests on ICE's pending list on ``on`` (listed by then, not yet gone from it)."""
        return self.visible().filter(
            Q(no_longer_listed_since__isnull=True) | Q(no_longer_listed_since__gt=on),
            Q(policy__ends_on__isnull=True) | Q(policy__ends_on__gt=on),
            list_kind=ListKind.PENDING,
            first_listed_on__lte=on,
        )


class AgreementListing(models.Model):
    """One agreement (participating list) or request (pending list), followed from snapshot to
    snapshot: ICE's renames and typo fixes are the same listing (``articles.datasets.matching``).
    """

    list_kind = models.CharField(max_length=15, choices=ListKind.choices)
    # agreement_key of the row as last listed: "FL|brevard|brevard county sheriff office|task_force"
    key = models.CharField(max_length=400)
    state = models.CharField(max_length=2)
    agency = models.CharField(max_length=300, help_text="As ICE last wrote it.")
    county = models.CharField(max_length=200, blank=True, help_text="ICE's COUNTY, as written.")
    model = models.CharField(max_length=30, choices=AgreementModel.choices)
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="listings")
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreement_listings",
        help_text="The place the agency acts for; empty when it is no county, town or state.",
    )
    place_reason = models.CharField(
        max_length=500, help_text="Why the agency is that place, or no place, in words."
    )
    policy = models.OneToOneField(
        PolicyAction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listing",
        help_text="The agreement as evidence (none for an agency that is no place).",
    )
    signed_on = models.DateField(null=True, blank=True, help_text="ICE's SIGNED, when a date.")
    first_listed_on = models.DateField()
    first_snapshot = models.ForeignKey(ListSnapshot, on_delete=models.PROTECT, related_name="+")
    last_listed_on = models.DateField()
    last_snapshot = models.ForeignKey(ListSnapshot, on_delete=models.PROTECT, related_name="+")
    last_row = models.PositiveIntegerField(help_text="Its spreadsheet row in the last snapshot.")
    no_longer_listed_since = models.DateField(
        null=True, blank=True, help_text="The first snapshot after the last one that listed it."
    )
    # [{"on": "2025-07-15", "from": "Indialantic Police Department", "to": "Indiatlantic..."}]
    renames = models.JSONField(default=list, blank=True)
    resolution = models.CharField(max_length=10, choices=ListingResolution.choices, blank=True)
    continued_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continues",
        help_text="Renamed or corrected: the listing it goes on as.",
    )
    resolution_note = models.TextField(blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgreementListingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["list_kind", "state", "agency", "model"]
        indexes = [
            models.Index(fields=["jurisdiction", "list_kind"], name="listing_jur_list_idx"),
            models.Index(
                fields=["list_kind", "no_longer_listed_since"], name="listing_list_gone_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(list_kind__in=choices_sql(ListKind)), name="listing_list_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(model__in=choices_sql(AgreementModel)), name="listing_model_valid"
            ),
            models.CheckConstraint(
                condition=Q(resolution="") | Q(resolution__in=choices_sql(ListingResolution)),
                name="listing_resolution_valid",
            ),
            models.CheckConstraint(
                condition=Q(last_listed_on__gte=F("first_listed_on")),
                name="listing_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(no_longer_listed_since__isnull=True)
                | Q(no_longer_listed_since__gte=F("last_listed_on")),
                name="listing_gone_after_listed",
            ),
            # The importer follows one open listing per agreement of a list.
            models.UniqueConstraint(
                fields=["list_kind", "key"], condition=Q(resolution=""), name="listing_open_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} ({self.get_model_display()}, {self.state})"

    @property
    def flagged(self) -> bool:
        """ICE stopped listing it and no editor has said why yet."""
        return self.no_longer_listed_since is not None and not self.resolution
