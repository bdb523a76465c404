"""API shapes: reads inline the names and slugs a client needs; writes validate, then call
services."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer, inline_serializer
from rest_framework import serializers

from articles.models import Article
from sanctuary.api.writes import KnownFieldsOnly
from stances.models import (
    AgreementModel,
    DatePrecision,
    Declaration,
    Direction,
    EnforcementEvent,
    Indicator,
    Jurisdiction,
    Official,
    PolicyAction,
    Stance,
    Statement,
)
from stances.rules.layers import LEVELS
from stances.selectors.agreements import NONE, Agreements287g, agreements_287g
from stances.selectors.jurisdictions import JurisdictionDetail, JurisdictionRow


class JurisdictionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Jurisdiction
        fields = ["slug", "name", "kind", "state"]


class SpeakerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Official
        fields = ["slug", "name", "kind", "role", "level"]


class SourceSerializer(serializers.ModelSerializer):
    """The source a fact came from: a news article, or a snapshot of an official dataset."""

    class Meta:
        model = Article
        fields = ["id", "kind", "title", "outlet", "url", "published_on"]


class SpanSerializer(serializers.Serializer):
    start = serializers.IntegerField(source="span_start", help_text="body[start:end] is the text.")
    end = serializers.IntegerField(source="span_end")


EVIDENCE_FIELDS = [
    "source",
    "span",
    "date_precision",
    "review_status",
    "reviewed_at",
    "created_at",
    "updated_at",
]


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceSerializer(source="article", read_only=True)
    span = SpanSerializer(source="*", read_only=True)


class StatementSerializer(EvidenceSerializer):
    speaker = SpeakerRefSerializer(read_only=True)
    jurisdiction = JurisdictionRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "quote",
            "said_on",
            "date_source",
            "stance",
            "speaker",
            "jurisdiction",
            "continues",
            *EVIDENCE_FIELDS,
        ]


class PolicyEffectSerializer(KnownFieldsOnly, serializers.Serializer):
    indicator = serializers.ChoiceField(choices=Indicator.choices)
    direction = serializers.ChoiceField(choices=Direction.choices)


class PolicyActionSerializer(EvidenceSerializer):
    jurisdiction = JurisdictionRefSerializer(read_only=True)
    effects = PolicyEffectSerializer(many=True, read_only=True)
    words = serializers.CharField(
        source="source_words",
        read_only=True,
        help_text="The source's words at the span: a sentence, or a dataset's row.",
    )
    # 287(g) agreements and requests from ICE's lists: the model and when ICE listed it.
    agreement_model = serializers.CharField(
        source="listing.model",
        read_only=True,
        allow_null=True,
        help_text="jail_enforcement, warrant_service_officer or task_force; null elsewhere.",
    )
    first_listed_on = serializers.DateField(
        source="listing.first_listed_on", read_only=True, allow_null=True
    )
    last_listed_on = serializers.DateField(
        source="listing.last_listed_on", read_only=True, allow_null=True
    )
    no_longer_listed_since = serializers.DateField(
        source="listing.no_longer_listed_since",
        read_only=True,
        allow_null=True,
        help_text="ICE's list no longer names it since then: an editor will say why.",
    )

    class Meta:
        model = PolicyAction
        fields = [
            "id",
            "kind",
            "summary",
            "status",
            "effective_on",
            "ends_on",
            "effects",
            "jurisdiction",
            "words",
            "agreement_model",
            "first_listed_on",
            "last_listed_on",
            "no_longer_listed_since",
            *EVIDENCE_FIELDS,
        ]


class EnforcementEventSerializer(EvidenceSerializer):
    jurisdiction = JurisdictionRefSerializer(read_only=True, allow_null=True)
    parent = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The operation this is part of."
    )

    class Meta:
        model = EnforcementEvent
        fields = [
            "id",
            "kind",
            "name",
            "count",
            "starts_on",
            "ends_on",
            "summary",
            "parent",
            "jurisdiction",
            *EVIDENCE_FIELDS,
        ]


class OfficialSerializer(serializers.ModelSerializer):
    jurisdiction = JurisdictionRefSerializer(read_only=True, allow_null=True)
    statement_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Official
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "role",
            "affiliation",
            "level",
            "jurisdiction",
            "statement_count",
            "created_at",
            "updated_at",
        ]


# Derived stances ---------------------------------------------------------------------------


class PolicyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = PolicyAction
        fields = [
            "id",
            "kind",
            "summary",
            "status",
            "effective_on",
            "ends_on",
            "date_precision",
            "review_status",
        ]


def policy_ref(policy: PolicyAction) -> dict:
    """``PolicyRefSerializer(policy).data``, built directly: a page of jurisdictions names
    thousands of policies, and DRF's field machinery made that page take most of a second
    (tests/api/test_jurisdictions.py holds the two to the same output)."""
    return {
        "id": policy.id,
        "kind": policy.kind,
        "summary": policy.summary,
        "status": policy.status,
        "effective_on": policy.effective_on.isoformat() if policy.effective_on else None,
        "ends_on": policy.ends_on.isoformat() if policy.ends_on else None,
        "date_precision": policy.date_precision,
        "review_status": policy.review_status,
    }


class IndicatorSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=[*Direction.choices, ("unknown", "Unknown")])
    effective_on = serializers.DateField(
        allow_null=True, help_text="The date the evidence counts from."
    )
    policies = PolicyRefSerializer(many=True, help_text="The policy actions behind the value.")


_INDICATORS_SCHEMA = inline_serializer(
    "Indicators", fields={name: IndicatorSerializer() for name in Indicator.values}
)
_AGREEMENTS_SCHEMA = inline_serializer(
    "Agreements287g",
    fields={
        "models": serializers.ListField(
            child=serializers.ChoiceField(choices=AgreementModel.choices),
            help_text="The models of its 287(g) agreements in force (ICE's list).",
        ),
        "pending": serializers.BooleanField(
            help_text="A request on ICE's pending list (a request changes no stance)."
        ),
    },
)
_COUNTS_SCHEMA = inline_serializer(
    "Counts",
    fields={
        "statements": serializers.IntegerField(),
        "policies": serializers.IntegerField(),
        "events": serializers.IntegerField(),
    },
)


class LayeredIndicatorSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=[*Direction.choices, ("unknown", "Unknown")])
    effective_on = serializers.DateField(allow_null=True, help_text="The day it took this value.")
    layer = serializers.ChoiceField(
        choices=LEVELS,
        allow_null=True,
        help_text="Which layer of government set it (null: no layer knows it).",
    )


_EFFECTIVE_SCHEMA = inline_serializer(
    "EffectiveStance",
    fields={
        "stance": serializers.ChoiceField(choices=Stance.choices),
        "indicators": inline_serializer(
            "LayeredIndicators",
            fields={name: LayeredIndicatorSerializer() for name in Indicator.values},
        ),
    },
    allow_null=True,
    help_text="What applies to residents: the place's own, its county's jail and its state's "
    "law together (see the methodology). The place's own stance is `stance`.",
)


def effective_data(effective) -> dict | None:
    if effective is None:
        return None
    return {
        "stance": effective.stance,
        "indicators": {
            name: {
                "value": layered.state.value,
                "effective_on": layered.state.effective_on,
                "layer": layered.level,
            }
            for name, layered in effective.indicators.items()
        },
    }


class JurisdictionSerializer(serializers.Serializer):
    """A jurisdiction with its derived stance (``JurisdictionRow``)."""

    slug = serializers.CharField(source="jurisdiction.slug")
    name = serializers.CharField(source="jurisdiction.name")
    kind = serializers.CharField(source="jurisdiction.kind")
    state = serializers.CharField(source="jurisdiction.state")
    external_id = serializers.CharField(
        source="jurisdiction.external_id", help_text='"geonames:<id>" or "fips:<code>".'
    )
    latitude = serializers.FloatField(source="jurisdiction.latitude", allow_null=True)
    longitude = serializers.FloatField(source="jurisdiction.longitude", allow_null=True)
    population = serializers.IntegerField(source="jurisdiction.population", allow_null=True)
    stance = serializers.ChoiceField(source="stance.stance", choices=Stance.choices)
    as_of = serializers.DateField(source="stance.as_of", allow_null=True)
    indicators = serializers.SerializerMethodField()
    effective_stance = serializers.SerializerMethodField()
    agreements_287g = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(_EFFECTIVE_SCHEMA)
    def get_effective_stance(self, row: JurisdictionRow) -> dict | None:
        return effective_data(row.effective)

    @extend_schema_field(_INDICATORS_SCHEMA)
    def get_indicators(self, row: JurisdictionRow) -> dict:
        return {
            name: {
                "value": state.value,
                "effective_on": state.effective_on,
                "policies": [
                    policy_ref(row.policies[pid]) for pid in state.policy_ids if pid in row.policies
                ],
            }
            for name, state in row.stance.indicators.items()
        }

    @extend_schema_field(_AGREEMENTS_SCHEMA)
    def get_agreements_287g(self, row: JurisdictionRow) -> dict:
        """From ``agreements_287g`` read once for the page (the view's context), else alone."""
        known = self.context.get("agreements_287g")
        if known is None:
            known = agreements_287g([row.jurisdiction.pk], on=row.stance.as_of)
        found: Agreements287g = known.get(row.jurisdiction.pk, NONE)
        return {"models": list(found.models), "pending": found.pending}

    @extend_schema_field(_COUNTS_SCHEMA)
    def get_counts(self, row: JurisdictionRow) -> dict:
        j = row.jurisdiction
        return {
            "statements": j.statement_count,
            "policies": j.policy_count,
            "events": j.event_count,
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, row: JurisdictionRow) -> str:
        path = reverse("api:jurisdiction-detail", args=[row.jurisdiction.slug])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class StanceChangeSerializer(serializers.Serializer):
    on = serializers.DateField(
        allow_null=True, help_text="Null: undated evidence, counted for the current stance only."
    )
    stance = serializers.ChoiceField(choices=Stance.choices)
    policies = serializers.ListField(
        source="policy_ids", child=serializers.IntegerField(), help_text="Policy action ids."
    )


_LAYERS_SCHEMA = inline_serializer(
    "Layer",
    many=True,
    fields={
        "level": serializers.ChoiceField(choices=LEVELS),
        "slug": serializers.CharField(allow_null=True),
        "name": serializers.CharField(allow_null=True),
        "stance": serializers.ChoiceField(choices=Stance.choices),
        "url": serializers.URLField(allow_null=True),
    },
)


class JurisdictionDetailSerializer(JurisdictionSerializer):
    layers = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()
    officials = serializers.SerializerMethodField()

    @extend_schema_field(_LAYERS_SCHEMA)
    def get_layers(self, row: JurisdictionRow) -> list:
        """The place, the county whose jail holds its arrestees and its state, each with its
        own stance (a layer with no stored place: unknown)."""
        request = self.context.get("request")
        out = []
        for layer in self.detail.layers:
            j = layer.row.jurisdiction if layer.row else None
            path = reverse("api:jurisdiction-detail", args=[j.slug]) if j else None
            out.append(
                {
                    "level": layer.level,
                    "slug": j.slug if j else None,
                    "name": str(j) if j else None,
                    "stance": layer.row.stance.stance if layer.row else "unknown",
                    "url": request.build_absolute_uri(path) if request and path else path,
                }
            )
        return out

    def __init__(self, detail: JurisdictionDetail | None = None, **kwargs):
        self.detail = detail
        super().__init__(detail.row if detail else None, **kwargs)

    @extend_schema_field(StanceChangeSerializer(many=True))
    def get_history(self, row: JurisdictionRow) -> list:
        return StanceChangeSerializer(self.detail.history, many=True).data

    @extend_schema_field(SpeakerRefSerializer(many=True))
    def get_officials(self, row: JurisdictionRow) -> list:
        return SpeakerRefSerializer(self.detail.officials, many=True).data


class _FeaturePropertiesSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    state = serializers.CharField()
    external_id = serializers.CharField()
    population = serializers.IntegerField(allow_null=True)
    stance = serializers.ChoiceField(choices=Stance.choices)
    statements = serializers.IntegerField()
    policies = serializers.IntegerField()
    events = serializers.IntegerField()
    arrests = serializers.IntegerField()
    agreement_287g_models = serializers.ListField(
        child=serializers.ChoiceField(choices=AgreementModel.choices),
        help_text="The models of its 287(g) agreements in force (ICE's list).",
    )
    pending_287g = serializers.BooleanField(help_text="A request on ICE's pending list.")


class _PointSerializer(serializers.Serializer):
    type = serializers.CharField(help_text='"Point".')
    coordinates = serializers.ListField(
        child=serializers.FloatField(),
        min_length=2,
        max_length=2,
        help_text="[longitude, latitude]",
    )


class _FeatureSerializer(serializers.Serializer):
    type = serializers.CharField(help_text='"Feature".')
    id = serializers.CharField(help_text="The jurisdiction's slug.")
    geometry = _PointSerializer(allow_null=True, help_text="null without coordinates.")
    properties = _FeaturePropertiesSerializer()


@extend_schema_serializer(many=False)
class FeatureCollectionSerializer(serializers.Serializer):
    """The map's data (``?format=geojson``): documents ``exports.feature_collection``."""

    type = serializers.CharField(help_text='"FeatureCollection".')
    features = _FeatureSerializer(many=True)


# Writes --------------------------------------------------------------------------------------


class SlugRelatedField(serializers.SlugRelatedField):
    """A related object by slug; one with a NUL byte names nothing (PostgreSQL refuses to even
    compare it), so it is an invalid value rather than a server error."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


class _FactWriteSerializer(KnownFieldsOnly, serializers.Serializer):
    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all())
    date_precision = serializers.ChoiceField(choices=DatePrecision.choices, required=False)


class StatementWriteSerializer(_FactWriteSerializer):
    speaker = SlugRelatedField(slug_field="slug", queryset=Official.objects.all())
    jurisdiction = SlugRelatedField(
        slug_field="slug", queryset=Jurisdiction.objects.all(), required=False, allow_null=True
    )
    quote = serializers.CharField(
        help_text="Verbatim from the article (straight/curly quotes and whitespace normalised); "
        "the server computes the span."
    )
    stance = serializers.ChoiceField(choices=Statement._meta.get_field("stance").choices)
    said_on = serializers.DateField(required=False, allow_null=True)
    date_source = serializers.ChoiceField(
        choices=Statement._meta.get_field("date_source").choices, required=False
    )


class EventWriteSerializer(_FactWriteSerializer):
    kind = serializers.ChoiceField(choices=EnforcementEvent._meta.get_field("kind").choices)
    name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    jurisdiction = SlugRelatedField(
        slug_field="slug", queryset=Jurisdiction.objects.all(), required=False, allow_null=True
    )
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    count = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    summary = serializers.CharField()
    evidence = serializers.CharField(
        help_text="The article's words this fact comes from; the server computes the span."
    )
    parent = serializers.PrimaryKeyRelatedField(
        queryset=EnforcementEvent.objects.all(), required=False, allow_null=True
    )


class PolicyWriteSerializer(_FactWriteSerializer):
    jurisdiction = SlugRelatedField(slug_field="slug", queryset=Jurisdiction.objects.all())
    kind = serializers.ChoiceField(choices=PolicyAction._meta.get_field("kind").choices)
    summary = serializers.CharField()
    status = serializers.ChoiceField(
        choices=PolicyAction._meta.get_field("status").choices, required=False
    )
    effective_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    evidence = serializers.CharField(
        help_text="The article's words this fact comes from; the server computes the span."
    )
    effects = PolicyEffectSerializer(many=True, allow_empty=False)

    def validate_effects(self, effects: list[dict]) -> list[tuple[str, str]]:
        pairs = [(e["indicator"], e["direction"]) for e in effects]
        if len({indicator for indicator, _ in pairs}) != len(pairs):
            raise serializers.ValidationError("Each indicator may appear only once.")
        return pairs


class OfficialWriteSerializer(KnownFieldsOnly, serializers.Serializer):
    name = serializers.CharField(max_length=200)
    slug = serializers.SlugField(required=False, allow_blank=True, max_length=200)
    kind = serializers.ChoiceField(choices=Official._meta.get_field("kind").choices, required=False)
    role = serializers.CharField(required=False, allow_blank=True, max_length=200)
    jurisdiction = SlugRelatedField(
        slug_field="slug", queryset=Jurisdiction.objects.all(), required=False, allow_null=True
    )
    affiliation = serializers.CharField(required=False, allow_blank=True, max_length=200)
    level = serializers.ChoiceField(
        choices=Official._meta.get_field("level").choices, required=False
    )


# Articles: metadata, and on the detail everything extracted from one.


class ArticleSerializer(serializers.ModelSerializer):
    superseded_by = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The corrected version that replaced this one."
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "kind",
            "title",
            "outlet",
            "url",
            "published_on",
            "retrieved_on",
            "licence",
            "sha256",
            "supersedes",
            "superseded_by",
            "ingested_at",
            "updated_at",
        ]


class DeclarationSerializer(EvidenceSerializer):
    jurisdiction = JurisdictionRefSerializer(read_only=True, allow_null=True)
    speaker = SpeakerRefSerializer(read_only=True, allow_null=True)
    words = serializers.CharField(
        source="text", read_only=True, help_text="The source's words: body[start:end]."
    )

    class Meta:
        model = Declaration
        fields = [
            "id",
            "label",
            "negated",
            "words",
            "declared_on",
            "jurisdiction",
            "speaker",
            *EVIDENCE_FIELDS,
        ]


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.CharField(help_text="The cleaned text; every span slices it.")
    jurisdictions = JurisdictionRefSerializer(many=True, read_only=True)
    officials = SpeakerRefSerializer(many=True, read_only=True)
    statements = StatementSerializer(many=True, read_only=True, source="visible_statements")
    events = EnforcementEventSerializer(many=True, read_only=True, source="visible_events")
    policies = PolicyActionSerializer(many=True, read_only=True, source="visible_policies")
    declarations = DeclarationSerializer(many=True, read_only=True, source="visible_declarations")

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "body",
            "jurisdictions",
            "officials",
            "statements",
            "events",
            "policies",
            "declarations",
        ]
