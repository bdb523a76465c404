"""Admin for readers' correction requests."""

from django.contrib import admin

from .models import CorrectionRequest


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]
