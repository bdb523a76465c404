# "The largest operations first" (events ordered by -count, NULLS LAST as the API orders, then
# -id), with or without a kind, reads an index instead of sorting every event (PostgreSQL only:
# SQLite cannot put NULLS LAST in an index). The changes feed orders by (updated_at, id): one
# index for both columns, so a bulk load that gives many rows one timestamp needs no sort.

from django.db import migrations, models

POSTGRES_INDEXES = {
    "event_count_order_idx": "stances_enforcementevent (count DESC NULLS LAST, id DESC)",
    "event_kind_count_order_idx": (
        "stances_enforcementevent (kind, count DESC NULLS LAST, id DESC)"
    ),
}


def create_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, target in POSTGRES_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in POSTGRES_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("stances", "0006_indexes_for_scale")]

    operations = [
        migrations.RunPython(create_postgres_indexes, drop_postgres_indexes),
        migrations.RemoveIndex(model_name="enforcementevent", name="event_updated_idx"),
        migrations.AddIndex(
            model_name="enforcementevent",
            index=models.Index(fields=["updated_at", "id"], name="event_updated_id_idx"),
        ),
        migrations.RemoveIndex(model_name="official", name="official_updated_idx"),
        migrations.AddIndex(
            model_name="official",
            index=models.Index(fields=["updated_at", "id"], name="official_updated_id_idx"),
        ),
        migrations.RemoveIndex(model_name="policyaction", name="policy_updated_idx"),
        migrations.AddIndex(
            model_name="policyaction",
            index=models.Index(fields=["updated_at", "id"], name="policy_updated_id_idx"),
        ),
        migrations.RemoveIndex(model_name="statement", name="statement_updated_idx"),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["updated_at", "id"], name="statement_updated_id_idx"),
        ),
    ]
