from django.contrib import admin

from .models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "ingested_at"]
    list_filter = ["outlet"]
    search_fields = ["title", "outlet", "url"]
    date_hierarchy = "ingested_at"
    readonly_fields = ["sha256", "ingested_at", "updated_at", "supersedes"]
