"""Flag accounts that have the published demo password, so check --deploy need not hash.

Existing accounts are checked once here, without hashing everyone's password: the demo
school gives all its accounts one shared hash, and outside demo mode the password validator
never let anyone choose the demo password. So only hashes shared by several accounts and the
published demo usernames are tested, one hash check per distinct hash.
"""

from django.contrib.auth.hashers import check_password
from django.db import migrations, models
from django.db.models import Count

DEMO_PASSWORD = "continuum-demo"
DEMO_USERNAMES = ("learner", "guardian", "educator", "counselor", "leader", "admin", "partner")


def flag_demo_passwords(apps, schema_editor):
    User = apps.get_model("people", "User")
    shared = (
        User.objects.values("password").annotate(n=Count("id")).filter(n__gt=1)
        .values_list("password", flat=True)
    )
    published = User.objects.filter(username__in=DEMO_USERNAMES).values_list("password", flat=True)
    for encoded in {*shared, *published}:
        if encoded and check_password(DEMO_PASSWORD, encoded):
            User.objects.filter(password=encoded).update(has_demo_password=True)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_text_change_reasons"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="has_demo_password",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Kept by set_password so the deploy check need not hash every password.",
            ),
        ),
        migrations.RunPython(flag_demo_passwords, migrations.RunPython.noop, elidable=True),
    ]
