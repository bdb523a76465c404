"""The editors' workplace. Declarative; a fuller review workflow comes with the editors issue."""

from django.contrib import admin

from .models import EnforcementEvent, Jurisdiction, Official, PolicyAction, PolicyEffect, Statement


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "state", "slug", "external_id", "population"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "slug", "external_id"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "role", "jurisdiction", "affiliation"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "role", "affiliation"]
    autocomplete_fields = ["jurisdiction"]
    prepopulated_fields = {"slug": ["name"]}


class EvidenceAdmin(admin.ModelAdmin):
    list_filter = ["review_status"]
    autocomplete_fields = ["article", "jurisdiction"]
    readonly_fields = ["reviewed_at", "reviewed_by", "created_at", "updated_at"]
    list_select_related = ["article", "jurisdiction"]

    @admin.display(description="source")
    def source(self, obj) -> str:
        return obj.article.outlet or obj.article.title


@admin.register(Statement)
class StatementAdmin(EvidenceAdmin):
    list_display = ["__str__", "speaker", "jurisdiction", "stance", "said_on", "review_status"]
    list_filter = ["review_status", "stance"]
    search_fields = ["quote", "speaker__name"]
    autocomplete_fields = ["article", "jurisdiction", "speaker"]
    list_select_related = ["article", "jurisdiction", "speaker"]


@admin.register(EnforcementEvent)
class EnforcementEventAdmin(EvidenceAdmin):
    list_display = ["__str__", "kind", "jurisdiction", "count", "starts_on", "review_status"]
    list_filter = ["review_status", "kind"]
    search_fields = ["name", "summary"]
    autocomplete_fields = ["article", "jurisdiction", "parent"]


class PolicyEffectInline(admin.TabularInline):
    model = PolicyEffect
    extra = 1


@admin.register(PolicyAction)
class PolicyActionAdmin(EvidenceAdmin):
    list_display = ["__str__", "kind", "jurisdiction", "effective_on", "review_status"]
    list_filter = ["review_status", "kind"]
    search_fields = ["summary", "jurisdiction__name"]
    inlines = [PolicyEffectInline]


from .corrections_admin import CorrectionRequestAdmin  # noqa: E402, F401  (registers it)
