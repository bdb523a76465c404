"""Every URL: the pages, the API (``/api/``) and the admin. Wiring only: views live in the apps
(``stances.web``, ``stances.api``) and in the project's plumbing (``sanctuary.web``,
``sanctuary.api``)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from sanctuary.api.health import HealthView
from sanctuary.web import redoc
from stances.api.articles import ArticleViewSet
from stances.api.changes import ChangesView
from stances.api.facts import DeclarationViewSet, EventViewSet, PolicyViewSet, StatementViewSet
from stances.api.jurisdictions import JurisdictionViewSet
from stances.api.officials import OfficialViewSet
from stances.web import (
    about,
    articles,
    corrections,
    embeds,
    facts,
    feeds,
    jurisdictions,
    statements,
    timeline,
)
from stances.web.map import home

router = DefaultRouter()
router.register("jurisdictions", JurisdictionViewSet, basename="jurisdiction")
router.register("officials", OfficialViewSet, basename="official")
router.register("statements", StatementViewSet, basename="statement")
router.register("events", EventViewSet, basename="enforcementevent")
router.register("policies", PolicyViewSet, basename="policyaction")
router.register("declarations", DeclarationViewSet, basename="declaration")
router.register("articles", ArticleViewSet, basename="article")

api_patterns = [
    path("health/", HealthView.as_view(), name="health"),
    path("changes/", ChangesView.as_view(), name="changes"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("redoc/redoc.standalone.js", redoc.redoc_bundle, name="redoc-bundle"),
    path("", include(router.urls)),
]

# Readers' pages, in English at the root and in Spanish under /es/.
urlpatterns = i18n_patterns(
    path("", home.home, name="home"),
    path("timeline/", timeline.timeline, name="timeline"),
    # The places are listed on the map page: a bare /jurisdictions/ goes there, filters kept.
    path(
        "jurisdictions/",
        RedirectView.as_view(pattern_name="home", query_string=True),
        name="jurisdictions",
    ),
    path("jurisdictions/<slug:slug>/", jurisdictions.jurisdiction, name="jurisdiction"),
    path("statements/", statements.statements, name="statements"),
    path("articles/<int:pk>/", articles.article, name="article"),
    path("about/", about.about, name="about"),
    path("search/", jurisdictions.search, name="search"),
    path("search/suggest/", jurisdictions.suggest, name="search-suggest"),
    path("embed/map/", embeds.embed_map, name="embed-map"),
    path("embed/jurisdictions/<slug:slug>/", embeds.embed_jurisdiction, name="embed-jurisdiction"),
    path("report/<str:kind>/<int:pk>/", corrections.report, name="report"),
    path("facts/<str:kind>/<int:pk>/", facts.fact, name="fact"),
    prefix_default_language=False,
)
urlpatterns += [
    path("feeds/changes.atom", feeds.site_feed, name="feed"),
    path("feeds/jurisdictions/<slug:slug>.atom", feeds.jurisdiction_feed, name="feed-jurisdiction"),
    path("feeds/officials/<slug:slug>.atom", feeds.official_feed, name="feed-official"),
    path("feeds/287g/<slug:model>.atom", feeds.model_287g_feed, name="feed-287g"),
    path("api/", include((api_patterns, "api"))),
    path("admin/", admin.site.urls),
]

# A 503 while the database is unreachable (JSON under /api/), a friendly 500 otherwise.
handler500 = "sanctuary.web.errors.server_error"
handler404 = "sanctuary.web.errors.not_found"  # JSON under /api/
