"""Admin forms whose rules and writes are the services' (``stances.services``).

A ``ServiceForm`` is validated by running its service in a savepoint that is rolled back, so an
editor sees the service's own errors (a quote that is not in the article, a date in the future)
next to the fields, and nothing is saved. Once every form is valid the admin calls ``write()``,
which runs the service for real. One set of rules, kept in one place.

Spans are never a form field: the services compute them from the quoted words.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction

from stances.models import (
    Direction,
    EnforcementEvent,
    Indicator,
    Jurisdiction,
    Official,
    PolicyAction,
    Statement,
)
from stances.services import events, jurisdictions, officials, policies, statements


class _DryRun(Exception):
    """Raised inside the validating savepoint to roll the service's write back."""


class ServiceForm(forms.ModelForm):
    """A model form that creates through ``create()`` and changes through ``update()``."""

    def create(self, *, user, **fields: Any) -> models.Model:
        raise NotImplementedError

    def update(self, stored: models.Model, *, user, **changes: Any) -> models.Model:
        raise NotImplementedError

    def _post_clean(self) -> None:
        # Replaces the model form's own instance validation: the service validates instead.
        if self.errors:
            return
        try:
            with transaction.atomic():
                self.write(user=None)
                raise _DryRun
        except _DryRun:
            pass
        except ValidationError as error:
            self._service_errors(error)

    def write(self, *, user) -> models.Model:
        """Create or change the object with the service; the object as stored."""
        fields = self.service_fields()
        if self.instance.pk is None:
            return self.create(user=user, **fields)
        # Compared with the stored row, not the form's instance: a revert from the history
        # starts from an old version of the object.
        stored = type(self.instance).objects.get(pk=self.instance.pk)
        changes = {name: v for name, v in fields.items() if self.differs(stored, name, v)}
        return self.update(stored, user=user, **changes)

    def save_m2m(self) -> None:
        """Nothing to do: these forms have no many-to-many fields (the admin still calls it)."""

    def service_fields(self) -> dict[str, Any]:
        """The service's keyword arguments."""
        return dict(self.cleaned_data)

    def differs(self, stored: models.Model, name: str, value: Any) -> bool:
        current = stored._meta.get_field(name).value_from_object(stored)
        return (value.pk if isinstance(value, models.Model) else value) != current

    def _service_errors(self, error: ValidationError) -> None:
        """Each message on its field, or above the form when the form has no such field."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)


def _optional_with_default(form: forms.ModelForm, name: str) -> None:
    """A choice with a model default: preselected, and left out it means the default."""
    field = form.fields[name]
    field.required = False
    field.initial = (
        form.instance._meta.get_field(name).default if form.instance.pk is None else None
    )


def _same_words(a: str, b: str) -> bool:
    """Browsers send a textarea's line breaks as CRLF: that is not a new quote."""
    return a.split() == b.split()


class FactForm(ServiceForm):
    """Statements, events and policies. An editor's save is a review (the services mark the
    fact reviewed by the editor) unless the editor picks another review status."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        article = self.fields.get("article")
        # Articles are added by ingestion on their own page, not in a popup of a fact's form.
        if article is not None and hasattr(article.widget, "can_add_related"):
            article.widget.can_add_related = False
        if "review_status" in self.fields:
            self.fields[
                "review_status"
            ].help_text = "Saving marks the fact reviewed by you, unless you choose another status."


class EvidenceFieldMixin(forms.Form):
    """Events and policies: the words of the article that report them."""

    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Paste the article's words that report this; they must occur in the article "
        "(quote marks, dashes and spacing may differ).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.instance.article_id:
            self.initial.setdefault("evidence", self.instance.words)

    def differs(self, stored, name, value):
        if name == "evidence":
            return not _same_words(stored.words, value)
        return super().differs(stored, name, value)


class StatementForm(FactForm):
    class Meta:
        model = Statement
        fields = [
            "article",
            "speaker",
            "quote",
            "stance",
            "jurisdiction",
            "said_on",
            "date_precision",
            "review_status",
        ]
        widgets = {"quote": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "quote": "Paste the words as they are in the article; they must occur there (quote "
            "marks, dashes and spacing may differ).",
            "jurisdiction": "Empty: the speaker's jurisdiction.",
        }

    def create(self, *, user, **fields):
        return statements.statement_create(user=user, **fields)

    def update(self, stored, *, user, **changes):
        return statements.statement_update(statement=stored, user=user, **changes)

    def differs(self, stored, name, value):
        if name == "quote":
            return not _same_words(stored.quote, value)
        return super().differs(stored, name, value)


class EventForm(EvidenceFieldMixin, FactForm):
    class Meta:
        model = EnforcementEvent
        fields = [
            "article",
            "kind",
            "evidence",
            "summary",
            "name",
            "jurisdiction",
            "starts_on",
            "ends_on",
            "count",
            "parent",
            "date_precision",
            "review_status",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}

    def create(self, *, user, **fields):
        return events.event_create(user=user, **fields)

    def update(self, stored, *, user, **changes):
        return events.event_update(event=stored, user=user, **changes)


def _effect_field(indicator: str) -> str:
    return f"effect_{indicator}"


EFFECT_FIELDS = [_effect_field(value) for value in Indicator.values]

# One choice per indicator, as the database allows one effect per indicator and policy: a
# duplicate cannot even be entered. Declared on a class so the admin's fieldsets can name them.
EffectChoices = type(
    "EffectChoices",
    (forms.Form,),
    {
        _effect_field(indicator.value): forms.ChoiceField(
            label=indicator.label,
            choices=[("", "— (not set)"), *Direction.choices],
            required=False,
        )
        for indicator in Indicator
    },
)


class PolicyForm(EvidenceFieldMixin, EffectChoices, FactForm):
    class Meta:
        model = PolicyAction
        fields = [
            "article",
            "jurisdiction",
            "kind",
            "evidence",
            "summary",
            "status",
            "effective_on",
            "ends_on",
            "date_precision",
            "review_status",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional_with_default(self, "status")
        if self.instance.pk is not None:
            for effect in self.instance.effects.all():
                self.initial.setdefault(_effect_field(effect.indicator), effect.direction)

    def service_fields(self):
        fields = {k: v for k, v in self.cleaned_data.items() if k not in EFFECT_FIELDS and v != ""}
        fields["effects"] = [
            (indicator, self.cleaned_data[_effect_field(indicator)])
            for indicator in Indicator.values
            if self.cleaned_data.get(_effect_field(indicator))
        ]
        return fields

    def differs(self, stored, name, value):
        if name == "effects":
            return sorted(value) != sorted(stored.effects.values_list("indicator", "direction"))
        return super().differs(stored, name, value)

    def create(self, *, user, **fields):
        return policies.policy_create(user=user, **fields)

    def update(self, stored, *, user, **changes):
        return policies.policy_update(policy=stored, user=user, **changes)


class OfficialForm(ServiceForm):
    class Meta:
        model = Official
        fields = ["name", "kind", "level", "role", "jurisdiction", "affiliation", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional_with_default(self, "level")
        if self.instance.pk is None:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = "Empty: made from the name."

    def service_fields(self):
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value != "" or name != "level"
        }

    def create(self, *, user, **fields):
        return officials.official_create(**fields)

    def update(self, stored, *, user, **changes):
        return officials.official_update(official=stored, **changes)


class JurisdictionForm(ServiceForm):
    class Meta:
        model = Jurisdiction
        fields = [
            "name",
            "kind",
            "state",
            "slug",
            "external_id",
            "latitude",
            "longitude",
            "population",
        ]

    def create(self, *, user, **fields):
        return jurisdictions.jurisdiction_create(**fields)

    def update(self, stored, *, user, **changes):
        return jurisdictions.jurisdiction_update(jurisdiction=stored, **changes)
