"""The admin's forms for articles: adding one by pasting its text or uploading its file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminDateWidget

from articles.files import ARTICLE_SUFFIXES, decode_body, html_main_text, parse_published
from articles.models import Article, validate_http_uri
from articles.services import IngestError


def _published(value) -> Any:
    """A publication date follows the ingestion's rule: known or empty, never in the future."""
    if value is None:
        return None
    try:
        return parse_published(value.isoformat())
    except IngestError as error:
        raise forms.ValidationError(str(error).replace('"published"', "The date")) from None


class ArticleAddForm(forms.Form):
    """The text of an article, pasted or as a .txt/.html file, and what is known about it. The
    cleaned data is ``article_ingest``'s arguments (``ingest_fields``)."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16, "cols": 90}),
        required=False,
        strip=False,
        help_text="Paste the article's text, or upload its file below.",
    )
    file = forms.FileField(
        required=False,
        help_text=f"A UTF-8 {' or '.join(ARTICLE_SUFFIXES)} file; a web page's main text is "
        "kept, its navigation dropped.",
    )
    title = forms.CharField(
        max_length=500, required=False, help_text="Empty: the page's title or the first line."
    )
    outlet = forms.CharField(max_length=200, required=False)
    url = forms.URLField(
        max_length=1000, required=False, assume_scheme="https", validators=[validate_http_uri]
    )
    published_on = forms.DateField(required=False, widget=AdminDateWidget, label="Published on")

    def clean_published_on(self):
        return _published(self.cleaned_data["published_on"])

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text", ""), cleaned.get("file")
        if text.strip() and upload:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload:
            cleaned["body"], page_title = self._read(upload)
            cleaned["title"] = cleaned.get("title") or page_title
        elif text.strip():
            cleaned["body"] = self._decoded(text.encode("utf-8"), field="text")
        else:
            self.add_error("text", "Paste the article's text or upload its file.")
        return cleaned

    def _read(self, upload) -> tuple[str, str]:
        suffix = Path(upload.name).suffix.lower()
        if suffix not in ARTICLE_SUFFIXES:
            kind = f"A {suffix} file" if suffix else "A file without an extension"
            raise forms.ValidationError({"file": f"{kind} cannot be read: use .txt or .html."})
        body = self._decoded(upload.read(), field="file")
        if suffix == ".txt":
            return body, ""
        try:
            return html_main_text(body)
        except IngestError as error:
            raise forms.ValidationError({"file": f"{error}."}) from None

    def _decoded(self, data: bytes, *, field: str) -> str:
        try:
            return decode_body(data, settings.ARTICLE_MAX_BYTES)
        except IngestError as error:
            message = str(error).replace("the file", "the text" if field == "text" else "the file")
            raise forms.ValidationError({field: message[:1].upper() + message[1:] + "."}) from None

    def ingest_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "body": data["body"],
            "title": data["title"].strip(),
            "outlet": data["outlet"].strip(),
            "url": data["url"],
            "published_on": data["published_on"],
        }


class ArticleChangeForm(forms.ModelForm):
    """What may change once an article is in: not its text, which every fact's span slices."""

    url = forms.URLField(
        max_length=1000, required=False, assume_scheme="https", validators=[validate_http_uri]
    )

    class Meta:
        model = Article
        fields = ["title", "outlet", "url", "published_on"]

    def clean_published_on(self):
        return _published(self.cleaned_data["published_on"])
