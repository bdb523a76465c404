"""Query-string forms for the pages (the filter names match the API's)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stances.filters import NamedField, official_pk, place_pk
from stances.models import StatementStance


class TimelineForm(forms.Form):
    TYPES = [
        ("statements", _("Statements")),
        ("policies", _("Policy actions")),
        ("events", _("Events")),
    ]

    # Checked here (a name that fits nothing or several is an error on the form); the raw
    # value goes to the filters, which resolve it the same way.
    jurisdiction = NamedField(required=False, max_length=200, resolve=place_pk)
    speaker = NamedField(required=False, max_length=200, resolve=official_pk)
    type = forms.MultipleChoiceField(
        choices=TYPES, required=False, widget=forms.CheckboxSelectMultiple
    )
    stance = forms.ChoiceField(
        choices=[("", _("Any stance")), *StatementStance.choices], required=False
    )
    lanes = forms.ChoiceField(
        choices=[("type", _("Lanes by type")), ("jurisdiction", _("Lanes by jurisdiction"))],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these fields are added by name.
        self.fields["from"] = forms.DateField(required=False, label=_("From"))
        self.fields["to"] = forms.DateField(required=False, label=_("To"))

    def filter_params(self) -> dict:
        data = self.cleaned_data
        params = {name: self.data[name] for name in ("jurisdiction", "speaker") if data[name]}
        params.update({"stance": data["stance"]} if data["stance"] else {})
        params.update({name: data[name].isoformat() for name in ("from", "to") if data[name]})
        return params

    def types(self) -> set[str]:
        return set(self.cleaned_data["type"] or [value for value, _ in self.TYPES])
