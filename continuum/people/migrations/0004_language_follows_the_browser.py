"""A saved language of "" follows the browser; "en" was everyone's default until now.

Accounts still on the old default "en" become "". An account whose history shows another
language before (someone who chose Spanish, then English) keeps "en": that English was
chosen. An English choice made while still on the old default left no trace (the switch
saves nothing when the value does not change), so it is forgotten, and the browser decides
for that person until they choose again.
"""

from django.db import migrations, models


def follow_the_browser(apps, schema_editor):
    User = apps.get_model("people", "User")
    HistoricalUser = apps.get_model("people", "HistoricalUser")
    chose = (
        HistoricalUser.objects.exclude(preferred_language__in=["en", ""])
        .values_list("id", flat=True)
        .distinct()
    )
    User.objects.filter(preferred_language="en").exclude(pk__in=chose).update(preferred_language="")


def back_to_english(apps, schema_editor):
    apps.get_model("people", "User").objects.filter(preferred_language="").update(
        preferred_language="en"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_user_has_demo_password"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicaluser",
            name="preferred_language",
            field=models.CharField(blank=True, default="", max_length=8),
        ),
        migrations.AlterField(
            model_name="user",
            name="preferred_language",
            field=models.CharField(blank=True, default="", max_length=8),
        ),
        migrations.RunPython(follow_the_browser, back_to_english),
    ]
