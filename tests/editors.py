"""The people of the admin tests: an editor (staff, in the migrated ``editors`` group), a staff
user outside it, and helpers to post an admin form as the browser would."""

from django.contrib.auth.models import Group, User
from django.db import models
from django.urls import reverse

PASSWORD = "tulip-orbit-saffron-92"


def editor_user(username: str = "editor", password: str | None = None) -> User:
    """Without a password (hashing one takes most of a second) unless the test logs in."""
    user = User.objects.create_user(username=username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name="editors"))
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
