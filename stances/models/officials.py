"""Officials: the people, and organisations speaking as one, whose words are quoted."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .choices import SpeakerKind, SpeakerLevel, choices_sql
from .places import Jurisdiction


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
    level = models.CharField(
        max_length=10,
        choices=SpeakerLevel.choices,
        default=SpeakerLevel.LOCAL,
        help_text="Federal officials and ICE have no local jurisdiction.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Every article that names the speaker (see ``Jurisdiction.articles``).
    articles = models.ManyToManyField(
        "articles.Article",
        blank=True,
        related_name="officials",
        db_table="articles_article_officials",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind"], name="official_kind_idx"),
            models.Index(fields=["updated_at", "id"], name="official_updated_id_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=choices_sql(SpeakerKind)), name="official_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(level__in=choices_sql(SpeakerLevel)), name="official_level_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name
