from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from articles import views as article_views
from articles.api import ArticleViewSet
from stances import api as stances_api
from stances import corrections
from stances import views as stance_views

router = DefaultRouter()
router.register("jurisdictions", stances_api.JurisdictionViewSet, basename="jurisdiction")
router.register("officials", stances_api.OfficialViewSet, basename="official")
router.register("statements", stances_api.StatementViewSet, basename="statement")
router.register("events", stances_api.EventViewSet, basename="enforcementevent")
router.register("policies", stances_api.PolicyViewSet, basename="policyaction")
router.register("articles", ArticleViewSet, basename="article")

api_patterns = [
    path("health/", stances_api.HealthView.as_view(), name="health"),
    path("changes/", stances_api.ChangesView.as_view(), name="changes"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("redoc/redoc.standalone.js", stance_views.redoc_bundle, name="redoc-bundle"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("", stance_views.home, name="home"),
    path("timeline/", stance_views.timeline, name="timeline"),
    path("jurisdictions/<slug:slug>/", stance_views.jurisdiction, name="jurisdiction"),
    path("statements/", stance_views.statements, name="statements"),
    path("articles/<int:pk>/", article_views.article, name="article"),
    path("about/", stance_views.about, name="about"),
    path("report/<str:kind>/<int:pk>/", corrections.report, name="report"),
    path("api/", include((api_patterns, "api"))),
    path("admin/", admin.site.urls),
]

# A 503 while the database is unreachable (JSON under /api/), a friendly 500 otherwise.
handler500 = "stances.errors.server_error"
handler404 = "stances.errors.not_found"  # JSON under /api/
