"""Jurisdictions, the people who speak for them, and the evidence of what they do.

A jurisdiction's stance is never typed in: ``stances.rules.stance`` derives it from its policy
actions as of a date, and ``JurisdictionSummary`` stores today's result.
"""

from .choices import (
    CorrectionStatus,
    DatePrecision,
    DateSource,
    Direction,
    EventKind,
    Indicator,
    IndicatorValue,
    JurisdictionKind,
    PolicyKind,
    PolicyStatus,
    ReviewStatus,
    SpeakerKind,
    SpeakerLevel,
    Stance,
    StatementStance,
)
from .corrections import CorrectionRequest
from .facts import (
    Declaration,
    EnforcementEvent,
    Evidence,
    EvidenceQuerySet,
    PolicyAction,
    PolicyEffect,
    Statement,
)
from .ingestion import IngestionJob, JobStatus
from .listings import (
    AgreementListing,
    AgreementModel,
    ListingResolution,
    ListKind,
    ListSnapshot,
)
from .officials import Official
from .places import Jurisdiction, JurisdictionSummary, StancePeriod

__all__ = [
    "AgreementListing",
    "AgreementModel",
    "IngestionJob",
    "JobStatus",
    "CorrectionRequest",
    "CorrectionStatus",
    "Declaration",
    "DatePrecision",
    "DateSource",
    "Direction",
    "EnforcementEvent",
    "EventKind",
    "Evidence",
    "EvidenceQuerySet",
    "Indicator",
    "IndicatorValue",
    "Jurisdiction",
    "JurisdictionKind",
    "JurisdictionSummary",
    "ListKind",
    "ListSnapshot",
    "ListingResolution",
    "Official",
    "PolicyAction",
    "PolicyEffect",
    "PolicyKind",
    "PolicyStatus",
    "ReviewStatus",
    "SpeakerKind",
    "SpeakerLevel",
    "Stance",
    "StancePeriod",
    "Statement",
    "StatementStance",
]
