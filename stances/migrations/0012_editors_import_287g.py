"""Editors import ICE's 287(g) lists (adding a list snapshot) and resolve the agreements ICE
stopped listing (changing a listing); they read listings, snapshots and the listings' history."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "editors"
PERMISSIONS = {
    "stances": {
        "listsnapshot": ["add", "view"],
        "agreementlisting": ["change", "view"],
        "historicalagreementlisting": ["view"],
    },
}


def codenames():
    for app_label, models in PERMISSIONS.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    group.permissions.add(
        *[
            Permission.objects.using(using).get(
                content_type__app_label=app_label, codename=codename
            )
            for app_label, codename in codenames()
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("stances", "0011_agreement_listings")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
