"""Admin for readers' correction requests: the editors' inbox.

The list opens on the open requests; each row shows the fact (a link to its own admin page, and
its words) beside the reader's message. Closing, from the list's "Close" action or the change
form's "Close this request" box, goes through ``stances.services.corrections.correction_close``.
Requests come only from readers, so nobody adds one here.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from stances.models import (
    CorrectionRequest,
    CorrectionStatus,
    EnforcementEvent,
    PolicyAction,
    Statement,
)
from stances.services.corrections import correction_close

ALL = "all"


class StatusFilter(admin.SimpleListFilter):
    """Open by default, so the list is what still needs an editor; "All" shows every request."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*CorrectionStatus.choices, (ALL, "All")]

    def queryset(self, request, queryset):
        value = self.value() or CorrectionStatus.OPEN
        return queryset if value == ALL else queryset.filter(status=value)

    def choices(self, changelist):
        # Replaces the built-in "All" (no parameter), which here would mean "open".
        current = self.value() or CorrectionStatus.OPEN
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


class CorrectionRequestForm(forms.ModelForm):
    close = forms.BooleanField(
        required=False,
        label="Close this request",
        help_text="Records you as the editor who closed it, and when.",
    )

    class Meta:
        model = CorrectionRequest
        fields = ["editor_note"]

    def clean_close(self):
        # The request may have been closed by someone else since this page was loaded.
        if self.cleaned_data["close"] and self.instance.status == CorrectionStatus.CLOSED:
            raise forms.ValidationError("This request is already closed.")
        return self.cleaned_data["close"]


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(admin.ModelAdmin):
    form = CorrectionRequestForm
    list_display = [
        "id",
        "fact_link",
        "fact_words",
        "short_message",
        "contact",
        "status",
        "created_at",
    ]
    list_display_links = ["id"]
    list_filter = [StatusFilter]
    list_select_related = ["content_type", "closed_by"]
    search_fields = ["message", "contact", "editor_note"]
    readonly_fields = [
        "fact_link",
        "words",
        "message",
        "contact",
        "status",
        "created_at",
        "closed_at",
        "closed_by",
    ]
    actions = ["close"]

    def get_queryset(self, request):
        # Each row shows its fact's words, so fetch the facts and their articles up front:
        # one query per kind of fact rather than two per row.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                GenericPrefetch(
                    "fact",
                    [
                        Statement.objects.select_related("article"),
                        EnforcementEvent.objects.select_related("article"),
                        PolicyAction.objects.select_related("article"),
                    ],
                )
            )
        )

    def get_fields(self, request, obj=None):
        fields = [*self.readonly_fields, "editor_note"]
        if obj is not None and obj.status == CorrectionStatus.OPEN:
            fields.append("close")
        return fields

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get("close"):
            correction_close(correction=obj, user=request.user, note=obj.editor_note)
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description="Close", permissions=["change"])
    def close(self, request, queryset):
        open_requests = list(queryset.filter(status=CorrectionStatus.OPEN))
        for correction in open_requests:
            correction_close(correction=correction, user=request.user)
        self.message_user(
            request, f"Closed {len(open_requests)} request(s).", level=messages.SUCCESS
        )

    @admin.display(description="fact")
    def fact_link(self, obj) -> str:
        if obj.fact is None:
            return f"deleted {obj.content_type.name} #{obj.object_id}"
        meta = obj.content_type
        try:
            url = reverse(f"admin:{meta.app_label}_{meta.model}_change", args=[obj.object_id])
        except NoReverseMatch:
            return str(obj.fact)
        return format_html('<a href="{}">{}</a>', url, obj.fact)

    @admin.display(description="words")
    def fact_words(self, obj) -> str:
        return f"“{Truncator(obj.fact.words).chars(200)}”" if obj.fact is not None else "—"

    @admin.display(description="the fact's words")
    def words(self, obj) -> str:
        return obj.fact.words if obj.fact is not None else "—"

    @admin.display(description="message")
    def short_message(self, obj) -> str:
        return Truncator(obj.message).chars(200)
