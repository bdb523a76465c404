"""API shapes for articles: metadata, and on the detail everything extracted from one."""

from rest_framework import serializers

from stances.serializers import (
    EnforcementEventSerializer,
    JurisdictionRefSerializer,
    PolicyActionSerializer,
    SpeakerRefSerializer,
    StatementSerializer,
)

from .models import Article


class ArticleSerializer(serializers.ModelSerializer):
    superseded_by = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The corrected version that replaced this one."
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "outlet",
            "url",
            "published_on",
            "sha256",
            "supersedes",
            "superseded_by",
            "ingested_at",
            "updated_at",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.CharField(help_text="The cleaned text; every span slices it.")
    jurisdictions = JurisdictionRefSerializer(many=True, read_only=True)
    officials = SpeakerRefSerializer(many=True, read_only=True)
    statements = StatementSerializer(many=True, read_only=True, source="visible_statements")
    events = EnforcementEventSerializer(many=True, read_only=True, source="visible_events")
    policies = PolicyActionSerializer(many=True, read_only=True, source="visible_policies")

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "body",
            "jurisdictions",
            "officials",
            "statements",
            "events",
            "policies",
        ]
