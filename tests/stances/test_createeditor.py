"""``createeditor``: a staff user in the migrated ``editors`` group, or a clear refusal."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from stances.services.editors import editor_create

STRONG = "tulip-orbit-saffron-92"
pytestmark = pytest.mark.django_db


def createeditor(*args, **options) -> str:
    out = io.StringIO()
    call_command("createeditor", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def typed(monkeypatch):
    """What the person types at the two password prompts."""
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    entries: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": entries.pop(0))
    return entries


def test_the_password_typed_twice_makes_a_staff_editor(typed):
    typed += [STRONG, STRONG]

    out = createeditor("dana", email="dana@example.org")

    user = User.objects.get(username="dana")
    assert "Editor “dana” created" in out
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["editors"]
    assert user.check_password(STRONG)
    assert user.email == "dana@example.org"
    assert user.has_perm("stances.change_statement")
    assert not user.has_perm("stances.delete_statement")


def test_the_password_may_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", STRONG)

    createeditor("sam")

    assert User.objects.get(username="sam").check_password(STRONG)


def test_entries_that_differ_create_nothing(typed):
    typed += [STRONG, STRONG + "x"]

    with pytest.raises(CommandError, match="differ"):
        createeditor("dana")
    assert not User.objects.filter(username="dana").exists()


@pytest.mark.parametrize(
    ("password", "reason"),
    [("short1", "too short"), ("password123", "too common"), ("48213957601", "entirely numeric")],
)
def test_a_weak_password_is_refused_with_the_validators_reason(monkeypatch, password, reason):
    monkeypatch.setenv("EDITOR_PASSWORD", password)

    with pytest.raises(CommandError, match=reason):
        createeditor("dana")
    assert not User.objects.filter(username="dana").exists()


def test_an_existing_username_is_refused_and_left_alone(monkeypatch, django_user_model):
    existing = django_user_model.objects.create_user(username="dana", password="old")
    monkeypatch.setenv("EDITOR_PASSWORD", STRONG)

    with pytest.raises(CommandError, match="already exists"):
        createeditor("Dana")
    existing.refresh_from_db()
    assert existing.check_password("old") and not existing.is_staff
    assert User.objects.count() == 1


def test_a_password_like_the_username_is_refused():
    with pytest.raises(ValidationError, match="too similar"):
        editor_create(username="margaretgonzalez", password="margaretgonzalez1")
    assert not User.objects.exists()


def test_a_malformed_email_is_refused(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", STRONG)

    with pytest.raises(CommandError, match="email"):
        createeditor("dana", email="not-an-address")
    assert not User.objects.exists()
