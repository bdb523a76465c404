from django.apps import AppConfig


class StancesConfig(AppConfig):
    name = "stances"
    verbose_name = "Jurisdictions, evidence and stances"

    def ready(self) -> None:
        from sanctuary.web.reader_cache import scope_paths

        # A place's own pages, stored under its version (``stances.selectors.pages`` says which
        # writes change them): the page (in any language), its card, its API detail, its feed.
        scope_paths(
            r"(?:/[a-z]{2}(?:-[a-z]+)?)?/(?:embed/)?jurisdictions/(?P<place>[-\w]+)/",
            r"(?:/[a-z]{2}(?:-[a-z]+)?)?/feeds/jurisdictions/(?P<place>[-\w]+)\.atom",
            r"/api/jurisdictions/(?P<place>[-\w]+)/",
        )
