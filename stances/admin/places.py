"""Jurisdictions in the admin: corrected by editors through ``jurisdiction_update``."""

from django.contrib import admin

from stances.models import Jurisdiction

from .base import ServiceAdmin
from .forms import JurisdictionForm


@admin.register(Jurisdiction)
class JurisdictionAdmin(ServiceAdmin):
    form = JurisdictionForm
    list_display = ["name", "kind", "state", "slug", "external_id", "population"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "slug", "external_id"]
    prepopulated_fields = {"slug": ["name"]}
