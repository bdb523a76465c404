"""An article an editor added in the admin, waiting for, undergoing or done with its ingestion
in the background (``stances.services.ingestion``): the editor's request never waits on the
pipeline, and this row tells them when the article and its facts are in."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models import Article, validate_http_uri

from .choices import choices_sql


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class IngestionJob(models.Model):
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    # What the editor gave, kept until the ingestion has stored it (then in the article).
    body = models.TextField(blank=True)
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True, validators=[validate_http_uri])
    published_on = models.DateField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # What came of it.
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL)
    outcome = models.CharField(max_length=10, blank=True)  # created | unchanged | updated
    counts = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=choices_sql(JobStatus)), name="ingestion_job_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title or (self.article.title if self.article else f"Article #{self.pk}")
