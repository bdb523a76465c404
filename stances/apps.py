from django.apps import AppConfig


class StancesConfig(AppConfig):
    name = "stances"
    verbose_name = "Jurisdictions, evidence and stances"
