"""What every write serializer shares: a field it does not take is a 400 that names it, never
silently dropped (an editor who sends ``review_status`` or ``span_start`` learns that the server
sets them, instead of getting a 200 that ignored them)."""

from __future__ import annotations

from collections.abc import Mapping

from rest_framework.exceptions import ValidationError

# Sent by the browsable API's forms with every write: not a field.
FORM_KEYS = frozenset({"csrfmiddlewaretoken"})
UNKNOWN = "Unknown field: not one a write may set (the server sets read-only fields itself)."


class KnownFieldsOnly:
    """Mixed into a ``Serializer`` that takes input."""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields) - FORM_KEYS)
            if unknown:
                raise ValidationError({name: [UNKNOWN] for name in unknown})
        return super().to_internal_value(data)
