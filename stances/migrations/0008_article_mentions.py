"""The relations from an article to the places and speakers it names, declared on this side now
(``Jurisdiction.articles``, ``Official.articles``) on the tables ``articles`` made for them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_mentions_move_to_stances"),
        ("stances", "0007_indexes_for_largest_and_latest"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="jurisdiction",
                    name="articles",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="articles_article_jurisdictions",
                        related_name="jurisdictions",
                        to="articles.article",
                    ),
                ),
                migrations.AddField(
                    model_name="official",
                    name="articles",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="articles_article_officials",
                        related_name="officials",
                        to="articles.article",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
