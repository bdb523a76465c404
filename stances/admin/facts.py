"""The editors' review queues: statements, enforcement events and policy actions.

Each fact list opens on the facts no editor has checked yet (status "extracted"), with their words
highlighted in their paragraph, and the actions "Mark reviewed" and "Mark rejected". Saving a
fact's form is a review too. Every write goes through ``stances.services`` (see ``forms``); spans
are computed there, never typed.
"""

from django.contrib import admin, messages
from django.utils.safestring import SafeString

from articles.highlight import words_in_context
from stances.models import Declaration, EnforcementEvent, PolicyAction, ReviewStatus, Statement
from stances.services.review import fact_review

from .base import ServiceAdmin, deletes_through_service
from .forms import EFFECT_FIELDS, EventForm, PolicyForm, StatementForm


class ReviewQueueFilter(admin.SimpleListFilter):
    """Review status, opening on the facts still to review."""

    title = "review status"
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*ReviewStatus.choices, (self.ALL, "All")]

    def selected(self) -> str:
        return self.value() or ReviewStatus.EXTRACTED

    def queryset(self, request, queryset):
        if self.selected() == self.ALL:
            return queryset
        return queryset.filter(review_status=self.selected())

    def choices(self, changelist):
        # No "All" entry of Django's own: the unfiltered default is the queue.
        for value, label in self.lookup_choices:
            yield {
                "selected": self.selected() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


class FactAdmin(ServiceAdmin):
    list_display = ["review_status", "reviewed_at", "reviewed_by"]
    list_filter = [
        ReviewQueueFilter,
        ("article", admin.RelatedOnlyFieldListFilter),
        ("jurisdiction", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["article__title"]
    autocomplete_fields = ["article", "jurisdiction"]
    readonly_fields = ["words", "reviewed_at", "reviewed_by", "created_at", "updated_at"]
    actions = ["mark_reviewed", "mark_rejected"]
    review_fieldset = (
        "Review",
        {"fields": ["review_status", "reviewed_at", "reviewed_by", "created_at", "updated_at"]},
    )

    def get_fieldsets(self, request, obj=None):
        # A fact added by hand is reviewed by its editor; its status is not a choice yet.
        if obj is None:
            return [self.add_fieldset]
        return [self.add_fieldset, ("In the article", {"fields": ["words"]}), self.review_fieldset]

    @admin.display(description="words in their paragraph")
    def words(self, fact) -> SafeString:
        return words_in_context(fact.article.body, fact.span_start, fact.span_end)

    @admin.action(description="Mark reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        self._review(request, queryset, ReviewStatus.REVIEWED)

    @admin.action(description="Mark rejected", permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._review(request, queryset, ReviewStatus.REJECTED)

    def _review(self, request, queryset, status: str) -> None:
        facts = list(queryset)
        for fact in facts:
            fact_review(fact=fact, user=request.user, status=status)
        label = ReviewStatus(status).label.lower()
        self.message_user(request, f"{len(facts)} marked {label}.", messages.SUCCESS)


@admin.register(Statement)
class StatementAdmin(FactAdmin):
    form = StatementForm
    list_display = [
        "words",
        "speaker",
        "jurisdiction",
        "stance",
        "said_on",
        *FactAdmin.list_display,
    ]
    list_filter = [*FactAdmin.list_filter, ("speaker", admin.RelatedOnlyFieldListFilter), "stance"]
    list_select_related = ["article", "jurisdiction", "speaker", "reviewed_by"]
    search_fields = ["quote", "speaker__name", *FactAdmin.search_fields]
    autocomplete_fields = ["article", "speaker", "jurisdiction"]
    add_fieldset = (
        None,
        {
            "fields": [
                "article",
                "speaker",
                "quote",
                "stance",
                "jurisdiction",
                ("said_on", "date_precision"),
            ]
        },
    )


@admin.register(EnforcementEvent)
class EnforcementEventAdmin(FactAdmin):
    form = EventForm
    list_display = ["words", "kind", "jurisdiction", "count", "starts_on", *FactAdmin.list_display]
    list_filter = [*FactAdmin.list_filter, "kind"]
    list_select_related = ["article", "jurisdiction", "reviewed_by"]
    search_fields = ["name", "summary", *FactAdmin.search_fields]
    autocomplete_fields = ["article", "jurisdiction", "parent"]
    add_fieldset = (
        None,
        {
            "fields": [
                "article",
                "evidence",
                "kind",
                "summary",
                "name",
                "jurisdiction",
                ("starts_on", "ends_on", "date_precision"),
                "count",
                "parent",
            ]
        },
    )


@admin.register(PolicyAction)
class PolicyActionAdmin(FactAdmin):
    form = PolicyForm
    list_display = [
        "words",
        "kind",
        "status",
        "jurisdiction",
        "effective_on",
        *FactAdmin.list_display,
    ]
    list_filter = [*FactAdmin.list_filter, "kind", "status"]
    list_select_related = ["article", "jurisdiction", "reviewed_by"]
    search_fields = ["summary", "jurisdiction__name", *FactAdmin.search_fields]
    add_fieldset = (
        None,
        {
            "fields": [
                "article",
                "evidence",
                "jurisdiction",
                "kind",
                "summary",
                "status",
                ("effective_on", "ends_on", "date_precision"),
            ]
        },
    )

    def get_fieldsets(self, request, obj=None):
        effects = ("Effects on cooperation", {"fields": EFFECT_FIELDS})
        fieldsets = super().get_fieldsets(request, obj)
        return [fieldsets[0], effects, *fieldsets[1:]]


@admin.register(Declaration)
@deletes_through_service
class DeclarationAdmin(admin.ModelAdmin):
    """What places call themselves, for review: editors mark them reviewed or rejected (they are
    never evidence for a stance, so there is nothing else to edit)."""

    list_display = ["words", "label", "negated", "jurisdiction", "speaker", "review_status"]
    list_filter = [ReviewQueueFilter, "negated", ("jurisdiction", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article", "jurisdiction", "speaker"]
    search_fields = ["label", "article__title"]
    actions = ["mark_reviewed", "mark_rejected"]
    readonly_fields = [
        "article",
        "words",
        "label",
        "negated",
        "jurisdiction",
        "speaker",
        "declared_on",
        "review_status",
        "reviewed_at",
        "reviewed_by",
    ]
    fields = readonly_fields
    mark_reviewed = FactAdmin.mark_reviewed
    mark_rejected = FactAdmin.mark_rejected
    _review = FactAdmin._review

    def has_add_permission(self, request):
        return False

    @admin.display(description="words in their paragraph")
    def words(self, fact) -> SafeString:
        return words_in_context(fact.article.body, fact.span_start, fact.span_end)
