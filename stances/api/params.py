"""Query parameters several endpoints share, and who may ask for rejected facts."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from stances.models import Indicator, Stance
from stances.selectors.facts import can_see_rejected


def include_rejected(request) -> bool:
    """Rejected facts are hidden unless an editor asks (``include_rejected=true`` or
    ``review_status=rejected``)."""
    value = request.query_params.get("include_rejected", "")
    try:
        asked = value != "" and serializers.BooleanField().to_internal_value(value)
    except serializers.ValidationError:
        raise ValidationError({"include_rejected": ["true or false."]}) from None
    asked = asked or request.query_params.get("review_status") == "rejected"
    return asked and can_see_rejected(request.user)


# What a slug in a URL can be (the router's routes, and the schema's pattern): any other URL is a
# 404 before a query is made.
SLUG_PATTERN = "[-a-zA-Z0-9_]+"

REJECTED_PARAM = OpenApiParameter(
    "include_rejected", OpenApiTypes.BOOL, description="Editors only: include rejected facts."
)
FORMAT_PARAM = OpenApiParameter(
    "format", OpenApiTypes.STR, enum=["json", "csv"], description="csv streams every match."
)

STANCE_PARAMS = [
    OpenApiParameter("as_of", OpenApiTypes.DATE, description="Stances as they stood that day."),
    OpenApiParameter("stance", OpenApiTypes.STR, enum=Stance.values, description="Derived stance."),
    *[
        OpenApiParameter(
            name,
            OpenApiTypes.STR,
            enum=["limits", "cooperates", "unknown"],
            description=f"The {name} indicator's value.",
        )
        for name in Indicator.values
    ],
]
