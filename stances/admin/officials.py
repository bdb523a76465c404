"""Officials (speakers) in the admin, written through the officials' services."""

from django.contrib import admin

from stances.models import Official

from .base import ServiceAdmin
from .forms import OfficialForm


@admin.register(Official)
class OfficialAdmin(ServiceAdmin):
    form = OfficialForm
    list_display = ["name", "kind", "role", "jurisdiction", "affiliation"]
    list_filter = ["kind"]
    list_select_related = ["jurisdiction"]
    search_fields = ["name", "slug", "role", "affiliation"]
    autocomplete_fields = ["jurisdiction"]
    prepopulated_fields = {"slug": ["name"]}
