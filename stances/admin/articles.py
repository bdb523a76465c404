"""Articles in the admin: added by ingestion (``article_ingest``, as the ``ingest`` command does),
then shown with the facts extracted from them. An article's text never changes once stored:
every fact's span slices it."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article
from stances.models import (
    EnforcementEvent,
    IngestionJob,
    JobStatus,
    PolicyAction,
    ReviewStatus,
    Statement,
)
from stances.services.ingestion import ingestion_job_create
from stances.services.policies import article_metadata_update

from .article_forms import ArticleAddForm, ArticleChangeForm
from .base import deletes_through_service

FACT_KINDS = ("statements", "events", "policies")


class FactInline(admin.TabularInline):
    """The facts of an article, read-only: each is reviewed or edited on its own page."""

    extra = 0
    can_delete = False
    fields = ["linked_words", "review_status", "reviewed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "jurisdiction")

    @admin.display(description="words (open to review or edit)")
    def linked_words(self, obj) -> str:
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.words)


class StatementInline(FactInline):
    model = Statement

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")


class EventInline(FactInline):
    model = EnforcementEvent
    verbose_name_plural = "enforcement events"


class PolicyInline(FactInline):
    model = PolicyAction


@admin.register(Article)
@deletes_through_service
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleChangeForm
    list_display = ["title", "outlet", "published_on", "ingested_at"]
    list_filter = ["outlet"]
    search_fields = ["title", "outlet", "url"]
    date_hierarchy = "ingested_at"
    fields = [
        "title",
        "outlet",
        "url",
        "published_on",
        "to_review",
        "body",
        "named_jurisdictions",
        "named_officials",
        "supersedes",
        "sha256",
        "ingested_at",
        "updated_at",
    ]
    readonly_fields = fields[4:]
    inlines = [StatementInline, EventInline, PolicyInline]
    add_form_template = "admin/articles/article/add_form.html"
    add_fieldsets = [
        (None, {"fields": ["text", "file"]}),
        ("About the article", {"fields": ["title", "outlet", "url", "published_on"]}),
    ]

    @admin.display(description="jurisdictions")
    def named_jurisdictions(self, article) -> str:
        return ", ".join(str(j) for j in article.jurisdictions.all())

    @admin.display(description="officials")
    def named_officials(self, article) -> str:
        return ", ".join(str(o) for o in article.officials.all())

    def save_model(self, request, obj, form, change):
        """Metadata corrections through ``article_metadata_update`` (adding is ``add_view``'s
        ingestion)."""
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        article_metadata_update(article=obj, **changes)

    @admin.display(description="to review")
    def to_review(self, article) -> str:
        """Links to the review queue of each kind of fact, filtered to this article."""
        links = []
        for model in (Statement, EnforcementEvent, PolicyAction):
            opts = model._meta
            count = model.objects.filter(article=article, review_status=ReviewStatus.EXTRACTED)
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            links.append((url, article.pk, count.count(), opts.verbose_name_plural))
        return format_html_join(" · ", '<a href="{}?article__id__exact={}">{} {}</a>', links)

    def add_view(self, request, form_url="", extra_context=None):
        """Adding is ingesting: the text goes through ``article_ingest``, like the command."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleAddForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = ingestion_job_create(**form.ingest_fields(), user=request.user)
            if job.status == JobStatus.DONE:
                return self._ingested(request, job)
            if job.status == JobStatus.FAILED:
                form.add_error(None, job.error)
            else:  # a worker ingests it: the job's page says when it is done
                self.message_user(
                    request,
                    f"“{job}” is being ingested in the background: this page shows when its "
                    "facts are ready to review.",
                    messages.INFO,
                )
                return redirect("admin:stances_ingestionjob_change", job.pk)
        context = self._add_context(request, form)
        context.update(extra_context or {})
        return self.render_change_form(request, context, add=True, form_url=form_url)

    def _add_context(self, request, form) -> dict:
        adminform = helpers.AdminForm(form, self.add_fieldsets, {}, model_admin=self)
        return {
            **self.admin_site.each_context(request),
            "title": "Add article",
            "subtitle": None,
            "adminform": adminform,
            "object_id": None,
            "original": None,
            "is_popup": False,  # facts' forms offer no "+" for articles (admin_forms.FactForm)
            "to_field": None,
            "media": self.media + adminform.media,
            "inline_admin_formsets": [],
            "errors": helpers.AdminErrorList(form, []),
            "preserved_filters": self.get_preserved_filters(request),
            "show_save_and_add_another": False,
        }

    def _ingested(self, request, result: IngestionJob):
        article = result.article
        if result.outcome == "unchanged":
            self.message_user(
                request, f"This text is already stored, unchanged: “{article}”.", messages.INFO
            )
        else:
            self.log_addition(request, article, [{"added": {}}])
            found = ", ".join(f"{result.counts.get(kind, 0)} {kind}" for kind in FACT_KINDS)
            self.message_user(
                request, f"Ingested “{article}”: {found} to review.", messages.SUCCESS
            )
        for warning in result.warnings:
            self.message_user(request, warning, messages.WARNING)
        return redirect("admin:articles_article_change", article.pk)


@admin.register(IngestionJob)
class IngestionJobAdmin(admin.ModelAdmin):
    """Articles added in the admin and ingested in the background: what each came to, or why it
    failed. Read only: the ingestion writes them."""

    list_display = ["__str__", "status", "requested_by", "created_at", "finished_at", "result"]
    list_filter = ["status"]
    fields = ["status", "result", "title", "outlet", "url", "published_on", "requested_by",
              "error", "created_at", "started_at", "finished_at"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="result")
    def result(self, job: IngestionJob) -> str:
        if job.status == JobStatus.DONE and job.article_id:
            url = reverse("admin:articles_article_change", args=[job.article_id])
            found = ", ".join(f"{job.counts.get(kind, 0)} {kind}" for kind in FACT_KINDS)
            return format_html('<a href="{}">{}</a>: {} ({})', url, job.article, found, job.outcome)
        if job.status in (JobStatus.QUEUED, JobStatus.RUNNING):
            return "Not done yet: reload this page in a moment."
        return job.error
