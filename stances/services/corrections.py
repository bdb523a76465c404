"""Readers' corrections: storing a report that a public fact is wrong, and an editor closing it.

A request is tied to its fact (a statement, an enforcement event or a policy action) through a
generic relation; editors read and close them in the admin (``stances.admin.corrections``).
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stances.models import CorrectionRequest, CorrectionStatus, Evidence, ReviewStatus


def correction_create(*, fact: Evidence, message: str, contact: str = "") -> CorrectionRequest:
    """An open request about a public fact; a rejected fact is not public, so not reportable."""
    if fact.review_status == ReviewStatus.REJECTED:
        raise ValidationError("This fact is not published.")
    correction = CorrectionRequest(fact=fact, message=message.strip(), contact=contact.strip())
    with transaction.atomic():
        correction.full_clean()
        correction.save()
    return correction


def correction_close(
    *, correction: CorrectionRequest, user: AbstractBaseUser, note: str = ""
) -> CorrectionRequest:
    """Close an open request, recording who closed it, when, and (if given) the editor's note."""
    with transaction.atomic():
        # Locked and re-read, so two editors closing at once cannot both record the closing.
        locked = CorrectionRequest.objects.select_for_update().get(pk=correction.pk)
        if locked.status == CorrectionStatus.CLOSED:
            raise ValidationError("This request is already closed.")
        locked.status = CorrectionStatus.CLOSED
        locked.closed_at = timezone.now()
        locked.closed_by = user
        if note.strip():
            locked.editor_note = note.strip()
        locked.full_clean()
        locked.save()
    return locked
