"""Articles: the news texts every fact on Sanctuary comes from.

Sources sit below the facts derived from them: nothing here knows about jurisdictions or facts.
Which places and speakers an article names is recorded on their side (``stances.models``)."""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The characters RFC 3986 allows in a URI, with "%" only as the start of an escape: no quotes,
# angle brackets, spaces, backslashes or non-ASCII letters (which must be percent-encoded).
_URI = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")
_WEB = URLValidator(schemes=["http", "https"])


def validate_http_uri(value: str) -> None:
    """An article's address: an http(s) URL that is also a valid URI (what the API's schema
    promises, ``format: uri``)."""
    _WEB(value)
    if not _URI.fullmatch(value):
        raise ValidationError(
            "Enter an http(s) address made of URI characters only (percent-encode quotes, "
            "angle brackets, spaces and non-ASCII letters).",
            code="not_a_uri",
        )


def body_sha256(body: str) -> str:
    """The identity of an article's text: the same text is one article."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def current(self):
        """Articles not replaced by a corrected version."""
        return self.filter(superseded_by__isnull=True)


class SourceKind(models.TextChoices):
    NEWS = "news", _("News article")
    DATASET = "dataset", _("Official dataset")


class Article(models.Model):
    """A source: a news article, or a snapshot of an official dataset (ICE's 287(g) lists),
    whose stored text renders each data row as one line, so a fact's span is its row."""

    kind = models.CharField(max_length=10, choices=SourceKind.choices, default=SourceKind.NEWS)
    title = models.CharField(max_length=500)
    outlet = models.CharField(
        max_length=200, blank=True, help_text="The publisher: a news outlet, or an agency."
    )
    url = models.URLField(max_length=1000, blank=True, validators=[validate_http_uri])
    published_on = models.DateField(null=True, blank=True)
    retrieved_on = models.DateField(
        null=True, blank=True, help_text="When this copy was taken (datasets change in place)."
    )
    licence = models.CharField(max_length=200, blank=True)
    body = models.TextField(help_text="The cleaned text; every fact's span slices it.")
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    # A corrected version of an article (same url, new text) is a new row that supersedes the
    # old one, so facts an editor reviewed keep pointing at the exact words they came from.
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="superseded_by",
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["kind"], name="article_kind_idx"),
            models.Index(fields=["url"], name="article_url_idx"),
            models.Index(fields=["published_on"], name="article_published_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="article_sha256_hex",
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=["news", "dataset"]), name="article_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # The hash is a function of the body, never typed: keep it in step here.
        self.sha256 = body_sha256(self.body)
        super().save(*args, **kwargs)
