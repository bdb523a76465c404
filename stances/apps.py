from django.apps import AppConfig


class StancesConfig(AppConfig):
    name = "stances"
    verbose_name = "Jurisdictions, evidence and stances"

    def ready(self):
        from . import caching

        caching.invalidate_on_every_write()
