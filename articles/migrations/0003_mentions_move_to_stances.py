"""The relations from an article to the places and speakers it names move to ``stances``, so that
sources no longer depend on the facts derived from them. The tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_named_jurisdictions_and_officials"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="article", name="jurisdictions"),
                migrations.RemoveField(model_name="article", name="officials"),
            ],
            database_operations=[],
        ),
    ]
