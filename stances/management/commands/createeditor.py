"""Create an editor: ``python manage.py createeditor USERNAME [--email ADDRESS]``.

The password comes from ``EDITOR_PASSWORD`` when set (for scripts), else it is asked for twice.
"""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from stances.services.editors import editor_create


class Command(BaseCommand):
    help = (
        "Create a staff user in the editors group, who can add articles and review, correct and "
        "add facts in the admin. The password is read from EDITOR_PASSWORD or asked for twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="the editor's email address")

    def handle(self, *args, **options):
        password = self.password()
        try:
            user = editor_create(
                username=options["username"], password=password, email=options["email"]
            )
        except ValidationError as exc:
            raise CommandError(" ".join(_messages(exc))) from exc
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"Editor “{user.username}” created."))

    def password(self) -> str:
        from_env = os.environ.get("EDITOR_PASSWORD")
        if from_env is not None:
            return from_env
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        return password


def _messages(exc: ValidationError) -> list[str]:
    if not hasattr(exc, "error_dict"):
        return exc.messages
    return [f"{field}: {message}" for field, items in exc.message_dict.items() for message in items]
