"""Readers' reports that a public fact is wrong."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from .choices import CorrectionStatus, choices_sql


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
                condition=Q(status__in=choices_sql(CorrectionStatus)),
                name="correction_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=CorrectionStatus.OPEN) | Q(closed_at__isnull=False),
                name="correction_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Correction #{self.pk} ({self.get_status_display()}) on {self.content_type.model}"
