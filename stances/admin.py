"""The editors' workplace: jurisdictions, officials and the facts extracted from articles.

Each fact list is a review queue: it opens on the facts no editor has checked yet (status
"extracted"), with their words highlighted in their paragraph, and the actions "Mark reviewed" and
"Mark rejected". Saving a fact's form is a review too. Every write goes through
``stances.services`` (see ``stances.admin_forms``); spans are computed there, never typed.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from .admin_forms import EFFECT_FIELDS, EventForm, OfficialForm, PolicyForm, StatementForm
from .models import (
    EnforcementEvent,
    Jurisdiction,
    Official,
    PolicyAction,
    ReviewStatus,
    Statement,
)
from .services import fact_review

CONTEXT_REACH = 200  # characters of the paragraph shown on each side of a fact's words


def words_in_context(body: str, start: int, end: int) -> SafeString:
    """The fact's words marked in their paragraph (or as much of it as ``CONTEXT_REACH``
    allows). Article text is untrusted: format_html escapes every piece of it."""
    opens = max(body.rfind("\n", 0, start) + 1, start - CONTEXT_REACH)
    closes = body.find("\n", end)
    closes = min(len(body) if closes < 0 else closes, end + CONTEXT_REACH)
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if opens > 0 and body[opens - 1] != "\n" else "",
        body[opens:start],
        body[start:end],
        body[end:closes],
        "…" if closes < len(body) and body[closes] != "\n" else "",
    )


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a revert for anyone who may view the history; a revert is a change.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ServiceAdmin(HistoryAdmin):
    """Saves through the form's service (``admin_forms.ServiceForm.write``). These admins have no
    inline formsets, so save_form is reached only once everything is valid."""

    def save_form(self, request, form, change):
        return form.write(user=request.user)

    def save_model(self, request, obj, form, change):
        """Already saved by save_form's service call."""


@admin.register(Jurisdiction)
class JurisdictionAdmin(HistoryAdmin):
    list_display = ["name", "kind", "state", "slug", "external_id", "population"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "slug", "external_id"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Official)
class OfficialAdmin(ServiceAdmin):
    form = OfficialForm
    list_display = ["name", "kind", "role", "jurisdiction", "affiliation"]
    list_filter = ["kind"]
    list_select_related = ["jurisdiction"]
    search_fields = ["name", "slug", "role", "affiliation"]
    autocomplete_fields = ["jurisdiction"]
    prepopulated_fields = {"slug": ["name"]}


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
    list_display = ["words", "kind", "jurisdiction", "effective_on", *FactAdmin.list_display]
    list_filter = [*FactAdmin.list_filter, "kind"]
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
                ("effective_on", "date_precision"),
            ]
        },
    )

    def get_fieldsets(self, request, obj=None):
        effects = ("Effects on cooperation", {"fields": EFFECT_FIELDS})
        fieldsets = super().get_fieldsets(request, obj)
        return [fieldsets[0], effects, *fieldsets[1:]]


from .corrections_admin import CorrectionRequestAdmin  # noqa: E402, F401  (registers it)
