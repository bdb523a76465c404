"""The editors' workplace in Django's admin: one module per kind of record, each registering its
admin; every write goes through ``stances.services``."""

from django.contrib import admin

from . import articles, corrections, facts, listings, officials, places  # noqa: F401 (each registers its admin)

admin.site.site_header = "Sanctuary administration"
admin.site.site_title = "Sanctuary administration"
admin.site.index_title = "Sources, facts and places"
