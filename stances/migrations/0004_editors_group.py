"""The ``editors`` group, with exactly the permissions editors' work needs: articles, officials,
statements, enforcement events, policy actions (and their indicator effects), reading
jurisdictions and history, and handling readers' correction requests. No user or group
management, and no deleting of facts (editors reject them instead)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "editors"
PERMISSIONS = {
    "articles": {"article": ["add", "change", "view"]},
    "stances": {
        "official": ["add", "change", "view"],
        "statement": ["add", "change", "view"],
        "enforcementevent": ["add", "change", "view"],
        "policyaction": ["add", "change", "view"],
        "policyeffect": ["add", "change", "delete", "view"],
        "jurisdiction": ["view"],
        "historicalofficial": ["view"],
        "historicalstatement": ["view"],
        "historicalenforcementevent": ["view"],
        "historicalpolicyaction": ["view"],
        "historicalpolicyeffect": ["view"],
        "historicaljurisdiction": ["view"],
        "correctionrequest": ["change", "view"],
    },
}


def codenames():
    for app_label, models in PERMISSIONS.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def create_editors(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the group
    # can be given them in this migration. Everything on the database being migrated.
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    group.permissions.set(
        [
            Permission.objects.using(using).get(
                content_type__app_label=app_label, codename=codename
            )
            for app_label, codename in codenames()
        ]
    )


def remove_editors(apps, schema_editor):
    using = schema_editor.connection.alias
    apps.get_model("auth", "Group").objects.using(using).filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0002_named_jurisdictions_and_officials"),
        ("stances", "0003_history_and_corrections"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
