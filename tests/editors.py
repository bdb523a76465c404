"""The people of the admin tests: an editor (staff, in the migrated ``editors`` group), a staff
user outside it, and helpers to post an admin form as the browser would."""

from importlib import import_module

from django.contrib.auth.models import Group, Permission, User
from django.db import models
from django.urls import reverse

PASSWORD = "tulip-orbit-saffron-92"
# The migrations that give the editors group its permissions, in order.
EDITOR_MIGRATIONS = [
    "stances.migrations.0004_editors_group",
    "stances.migrations.0010_editors_review_declarations",
    "stances.migrations.0011_ingestion_jobs",
    "stances.migrations.0012_editors_import_287g",
]


def editors_group() -> Group:
    """The group migration 0004 made. A transactional test (a live server's) ends by flushing
    every table, and data made by migrations goes with it (permissions come back with the
    post-migrate signal): then the group is made again, with the migration's own permissions."""
    group = Group.objects.filter(name="editors").first()
    if group is None:
        group = Group.objects.create(name="editors")
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for migration in EDITOR_MIGRATIONS
                for app_label, codename in import_module(migration).codenames()
            ]
        )
    return group


def editor_user(username: str = "editor", password: str | None = None) -> User:
    """Without a password (hashing one takes most of a second) unless the test logs in."""
    user = User.objects.create_user(username=username, password=password, is_staff=True)
    user.groups.add(editors_group())
    return user


def outsider_user() -> User:
    """Staff, so the admin lets them in, but in no group: no permission on anything."""
    return User.objects.create_user(username="outsider", is_staff=True)


def admin_url(model: type[models.Model], view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def form_data(response) -> dict[str, str]:
    """The values an admin form page shows, as the browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, models.Model):
            value = value.pk
        data[name] = "" if value is None else str(value)
    return data
