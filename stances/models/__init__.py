"""Jurisdictions, the people who speak for them, and the evidence of what they do.

A jurisdiction's stance is never typed in: ``stances.rules.stance`` derives it from its policy
actions as of a date, and ``JurisdictionSummary`` stores today's result.
"""

from .choices import (
    CorrectionStatus,
    DatePrecision,
    Direction,
    EventKind,
    Indicator,
    IndicatorValue,
    JurisdictionKind,
    PolicyKind,
    ReviewStatus,
    SpeakerKind,
    Stance,
    StatementStance,
)
from .corrections import CorrectionRequest
from .facts import (
    EnforcementEvent,
    Evidence,
    EvidenceQuerySet,
    PolicyAction,
    PolicyEffect,
    Statement,
)
from .officials import Official
from .places import Jurisdiction, JurisdictionSummary

__all__ = [
    "CorrectionRequest",
    "CorrectionStatus",
    "DatePrecision",
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
    "Official",
    "PolicyAction",
    "PolicyEffect",
    "PolicyKind",
    "ReviewStatus",
    "SpeakerKind",
    "Stance",
    "Statement",
    "StatementStance",
]
