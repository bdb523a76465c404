"""The editors' workplace in Django's admin: one module per kind of record, each registering its
admin; every write goes through ``stances.services``."""

from . import articles, corrections, facts, listings, officials, places  # noqa: F401 (each registers its admin)
