"""ICE's 287(g) lists in the admin: importing a downloaded list (``ice_287g_import``, as the
``import_287g`` command does), and resolving the agreements ICE stopped listing
(``listing_resolve``). Listings are made by imports only; an editor's one write on them is the
resolution of a flag."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from stances.models import AgreementListing, ListSnapshot
from stances.services.importers.ice_287g import ice_287g_import
from stances.services.importers.ice_287g_review import listing_resolve

from .base import HistoryAdmin
from .forms import ServiceForm

UPLOAD_MAX_BYTES = 20_000_000  # ICE's files are about 60 kB


class FlaggedFilter(admin.SimpleListFilter):
    title = "ICE still lists it"
    parameter_name = "listed"

    def lookups(self, request, model_admin):
        return [
            ("flagged", "No longer listed: for an editor to resolve"),
            ("yes", "Listed in the latest snapshot"),
            ("resolved", "Resolved by an editor"),
        ]

    def queryset(self, request, queryset):
        flagged = Q(no_longer_listed_since__isnull=False, resolution="")
        return {
            "flagged": queryset.filter(flagged),
            "yes": queryset.filter(no_longer_listed_since__isnull=True),
            "resolved": queryset.exclude(resolution=""),
        }.get(self.value(), queryset)


class ListingResolveForm(ServiceForm):
    """An editor's answer to a flag: the fields of ``listing_resolve``, validated by it."""

    ends_on = forms.DateField(
        required=False,
        widget=AdminDateWidget,
        label="Ended on",
        help_text="For “ended”: the day it stopped applying, if known; empty: the day ICE's "
        "list was first seen without it.",
    )

    class Meta:
        model = AgreementListing
        fields = ["resolution", "continued_by", "resolution_note"]

    def write(self, *, user) -> AgreementListing:
        stored = AgreementListing.objects.select_related("policy").get(pk=self.instance.pk)
        data = self.cleaned_data
        if not data.get("resolution"):
            return stored  # nothing decided yet
        return listing_resolve(
            listing=stored,
            resolution=data["resolution"],
            ends_on=data.get("ends_on"),
            continued_by=data.get("continued_by"),
            note=data.get("resolution_note", ""),
            user=user,
        )


class ImportForm(forms.Form):
    file = forms.FileField(
        help_text="ICE's participating or pending list, as downloaded (.xlsx). Columns are found "
        "by their names; the list is told by the file name or by its SIGNED column."
    )
    retrieved_on = forms.DateField(
        initial=timezone.localdate,
        widget=AdminDateWidget,
        help_text="When you downloaded it: the day this snapshot stands for in the history.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Upload ICE's .xlsx file as downloaded.")
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(f"The file is over {UPLOAD_MAX_BYTES:,} bytes.")
        return upload

    def clean_retrieved_on(self):
        day = self.cleaned_data["retrieved_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("A download has happened: not a future date.")
        return day


@admin.register(AgreementListing)
class AgreementListingAdmin(HistoryAdmin):
    form = ListingResolveForm
    change_list_template = "admin/stances/agreementlisting/change_list.html"
    list_display = [
        "agency",
        "model",
        "list_kind",
        "jurisdiction",
        "first_listed_on",
        "last_listed_on",
        "no_longer_listed_since",
        "resolution",
    ]
    list_filter = [FlaggedFilter, "list_kind", "model", "resolution", "state"]
    list_select_related = ["jurisdiction"]
    search_fields = ["agency", "county", "state"]
    autocomplete_fields = ["continued_by"]
    date_hierarchy = "last_listed_on"
    shown = [
        "agency",
        "list_kind",
        "model",
        "state",
        "county",
        "jurisdiction",
        "place_reason",
        "official",
        "agreement",
        "signed_on",
        "first_listed_on",
        "first_snapshot",
        "last_listed_on",
        "last_snapshot",
        "last_row",
        "no_longer_listed_since",
        "renames",
        "resolved_at",
        "resolved_by",
    ]

    def get_fieldsets(self, request, obj=None):
        about = (None, {"fields": self.shown})
        if obj is not None and obj.flagged:
            resolve = ["resolution", "ends_on", "continued_by", "resolution_note"]
        else:
            resolve = ["resolution", "continued_by", "resolution_note"]
        return [about, ("An editor's resolution", {"fields": resolve})]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.flagged:
            return self.shown
        return [*self.shown, "resolution", "continued_by", "resolution_note"]

    def has_add_permission(self, request):
        return False  # listings come from imports

    def has_delete_permission(self, request, obj=None):
        return False

    def save_form(self, request, form, change):
        return form.write(user=request.user)

    def save_model(self, request, obj, form, change):
        """Already saved by save_form's service call."""

    @admin.display(description="agreement (evidence)")
    def agreement(self, listing):
        if listing.policy_id is None:
            return "none: the agency is no county, town or state"
        url = reverse("admin:stances_policyaction_change", args=[listing.policy_id])
        return format_html('<a href="{}">{}</a>', url, listing.policy)

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="stances_agreementlisting_import"), *super().get_urls()]

    def import_view(self, request):
        """Upload one of ICE's lists: imported as the ``import_287g`` command imports it."""
        if not request.user.has_perm("stances.add_listsnapshot"):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            seen_on = dt.datetime.combine(form.cleaned_data["retrieved_on"], dt.time.min, dt.UTC)
            [report] = ice_287g_import(
                path_or_file=upload, file_name=upload.name, seen_on=seen_on
            ).files
            level = messages.ERROR if report.outcome == "failed" else messages.SUCCESS
            self.message_user(request, report.summary(), level)
        context = {
            **self.admin_site.each_context(request),
            "title": "Import an ICE 287(g) list",
            "opts": self.model._meta,
            "form": form,
            "report": report,
            "snapshots": ListSnapshot.objects.select_related("article")[:10],
        }
        return TemplateResponse(request, "admin/stances/agreementlisting/import.html", context)
