"""Writes for the people who run Sanctuary: editors.

An editor is a staff user in the ``editors`` group (made by migration 0004), which holds exactly
the permissions editors' work needs. Superusers keep Django's default: every permission.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

EDITORS = "editors"


def editor_create(*, username: str, password: str, email: str = "") -> AbstractUser:
    """A staff user in the ``editors`` group. The password must pass the project's validators
    (``AUTH_PASSWORD_VALIDATORS``); a taken username or a weak password saves nothing."""
    User = get_user_model()
    user = User(username=username, email=email, is_staff=True)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"A user named “{username}” already exists."})
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    with transaction.atomic():
        user.full_clean()
        user.save()
        user.groups.add(Group.objects.get(name=EDITORS))
    return user
